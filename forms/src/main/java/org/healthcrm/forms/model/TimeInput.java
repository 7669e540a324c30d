package org.healthcrm.forms.model;

/** Form.io's {@code time}: a text HH:mm or HH:mm:ss (24 hours). */
public record TimeInput(Common common, Validation validation, boolean multiple) implements Field {
}
