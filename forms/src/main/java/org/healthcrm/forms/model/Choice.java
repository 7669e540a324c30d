package org.healthcrm.forms.model;

import java.util.List;

/**
 * One of the listed values: {@code select} (static {@code data.values}) or {@code radio} ({@code values}).
 *
 * @param multiple select only: the value is a list of listed values
 */
public record Choice(Common common, Validation validation, List<Option> options, boolean multiple)
        implements Field {
}
