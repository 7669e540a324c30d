package org.healthcrm.forms.model;

/**
 * Form.io's {@code day}: a text "MM/DD/YYYY" ("DD/MM/YYYY" with {@code dayFirst}), parts not entered as 00 / 0000,
 * hidden parts left out.
 *
 * @param minDate may be null
 * @param maxDate may be null
 * @param minYear 0 when not set
 * @param maxYear 0 when not set
 */
public record DayInput(Common common, Validation validation, boolean dayFirst, DayPart day, DayPart month,
                       DayPart year, DateBound minDate, DateBound maxDate, int minYear, int maxYear)
        implements Field {

    /** One of the three inputs ({@code fields.day}, {@code fields.month}, {@code fields.year}). */
    public record DayPart(boolean hide, boolean required) {
    }
}
