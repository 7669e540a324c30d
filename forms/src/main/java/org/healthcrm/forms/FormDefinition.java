package org.healthcrm.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.DataScope;
import org.healthcrm.forms.model.FormDisplay;
import org.healthcrm.forms.model.Panel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Form.io form definition, loaded and checked: the typed component tree, the data it accepts and the JSON
 * exactly as written (which the browser renders with @formio/js).
 *
 * <p>Loading refuses, with a {@link FormDefinitionException} naming the component and the fix: component types the
 * server does not understand, duplicate data keys at one data level, and JavaScript the browser would run but the
 * server cannot ({@code customConditional}, {@code validate.custom}, {@code calculateValue},
 * {@code customDefaultValue}, advanced {@code logic}), and record-field mappings ({@code properties.domain}) that
 * are malformed, duplicated or inside grid rows. JSONLogic ({@code conditional.json}, {@code validate.json}) is data,
 * not code, and is supported. Instances are immutable and thread-safe.
 */
public final class FormDefinition {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final String key;
    private final String title;
    private final FormDisplay display;
    private final List<Component> components;
    private final DataScope data;
    private final Map<String, String> domainTargets;
    private final String json;

    FormDefinition(String key, String title, FormDisplay display, List<Component> components, DataScope data,
                   Map<String, String> domainTargets, String json) {
        this.key = key;
        this.title = title;
        this.display = display;
        this.components = List.copyOf(components);
        this.data = data;
        this.domainTargets = Collections.unmodifiableMap(new LinkedHashMap<>(domainTargets));
        this.json = json;
    }

    /**
     * Loads a definition from its JSON text, kept unchanged as {@link #json()}.
     *
     * @param key the form key (its file name without .json); {@code "name"} in the JSON must match when present
     * @throws FormDefinitionException when the definition is refused
     */
    public static FormDefinition parse(String key, String json) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new FormDefinitionException(key, "Form '" + key + "' is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        return new FormParser(key).parse(tree, json);
    }

    /**
     * Loads a definition from a JSON tree (which is not kept: {@link #json()} is its serialization).
     *
     * @throws FormDefinitionException when the definition is refused
     */
    public static FormDefinition parse(String key, JsonNode definition) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(definition, "definition");
        return new FormParser(key).parse(definition, definition.toString());
    }

    /** The form key: its file name without .json, unique across features. */
    public String key() {
        return key;
    }

    /** The title people see; the key when the definition has none. */
    public String title() {
        return title;
    }

    public FormDisplay display() {
        return display;
    }

    /** The top-level components in document order. */
    public List<Component> components() {
        return components;
    }

    /** A wizard's pages (its top-level panels); empty for a plain form. */
    public List<Panel> pages() {
        if (display != FormDisplay.WIZARD) {
            return List.of();
        }
        return components.stream().map(Panel.class::cast).toList();
    }

    /**
     * Whether the form asks for clinical answers: a field marked {@code properties.phi: "true"} (allergies, red
     * flags). Its filled-in PDFs are clinical documents, shown only to clinical roles or after a break-glass.
     */
    public boolean clinical() {
        return clinical(data);
    }

    private static boolean clinical(DataScope scope) {
        return scope.fields().stream().anyMatch(f -> f.component().common().phi()
                || f.nested() != null && clinical(f.nested()));
    }

    /** The fields of the submission's {@code data} object, layouts resolved away. */
    public DataScope data() {
        return data;
    }

    /**
     * The record fields this form feeds ({@code properties.domain}), each with the data path of the form field that
     * feeds it ({@code "patient.addressLine1" -> "address.line1"}), in document order. {@link DomainValues} reads
     * the values.
     */
    public Map<String, String> domainTargets() {
        return domainTargets;
    }

    /** The definition's JSON as written, for the browser. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return "FormDefinition[" + key + "]";
    }
}
