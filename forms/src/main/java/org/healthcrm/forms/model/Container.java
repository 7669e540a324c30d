package org.healthcrm.forms.model;

import java.util.List;

/** Nests its fields' data under its key: {@code {"address": {"city": ...}}}. */
public record Container(Common common, Validation validation, List<Component> components) implements Field {
}
