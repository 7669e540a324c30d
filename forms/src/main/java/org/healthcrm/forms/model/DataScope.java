package org.healthcrm.forms.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One level of a submission's data: the whole {@code data} object, a container's object or one grid row. Layouts
 * are transparent, so a field inside a panel inside columns still sits at the level of the panel.
 */
public final class DataScope {

    private final List<DataField> fields;
    private final Map<String, DataField> byKey;

    public DataScope(List<DataField> fields) {
        this.fields = List.copyOf(fields);
        Map<String, DataField> map = new LinkedHashMap<>();
        for (DataField field : this.fields) {
            if (map.putIfAbsent(field.key(), field) != null) {
                throw new IllegalArgumentException("duplicate data key '" + field.key() + "'");
            }
        }
        this.byKey = Collections.unmodifiableMap(map);
    }

    /** The fields at this level in document order. */
    public List<DataField> fields() {
        return fields;
    }

    public Optional<DataField> field(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public boolean contains(String key) {
        return byKey.containsKey(key);
    }

    @Override
    public String toString() {
        return "DataScope" + byKey.keySet();
    }
}
