package org.healthcrm.forms.model;

/**
 * Form.io's {@code datetime}: an ISO-8601 text, e.g. {@code 2025-03-01T09:30:00-05:00}.
 *
 * @param enableTime false for a date only: bounds then cover whole days
 * @param minDate    {@code datePicker.minDate}; may be null
 * @param maxDate    {@code datePicker.maxDate}; may be null
 */
public record DateTimeInput(Common common, Validation validation, boolean multiple, boolean enableTime,
                            DateBound minDate, DateBound maxDate) implements Field {
}
