package org.healthcrm.forms.model;

/** A JSON boolean; "required" means it must be checked. */
public record Checkbox(Common common, Validation validation) implements Field {
}
