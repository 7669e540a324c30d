package org.healthcrm.forms.model;

import java.util.List;

/** Side-by-side columns. */
public record Columns(Common common, List<Column> columns) implements Layout {

    /** One column; {@code width} in the 12-unit grid. */
    public record Column(int width, List<Component> components) {
    }

    @Override
    public List<Component> children() {
        return columns.stream().flatMap(c -> c.components().stream()).toList();
    }
}
