package org.healthcrm.forms.model;

import java.util.List;

/**
 * Repeating rows, {@code datagrid} or {@code editgrid}: the value is a list of objects, one per row.
 * {@link Validation#minLength()} and {@link Validation#maxLength()} count rows.
 */
public record DataGrid(Common common, Validation validation, List<Component> components) implements Field {
}
