package org.healthcrm.forms.model;

/** A button. The browser sends {@code "<key>": true} for the submit button; the server accepts and drops it. */
public record Button(Common common, String action) implements Component {
}
