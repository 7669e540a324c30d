package org.healthcrm.forms.model;

/**
 * A JSON number: {@code number} or {@code currency}.
 *
 * @param decimalLimit most digits after the decimal point, or -1 for any (currency defaults to 2)
 */
public record NumberInput(Common common, Validation validation, boolean multiple, int decimalLimit)
        implements Field {
}
