package org.healthcrm.documents;

import com.fasterxml.jackson.databind.JsonNode;
import org.healthcrm.forms.model.Checkbox;
import org.healthcrm.forms.model.Choice;
import org.healthcrm.forms.model.ComponentType;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataGrid;
import org.healthcrm.forms.model.DateTimeInput;
import org.healthcrm.forms.model.DayInput;
import org.healthcrm.forms.model.Field;
import org.healthcrm.forms.model.FileUpload;
import org.healthcrm.forms.model.NumberInput;
import org.healthcrm.forms.model.Option;
import org.healthcrm.forms.model.SelectBoxes;
import org.healthcrm.forms.model.Signature;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a form field as a person reads it on paper: option labels rather than stored values, Yes/No,
 * dates in ISO form, file names. Works on cleaned data (see
 * {@link org.healthcrm.forms.validation.ValidationResult#data()}) and never fails on an unexpected shape: it then
 * shows the stored text.
 */
final class AnswerText {

    /** Shown for a field that was shown but left empty. */
    static final String NO_ANSWER = "—";
    static final String NONE_SELECTED = "None";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AnswerText() {
    }

    /** The answer of one field, one line per item for lists. */
    static String of(Field field, JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NO_ANSWER;
        }
        if (value.isArray() && !(field instanceof FileUpload) && !(field instanceof DataGrid)
                && !(field instanceof Choice)) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(single(field, item)));
            return items.isEmpty() ? NO_ANSWER : String.join("\n", items);
        }
        return single(field, value);
    }

    private static String single(Field field, JsonNode value) {
        if (value == null || value.isNull()) {
            return NO_ANSWER;
        }
        if (field instanceof Checkbox) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (field instanceof Choice choice) {
            return choice(choice, value);
        }
        if (field instanceof SelectBoxes boxes) {
            return selectBoxes(boxes, value);
        }
        if (field instanceof NumberInput number) {
            return number(number, value);
        }
        if (field instanceof DayInput day) {
            return day(day, value.asText());
        }
        if (field instanceof DateTimeInput dateTime) {
            return dateTime(dateTime, value.asText());
        }
        if (field instanceof FileUpload) {
            return fileNames(value);
        }
        if (field instanceof Signature) {
            return value.asText().isEmpty() ? NO_ANSWER : "[signature]";
        }
        if (field instanceof Container container) {
            return container.components().isEmpty() ? NO_ANSWER : nested(container, value);
        }
        if (field instanceof DataGrid) {
            int rows = value.isArray() ? value.size() : 0;
            return rows == 1 ? "1 entry" : rows + " entries";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.isEmpty() ? NO_ANSWER : text;
    }

    private static String choice(Choice choice, JsonNode value) {
        if (value.isArray()) {
            List<String> labels = new ArrayList<>();
            value.forEach(item -> labels.add(optionLabel(choice.options(), item.asText())));
            return labels.isEmpty() ? NO_ANSWER : String.join("\n", labels);
        }
        String stored = value.asText();
        return stored.isEmpty() ? NO_ANSWER : optionLabel(choice.options(), stored);
    }

    private static String optionLabel(List<Option> options, String value) {
        for (Option option : options) {
            if (option.value().equals(value)) {
                return option.label().isBlank() ? value : option.label();
            }
        }
        return value;
    }

    private static String selectBoxes(SelectBoxes boxes, JsonNode value) {
        if (!value.isObject()) {
            return value.asText();
        }
        List<String> checked = new ArrayList<>();
        for (Option option : boxes.options()) {
            if (value.path(option.value()).asBoolean(false)) {
                checked.add(option.label().isBlank() ? option.value() : option.label());
            }
        }
        value.fields().forEachRemaining(entry -> {
            boolean listed = boxes.options().stream().anyMatch(o -> o.value().equals(entry.getKey()));
            if (!listed && entry.getValue().asBoolean(false)) {
                checked.add(entry.getKey());
            }
        });
        return checked.isEmpty() ? NONE_SELECTED : String.join("\n", checked);
    }

    private static String number(NumberInput number, JsonNode value) {
        if (!value.isNumber()) {
            return value.asText().isEmpty() ? NO_ANSWER : value.asText();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        BigDecimal decimal = value.decimalValue().stripTrailingZeros();
        if (number.type() == ComponentType.CURRENCY && decimal.scale() < 2) {
            decimal = decimal.setScale(2, RoundingMode.UNNECESSARY);
        }
        return decimal.scale() < 0 ? decimal.setScale(0, RoundingMode.UNNECESSARY).toPlainString()
                : decimal.toPlainString();
    }

    /**
     * A day as an ISO date with what was entered, e.g. "1978-04-23 (entered as 04/23/1978)". Partial days
     * (month and year only, "00" for a part not entered) become "1978-04"; anything else is shown as entered.
     */
    static String day(DayInput field, String entered) {
        if (entered.isEmpty()) {
            return NO_ANSWER;
        }
        List<Character> order = new ArrayList<>(field.dayFirst() ? List.of('d', 'm', 'y') : List.of('m', 'd', 'y'));
        if (field.day() != null && field.day().hide()) {
            order.remove(Character.valueOf('d'));
        }
        if (field.month() != null && field.month().hide()) {
            order.remove(Character.valueOf('m'));
        }
        if (field.year() != null && field.year().hide()) {
            order.remove(Character.valueOf('y'));
        }
        String[] parts = entered.split("/", -1);
        if (parts.length != order.size()) {
            return entered;
        }
        int day = 0;
        int month = 0;
        int year = 0;
        try {
            for (int i = 0; i < parts.length; i++) {
                int part = Integer.parseInt(parts[i]);
                switch (order.get(i)) {
                    case 'd' -> day = part;
                    case 'm' -> month = part;
                    default -> year = part;
                }
            }
        } catch (NumberFormatException e) {
            return entered;
        }
        String iso;
        try {
            if (year > 0 && month > 0 && day > 0) {
                iso = LocalDate.of(year, month, day).toString();
            } else if (year > 0 && month > 0 && month <= 12) {
                iso = String.format("%04d-%02d", year, month);
            } else if (year > 0) {
                iso = String.format("%04d", year);
            } else {
                return entered;
            }
        } catch (DateTimeException e) {
            return entered;
        }
        return iso + " (entered as " + entered + ")";
    }

    /** An ISO-8601 date-time as "2025-06-14 16:05 UTC-04:00" (or the date alone when the field has no time). */
    static String dateTime(DateTimeInput field, String stored) {
        if (stored.isEmpty()) {
            return NO_ANSWER;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(stored);
            if (!field.enableTime()) {
                return at.toLocalDate().toString();
            }
            String offset = at.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + at.getOffset().getId();
            return withoutZeroSeconds(at.toLocalDateTime()) + " " + offset;
        } catch (DateTimeParseException notOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(stored);
                return field.enableTime() ? withoutZeroSeconds(local) : local.toLocalDate().toString();
            } catch (DateTimeParseException notLocal) {
                return stored;
            }
        }
    }

    private static String withoutZeroSeconds(LocalDateTime time) {
        return (time.getSecond() == 0 && time.getNano() == 0 ? DATE_TIME : DATE_TIME_SECONDS).format(time);
    }

    private static String fileNames(JsonNode value) {
        if (!value.isArray()) {
            return value.asText();
        }
        List<String> names = new ArrayList<>();
        for (JsonNode file : value) {
            String name = file.path("originalName").asText("");
            if (name.isBlank()) {
                name = file.path("name").asText("");
            }
            names.add(name.isBlank() ? "(file without a name)" : name);
        }
        return names.isEmpty() ? NONE_SELECTED : String.join("\n", names);
    }

    /** A container inside a grid cell: one "Label: answer" line per shown field. */
    private static String nested(Container container, JsonNode value) {
        if (!value.isObject()) {
            return NO_ANSWER;
        }
        List<String> lines = new ArrayList<>();
        for (Field field : SubmissionPdf.shownFields(container.components())) {
            if (value.has(field.key())) {
                lines.add(SubmissionPdf.label(field) + ": " + of(field, value.get(field.key())));
            }
        }
        return lines.isEmpty() ? NO_ANSWER : String.join("\n", lines);
    }
}
