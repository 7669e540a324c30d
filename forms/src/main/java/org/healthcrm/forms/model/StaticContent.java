package org.healthcrm.forms.model;

/** {@code content} or {@code htmlelement}: text shown to the person, no data. */
public record StaticContent(Common common, String html) implements Component {
}
