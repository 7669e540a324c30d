package org.healthcrm.forms.model;

import java.util.List;

/** A layout table: rows of cells, each cell holding components. */
public record Table(Common common, List<List<Cell>> rows) implements Layout {

    /** One cell. */
    public record Cell(List<Component> components) {
    }

    @Override
    public List<Component> children() {
        return rows.stream().flatMap(List::stream).flatMap(c -> c.components().stream()).toList();
    }
}
