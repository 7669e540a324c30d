package org.healthcrm.forms.model;

/** Form.io's {@code hidden}: a single text, number or boolean the page carries along. */
public record HiddenValue(Common common, Validation validation) implements Field {
}
