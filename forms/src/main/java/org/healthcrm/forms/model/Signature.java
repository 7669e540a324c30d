package org.healthcrm.forms.model;

/** A drawn signature: a {@code data:image/...} URL. */
public record Signature(Common common, Validation validation) implements Field {
}
