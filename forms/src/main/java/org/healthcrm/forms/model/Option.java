package org.healthcrm.forms.model;

/** One listed value of a select, radio or selectboxes component. */
public record Option(String label, String value) {
}
