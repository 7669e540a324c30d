package org.healthcrm.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.model.Checkbox;
import org.healthcrm.forms.model.Choice;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.model.DataScope;
import org.healthcrm.forms.model.DateTimeInput;
import org.healthcrm.forms.model.DayInput;
import org.healthcrm.forms.model.HiddenValue;
import org.healthcrm.forms.model.NumberInput;
import org.healthcrm.forms.model.TextInput;
import org.healthcrm.forms.model.TimeInput;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The values a submission gives to record fields: the one place where form data becomes domain data. A form field
 * declares the record field it feeds with the Form.io custom property {@code "properties": {"domain":
 * "patient.birthDate"}}; {@link FormDefinition#parse} checks the declarations (see
 * {@link FormDefinition#domainTargets()}).
 *
 * <p>Values are typed for the record, not the browser:
 * <ul>
 *   <li>textfield, textarea, email, url, phoneNumber: {@link String}, trimmed; blank text gives no value</li>
 *   <li>number and currency: {@link Long} where the field allows no decimals ({@code decimalLimit: 0}), else
 *       {@link BigDecimal}</li>
 *   <li>checkbox: {@link Boolean}</li>
 *   <li>select and radio: the stored option value as {@link String}</li>
 *   <li>day ("MM/DD/YYYY", "DD/MM/YYYY" with {@code dayFirst}): {@link LocalDate}; a day with a part not entered
 *       ("00") gives no value</li>
 *   <li>datetime: {@link OffsetDateTime}; a value without offset is read in the zone given</li>
 *   <li>time: {@link LocalTime}</li>
 *   <li>hidden: {@link String}, {@link Long}/{@link BigDecimal} or {@link Boolean}, as submitted</li>
 * </ul>
 * A field without a value, or one that a condition hid (the cleaned data no longer has it), gives nothing.
 */
public final class DomainValues {

    private DomainValues() {
    }

    /**
     * The record-field values of a cleaned submission, datetimes without offset read in the system zone.
     *
     * @param data the cleaned data of a valid submission: {@code ValidationResult.data()}
     * @return record field ({@code "patient.birthDate"}) to typed value, in the form's order; unmodifiable
     * @throws IllegalArgumentException when the data does not have the shape the validator gives valid submissions
     */
    public static Map<String, Object> of(FormDefinition form, ObjectNode data) {
        return of(form, data, ZoneId.systemDefault());
    }

    /**
     * The record-field values of a cleaned submission.
     *
     * @param data the cleaned data of a valid submission: {@code ValidationResult.data()}
     * @param zone where datetimes without an offset (which only API clients send) are read
     * @return record field ({@code "patient.birthDate"}) to typed value, in the form's order; unmodifiable
     * @throws IllegalArgumentException when the data does not have the shape the validator gives valid submissions
     */
    public static Map<String, Object> of(FormDefinition form, ObjectNode data, ZoneId zone) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(zone, "zone");
        Map<String, Object> values = new LinkedHashMap<>();
        if (!form.domainTargets().isEmpty()) {
            collect(form, form.data(), data, "", zone, values);
        }
        return Collections.unmodifiableMap(values);
    }

    /** Grids are not walked: the parser refuses mappings inside grid rows. */
    private static void collect(FormDefinition form, DataScope scope, JsonNode data, String prefix, ZoneId zone,
                                Map<String, Object> values) {
        for (DataField field : scope.fields()) {
            Component component = field.component();
            JsonNode value = data.get(field.key());
            if (component instanceof Container) {
                if (value != null && value.isObject()) {
                    collect(form, field.nested(), value, prefix + field.key() + ".", zone, values);
                }
                continue;
            }
            if (field.domain() == null || value == null || value.isNull()) {
                continue;
            }
            Object typed = typed(component, value, zone);
            if (typed == Shape.WRONG) {
                throw new IllegalArgumentException("Form '" + form.key() + "': the value of '" + prefix + field.key()
                        + "' (" + component.type() + ") is not what a valid submission holds; pass the cleaned data "
                        + "of a valid submission (ValidationResult.data())");
            }
            if (typed != null) {
                values.put(field.domain(), typed);
            }
        }
    }

    /** A value whose JSON shape the validator would not have let through. */
    private enum Shape {
        WRONG
    }

    /** The typed value, null for "no value", or {@link Shape#WRONG}. */
    private static Object typed(Component component, JsonNode value, ZoneId zone) {
        try {
            if (component instanceof TextInput || component instanceof Choice) {
                return value.isTextual() ? blankToNull(value.textValue().strip()) : Shape.WRONG;
            }
            if (component instanceof NumberInput number) {
                if (!value.isNumber()) {
                    return Shape.WRONG;
                }
                BigDecimal decimal = value.decimalValue();
                return number.decimalLimit() == 0 && fitsLong(decimal) ? (Object) decimal.longValueExact() : decimal;
            }
            if (component instanceof Checkbox) {
                return value.isBoolean() ? value.booleanValue() : Shape.WRONG;
            }
            if (component instanceof DayInput day) {
                return value.isTextual() ? day(day, value.textValue()) : Shape.WRONG;
            }
            if (component instanceof DateTimeInput) {
                return value.isTextual() ? dateTime(value.textValue(), zone) : Shape.WRONG;
            }
            if (component instanceof TimeInput) {
                return value.isTextual() ? blankOr(value.textValue(), LocalTime::parse) : Shape.WRONG;
            }
            if (component instanceof HiddenValue) {
                return hidden(value);
            }
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Shape.WRONG;
        }
        return Shape.WRONG;
    }

    private static boolean fitsLong(BigDecimal number) {
        return number.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    }

    private static Object day(DayInput day, String text) {
        if (text.isEmpty()) {
            return null;
        }
        String[] parts = text.split("/", -1);
        if (parts.length != 3) {
            return Shape.WRONG;
        }
        int first = Integer.parseInt(parts[0]);
        int second = Integer.parseInt(parts[1]);
        int year = Integer.parseInt(parts[2]);
        int dayOfMonth = day.dayFirst() ? first : second;
        int month = day.dayFirst() ? second : first;
        if (dayOfMonth == 0 || month == 0 || year == 0) {
            return null;
        }
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static Object dateTime(String text, ZoneId zone) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
            }
        }
    }

    private static Object hidden(JsonNode value) {
        if (value.isTextual()) {
            return blankToNull(value.textValue().strip());
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            return number.stripTrailingZeros().scale() <= 0 && value.canConvertToLong() ? (Object) value.longValue()
                    : number;
        }
        return Shape.WRONG;
    }

    private static Object blankOr(String text, Function<String, Object> parse) {
        return text.isBlank() ? null : parse.apply(text);
    }

    private static String blankToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
