package org.healthcrm.forms.model;

/**
 * Form.io's simple conditional {@code {"show": true, "when": "isMinor", "eq": "true"}}: compares the text of the
 * other field's value ({@code String(value)} in JavaScript) with {@code eq}; for selectboxes {@code eq} names an
 * option and its checked state is compared with {@code show}.
 */
public record SimpleConditional(boolean show, FieldReference when, String eq) implements Conditional {
}
