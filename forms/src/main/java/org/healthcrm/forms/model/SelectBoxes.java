package org.healthcrm.forms.model;

import java.util.List;

/** An object of option value to boolean, one key per listed option. */
public record SelectBoxes(Common common, Validation validation, List<Option> options) implements Field {
}
