package org.healthcrm.forms.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.logic.JsValues;
import org.healthcrm.forms.logic.JsonLogic;
import org.healthcrm.forms.model.Button;
import org.healthcrm.forms.model.Checkbox;
import org.healthcrm.forms.model.Choice;
import org.healthcrm.forms.model.Common;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.ComponentType;
import org.healthcrm.forms.model.ConditionList;
import org.healthcrm.forms.model.Conditional;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.model.DataGrid;
import org.healthcrm.forms.model.DataScope;
import org.healthcrm.forms.model.DateTimeInput;
import org.healthcrm.forms.model.DayInput;
import org.healthcrm.forms.model.Field;
import org.healthcrm.forms.model.FieldReference;
import org.healthcrm.forms.model.FileUpload;
import org.healthcrm.forms.model.HiddenValue;
import org.healthcrm.forms.model.JsonLogicConditional;
import org.healthcrm.forms.model.NumberInput;
import org.healthcrm.forms.model.Option;
import org.healthcrm.forms.model.SelectBoxes;
import org.healthcrm.forms.model.Signature;
import org.healthcrm.forms.model.SimpleConditional;
import org.healthcrm.forms.model.TextInput;
import org.healthcrm.forms.model.TimeInput;
import org.healthcrm.forms.model.Validation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One validation of one submission: walks the form's data levels in document order, evaluating conditions as the
 * browser does, checking each shown field and copying what may be stored. Not thread-safe; one per call.
 */
final class ValidationRun {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern CUSTOM_FIELD = Pattern.compile("\\{\\{\\s*field\\s*}}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Set<String> FILE_KEYS = Set.of("storage", "name", "originalName", "size", "type", "url",
            "hash", "key", "bucket", "acl", "data");

    /** One data level being validated: the submission's data object, a container's object or a grid row. */
    private static final class Frame {
        final JsonNode data;
        final String prefix;
        Set<String> hidden;

        Frame(JsonNode data, String prefix) {
            this.data = data;
            this.prefix = prefix;
        }

        boolean isHidden(String key) {
            return hidden != null && hidden.contains(key);
        }

        void hide(String key) {
            if (hidden == null) {
                hidden = new HashSet<>();
            }
            hidden.add(key);
        }
    }

    private final ValidationSettings settings;
    private final Clock clock;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<Frame> frames = new ArrayList<>();

    ValidationRun(ValidationSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
    }

    ValidationResult run(FormDefinition form, JsonNode data) {
        ObjectNode out = NODES.objectNode();
        if (data == null || !data.isObject()) {
            errors.add(new FieldError("", "The submission must contain a data object.", "type"));
            return new ValidationResult(errors, out);
        }
        scope(form.data(), data, "", false, out);
        return new ValidationResult(errors, out);
    }

    // ---- data levels -------------------------------------------------------------------------------------

    private void scope(DataScope scope, JsonNode data, String prefix, boolean hiddenAbove, ObjectNode out) {
        Frame frame = new Frame(data, prefix);
        frames.add(frame);
        Iterator<String> names = data.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!scope.contains(name)) {
                errors.add(new FieldError(prefix + name, "Unknown field", "unknownField"));
            }
        }
        for (DataField field : scope.fields()) {
            field(field, frame, hiddenAbove, out);
        }
        frames.remove(frames.size() - 1);
    }

    private void field(DataField dataField, Frame frame, boolean hiddenAbove, ObjectNode out) {
        Component component = dataField.component();
        Common common = component.common();
        String key = common.key();
        boolean shown = true;
        for (Conditional conditional : dataField.conditions()) {
            if (!shown(conditional, frame, null)) {
                shown = false;
                break;
            }
        }
        if (!shown) {
            frame.hide(key);
            if (common.clearOnHide()) {
                return;
            }
        }
        if (component instanceof Button || !common.persistent()) {
            return;
        }
        JsonNode value = frame.data.get(key);
        boolean intentionallyHidden = hiddenAbove || common.hidden() || dataField.hiddenByLayout();
        boolean enforceRequired = shown && !intentionallyHidden;
        String path = frame.prefix + key;
        Field field = (Field) component;
        Check check = new Check(field, path, enforceRequired);
        JsonNode cleaned;
        if (field instanceof Container) {
            cleaned = container(dataField.nested(), value, check);
        } else if (field instanceof DataGrid grid) {
            cleaned = grid(grid, dataField.nested(), value, check);
        } else {
            cleaned = value(field, value, check);
        }
        if (shown && field.validation().json() != null) {
            jsonRule(field.validation().json(), frame, value, check);
        }
        if (cleaned != null && value != null && common.type() != ComponentType.PASSWORD) {
            out.set(key, cleaned);
        }
    }

    /** The field being checked: where it is, whether "required" applies, and how its errors read. */
    private final class Check {
        final Field field;
        final String path;
        /** false when a condition or {@code hidden} hides the field: nothing is required then. */
        final boolean enforced;
        final boolean required;

        Check(Field field, String path, boolean enforced) {
            this.field = field;
            this.path = path;
            this.enforced = enforced;
            this.required = enforced && field.validation().required();
        }

        String name() {
            return field.common().fieldName();
        }

        void error(String rule, String message) {
            error(path, rule, message);
        }

        /**
         * Records an error; the field's customMessage, if any, replaces the message of every Form.io rule (not of
         * the server's own refusals, type and markup, which it was not written for).
         */
        void error(String at, String rule, String message) {
            String custom = field.validation().customMessage();
            String text = custom == null || rule.equals("type") || rule.equals("markup")
                    ? message : CUSTOM_FIELD.matcher(custom).replaceAll(Matcher.quoteReplacement(name()));
            errors.add(new FieldError(at, text, rule));
        }

        void requiredError() {
            error("required", name() + " is required");
        }
    }

    // ---- single values -------------------------------------------------------------------------------------

    private JsonNode value(Field field, JsonNode value, Check check) {
        boolean multiple = field instanceof TextInput t && t.multiple()
                || field instanceof NumberInput n && n.multiple()
                || field instanceof Choice c && c.multiple()
                || field instanceof DateTimeInput d && d.multiple()
                || field instanceof TimeInput ti && ti.multiple();
        if (field instanceof FileUpload file) {
            return files(file, value, check);
        }
        if (!multiple) {
            return single(field, value, check.path, check, check.required);
        }
        if (isNull(value)) {
            if (check.required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isArray()) {
            check.error("type", check.name() + " must be a list.");
            return null;
        }
        if (value.size() > settings.maxValues()) {
            check.error("maxLength", check.name() + " must have no more than " + settings.maxValues() + " values.");
            return null;
        }
        if (check.required && allEmpty(value)) {
            check.requiredError();
        }
        ArrayNode cleaned = NODES.arrayNode(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = single(field, value.get(i), check.path + "[" + i + "]", check, false);
            cleaned.add(item == null ? NODES.nullNode() : item);
        }
        return cleaned;
    }

    private JsonNode single(Field field, JsonNode value, String path, Check check, boolean required) {
        if (field instanceof TextInput text) {
            return text(text, value, path, check, required);
        }
        if (field instanceof NumberInput number) {
            return number(number, value, path, check, required);
        }
        if (field instanceof Checkbox) {
            return checkbox(value, check, required);
        }
        if (field instanceof SelectBoxes boxes) {
            return selectBoxes(boxes, value, check, required);
        }
        if (field instanceof Choice choice) {
            return choice(choice, value, path, check, required);
        }
        if (field instanceof DayInput day) {
            return day(day, value, check, required);
        }
        if (field instanceof DateTimeInput dateTime) {
            return dateTime(dateTime, value, path, check, required);
        }
        if (field instanceof TimeInput) {
            return time(value, path, check, required);
        }
        if (field instanceof Signature) {
            return signature(value, check, required);
        }
        if (field instanceof HiddenValue) {
            return hidden(value, check, required);
        }
        throw new IllegalStateException("no check for " + field.type());
    }

    private JsonNode text(TextInput input, JsonNode value, String path, Check check, boolean required) {
        if (isNull(value)) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isTextual()) {
            check.error(path, "type", check.name() + " must be text.");
            return null;
        }
        String s = value.textValue();
        if (s.length() > settings.maxStringLength()) {
            check.error(path, "maxLength", tooLong(check, settings.maxStringLength()));
            return null;
        }
        if (s.isBlank()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (input.type() != ComponentType.PASSWORD && refusedMarkup(input, s, path, check)) {
            return null;
        }
        Validation v = input.validation();
        if (v.minLength() > 0 && s.length() < v.minLength()) {
            check.error(path, "minLength", check.name() + " must have at least " + v.minLength() + " characters.");
        }
        if (v.maxLength() > 0 && s.length() > v.maxLength()) {
            check.error(path, "maxLength", tooLong(check, v.maxLength()));
        }
        if (v.minWords() > 0 || v.maxWords() > 0) {
            int words = words(s);
            if (v.minWords() > 0 && words < v.minWords()) {
                check.error(path, "minWords", check.name() + " must have at least " + v.minWords() + " words.");
            }
            if (v.maxWords() > 0 && words > v.maxWords()) {
                check.error(path, "maxWords", check.name() + " must have no more than " + v.maxWords() + " words.");
            }
        }
        if (v.pattern() != null && !BoundedText.find(v.pattern(), s)) {
            check.error(path, "pattern", v.patternMessage() != null ? v.patternMessage()
                    : check.name() + " does not match the pattern " + v.pattern().pattern()
                    .substring(1, v.pattern().pattern().length() - 1));
        }
        switch (input.type()) {
            case EMAIL -> {
                if (!Formats.isEmail(s)) {
                    check.error(path, "email", check.name() + " must be a valid email.");
                }
            }
            case URL -> {
                if (!Formats.isUrl(s)) {
                    check.error(path, "url", check.name() + " must be a valid url.");
                }
            }
            case PHONE_NUMBER -> {
                if (input.inputMask() == null && !Formats.isPhone(s)) {
                    check.error(path, "phoneNumber", check.name() + " must be a valid phone number.");
                }
            }
            default -> {
                // plain text
            }
        }
        if (input.inputMask() != null && !input.inputMask().matches(s)) {
            check.error(path, "mask", check.name() + " does not match the mask " + input.inputMask().mask() + ".");
        }
        return value;
    }

    /**
     * Free text with markup is refused as a whole (one error, nothing stored), unless the component allows markup;
     * a url that would run script is refused always.
     */
    private static boolean refusedMarkup(TextInput input, String s, String path, Check check) {
        if (!input.allowMarkup() && Markup.contains(s)) {
            check.error(path, "markup", check.name() + " must not contain markup such as <tags>.");
            return true;
        }
        if (input.type() == ComponentType.URL && Markup.isScriptUrl(s)) {
            check.error(path, "markup", check.name() + " must be a web address, not a script link.");
            return true;
        }
        return false;
    }

    private static String tooLong(Check check, int limit) {
        return check.name() + " must have no more than " + limit + " characters.";
    }

    private static int words(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private JsonNode number(NumberInput input, JsonNode value, String path, Check check, boolean required) {
        if (isNull(value)) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isNumber()) {
            check.error(path, "type", check.name() + " is not a valid number.");
            return null;
        }
        BigDecimal number = value.decimalValue();
        Validation v = input.validation();
        if (v.min() != null && number.compareTo(v.min()) < 0) {
            check.error(path, "min", check.name() + " cannot be less than " + v.min().toPlainString() + ".");
        }
        if (v.max() != null && number.compareTo(v.max()) > 0) {
            check.error(path, "max", check.name() + " cannot be greater than " + v.max().toPlainString() + ".");
        }
        if (input.decimalLimit() >= 0 && Math.max(0, number.stripTrailingZeros().scale()) > input.decimalLimit()) {
            check.error(path, "decimalLimit", input.decimalLimit() == 0
                    ? check.name() + " must be a whole number."
                    : check.name() + " must have no more than " + input.decimalLimit() + " decimal places.");
        }
        return value;
    }

    private JsonNode checkbox(JsonNode value, Check check, boolean required) {
        if (isNull(value)) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isBoolean()) {
            check.error("type", check.name() + " must be true or false.");
            return null;
        }
        if (required && !value.booleanValue()) {
            check.requiredError();
        }
        return value;
    }

    private JsonNode selectBoxes(SelectBoxes boxes, JsonNode value, Check check, boolean required) {
        if (isNull(value)) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isObject()) {
            check.error("type", check.name() + " must be an object of checked options.");
            return null;
        }
        boolean invalidOption = false;
        boolean invalidType = false;
        Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (option(boxes.options(), entry.getKey()) == null) {
                invalidOption = true;
            } else if (!entry.getValue().isBoolean()) {
                invalidType = true;
            }
        }
        if (invalidOption) {
            check.error("invalidOption", check.name() + " contains an invalid selection.");
        }
        if (invalidType) {
            check.error("type", check.name() + " must mark each option true or false.");
        }
        if (invalidOption || invalidType) {
            return null;
        }
        ObjectNode cleaned = NODES.objectNode();
        int checked = 0;
        for (Option option : boxes.options()) {
            boolean on = value.path(option.value()).asBoolean(false);
            cleaned.put(option.value(), on);
            if (on) {
                checked++;
            }
        }
        Validation v = boxes.validation();
        if (checked == 0) {
            if (required) {
                check.requiredError();
            }
        } else if (v.minSelectedCount() > 0 && checked < v.minSelectedCount()) {
            check.error("minSelectedCount", check.name() + ": select at least " + v.minSelectedCount() + " items.");
        }
        if (v.maxSelectedCount() > 0 && checked > v.maxSelectedCount()) {
            check.error("maxSelectedCount", check.name() + ": select no more than " + v.maxSelectedCount()
                    + " items.");
        }
        return cleaned;
    }

    private JsonNode choice(Choice choice, JsonNode value, String path, Check check, boolean required) {
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isValueNode()) {
            check.error(path, "type", check.name() + " must be one of the listed values.");
            return null;
        }
        String text = value.isNumber() ? JsValues.number(value.doubleValue()) : value.asText();
        Option option = option(choice.options(), text);
        if (option == null) {
            check.error(path, "invalidOption", check.name() + " is an invalid value.");
            return null;
        }
        return TextNode.valueOf(option.value());
    }

    private static Option option(List<Option> options, String value) {
        for (Option option : options) {
            if (option.value().equals(value)) {
                return option;
            }
        }
        return null;
    }

    private JsonNode day(DayInput day, JsonNode value, Check check, boolean required) {
        boolean partRequired = check.enforced && (day.day().required() && !day.day().hide()
                || day.month().required() && !day.month().hide() || day.year().required() && !day.year().hide());
        boolean enforce = required || partRequired;
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (enforce) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isTextual()) {
            check.error("type", check.name() + " must be text.");
            return null;
        }
        int[] parts = dayParts(day, value.textValue());
        if (parts == null) {
            check.error("day", check.name() + " is not a valid day.");
            return null;
        }
        int d = parts[0];
        int m = parts[1];
        int y = parts[2];
        if (d == 0 && m == 0 && y == 0) {
            if (enforce) {
                check.requiredError();
            }
            return value;
        }
        if (check.enforced) {
            if (d == 0 && day.day().required() && !day.day().hide()) {
                check.error("required", check.name() + ": the day is required");
            }
            if (m == 0 && day.month().required() && !day.month().hide()) {
                check.error("required", check.name() + ": the month is required");
            }
            if (y == 0 && day.year().required() && !day.year().hide()) {
                check.error("required", check.name() + ": the year is required");
            }
        }
        if (m > 12 || d > daysInMonth(m, y)) {
            check.error("day", check.name() + " is not a valid day.");
            return null;
        }
        if (y != 0 && day.minYear() != 0 && y < day.minYear()) {
            check.error("minYear", check.name() + " should not contain year less than " + day.minYear());
        }
        if (y != 0 && day.maxYear() != 0 && y > day.maxYear()) {
            check.error("maxYear", check.name() + " should not contain year greater than " + day.maxYear());
        }
        if (d != 0 && m != 0 && y != 0 && (day.minDate() != null || day.maxDate() != null)) {
            LocalDate date = LocalDate.of(y, m, d);
            DateTimeFormatter format = DateTimeFormatter.ofPattern(day.dayFirst() ? "dd/MM/yyyy" : "MM/dd/yyyy");
            if (day.minDate() != null) {
                LocalDate min = day.minDate().resolve(clock).toLocalDate();
                if (date.isBefore(min)) {
                    check.error("minDate", check.name() + " should not contain date before " + min.format(format));
                }
            }
            if (day.maxDate() != null) {
                LocalDate max = day.maxDate().resolve(clock).toLocalDate();
                if (date.isAfter(max)) {
                    check.error("maxDate", check.name() + " should not contain date after " + max.format(format));
                }
            }
        }
        return value;
    }

    /** Day, month, year (0 when not entered or hidden), or null when the text is not a Form.io day. */
    private static int[] dayParts(DayInput day, String text) {
        String[] pieces = text.split("/", -1);
        List<Character> order = new ArrayList<>(3);
        for (char part : day.dayFirst() ? new char[]{'d', 'm', 'y'} : new char[]{'m', 'd', 'y'}) {
            boolean hidden = part == 'd' ? day.day().hide() : part == 'm' ? day.month().hide() : day.year().hide();
            if (!hidden) {
                order.add(part);
            }
        }
        if (pieces.length != order.size()) {
            return null;
        }
        int[] result = new int[3];
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            char part = order.get(i);
            int maxDigits = part == 'y' ? 4 : 2;
            if (piece.isEmpty() || piece.length() > maxDigits || part == 'y' && piece.length() != 4) {
                return null;
            }
            for (int c = 0; c < piece.length(); c++) {
                if (piece.charAt(c) < '0' || piece.charAt(c) > '9') {
                    return null;
                }
            }
            result[part == 'd' ? 0 : part == 'm' ? 1 : 2] = Integer.parseInt(piece);
        }
        return result;
    }

    private static int daysInMonth(int month, int year) {
        return switch (month) {
            case 4, 6, 9, 11 -> 30;
            case 2 -> year == 0 || Year.isLeap(year) ? 29 : 28;
            default -> 31;
        };
    }

    private JsonNode dateTime(DateTimeInput input, JsonNode value, String path, Check check, boolean required) {
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isTextual()) {
            check.error(path, "type", check.name() + " must be text.");
            return null;
        }
        ZonedDateTime moment = parseDateTime(value.textValue());
        if (moment == null) {
            check.error(path, "date", check.name() + " is not a valid date.");
            return null;
        }
        DateTimeFormatter format = input.enableTime() ? DATE_TIME : DATE;
        if (input.minDate() != null) {
            ZonedDateTime min = input.minDate().resolve(clock);
            if (!input.enableTime()) {
                min = min.truncatedTo(ChronoUnit.DAYS);
            }
            if (moment.isBefore(min)) {
                check.error(path, "minDate", check.name() + " should not contain date before " + min.format(format));
            }
        }
        if (input.maxDate() != null) {
            ZonedDateTime max = input.maxDate().resolve(clock);
            if (!input.enableTime()) {
                max = max.truncatedTo(ChronoUnit.DAYS).plusDays(1).minusNanos(1);
            }
            if (moment.isAfter(max)) {
                check.error(path, "maxDate", check.name() + " should not contain date after " + max.format(format));
            }
        }
        return value;
    }

    private ZonedDateTime parseDateTime(String text) {
        if (text.length() > 64) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(clock.getZone());
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone());
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(clock.getZone());
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private JsonNode time(JsonNode value, String path, Check check, boolean required) {
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isTextual()) {
            check.error(path, "type", check.name() + " must be text.");
            return null;
        }
        if (!Formats.TIME.matcher(value.textValue()).matches()) {
            check.error(path, "time", check.name() + " is not a valid time.");
            return null;
        }
        return value;
    }

    private JsonNode signature(JsonNode value, Check check, boolean required) {
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isTextual() || !value.textValue().startsWith("data:image/")) {
            check.error("signature", check.name() + " must be a signature image.");
            return null;
        }
        if (value.textValue().length() > settings.maxSignatureLength()) {
            check.error("signature", check.name() + " is too large.");
            return null;
        }
        return value;
    }

    private JsonNode hidden(JsonNode value, Check check, boolean required) {
        if (isNull(value) || value.isTextual() && value.textValue().isEmpty()) {
            if (required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isValueNode()) {
            check.error("type", check.name() + " must be a single value.");
            return null;
        }
        if (value.isTextual() && value.textValue().length() > settings.maxStringLength()) {
            check.error("maxLength", tooLong(check, settings.maxStringLength()));
            return null;
        }
        return value;
    }

    private JsonNode files(FileUpload upload, JsonNode value, Check check) {
        if (isNull(value) || value.isArray() && value.isEmpty()) {
            if (check.required) {
                check.requiredError();
            }
            return value;
        }
        if (!value.isArray()) {
            check.error("type", check.name() + " must be a list of files.");
            return null;
        }
        int limit = upload.multiple() ? settings.maxValues() : 1;
        if (value.size() > limit) {
            check.error("file", upload.multiple() ? check.name() + " must have no more than " + limit + " files."
                    : check.name() + " accepts one file only.");
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < value.size(); i++) {
            ok &= file(upload, value.get(i), check.path + "[" + i + "]", check);
        }
        return ok ? value.deepCopy() : null;
    }

    private boolean file(FileUpload upload, JsonNode file, String path, Check check) {
        if (!file.isObject()) {
            check.error(path, "type", check.name() + ": each file must be an object of file details.");
            return false;
        }
        boolean ok = true;
        Iterator<Map.Entry<String, JsonNode>> entries = file.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode v = entry.getValue();
            if (!FILE_KEYS.contains(entry.getKey())) {
                errors.add(new FieldError(path + "." + entry.getKey(), "Unknown field", "unknownField"));
                ok = false;
            } else if (!(v.isValueNode() || entry.getKey().equals("data") && v.isObject() && flatAndShort(v))
                    || v.isTextual() && v.textValue().length() > settings.maxStringLength()) {
                check.error(path, "file", check.name() + ": the file details are not valid.");
                return false;
            }
        }
        String name = file.path("name").asText("");
        String originalName = file.path("originalName").asText(name);
        String type = file.path("type").asText("");
        if (name.isBlank() || !file.path("name").isTextual()) {
            check.error(path, "file", check.name() + ": a file has no name.");
            return false;
        }
        if (file.path("url").asText("").regionMatches(true, 0, "data:", 0, 5)) {
            check.error(path, "file", check.name() + ": file content must be uploaded, not embedded in the form.");
            return false;
        }
        JsonNode size = file.get("size");
        if (size != null && !(size.isNumber() && size.doubleValue() >= 0)) {
            check.error(path, "file", check.name() + ": the file size is not valid.");
            return false;
        }
        long bytes = size == null ? -1 : size.longValue();
        if (!upload.filePatterns().isEmpty() && !acceptedType(upload.filePatterns(), originalName, type)) {
            check.error(path, "file", check.name() + ": this type of file is not accepted.");
            ok = false;
        }
        if (upload.maxSize() > 0 && bytes > upload.maxSize()) {
            check.error(path, "file", check.name() + ": the file is too big.");
            ok = false;
        }
        if (upload.minSize() > 0 && bytes >= 0 && bytes < upload.minSize()) {
            check.error(path, "file", check.name() + ": the file is too small.");
            ok = false;
        }
        return ok;
    }

    private boolean flatAndShort(JsonNode object) {
        if (object.size() > 50) {
            return false;
        }
        for (JsonNode v : object) {
            if (!v.isValueNode() || v.isTextual() && v.textValue().length() > settings.maxStringLength()) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptedType(List<String> patterns, String name, String type) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        String lowerType = type.toLowerCase(Locale.ROOT);
        for (String pattern : patterns) {
            if (pattern.startsWith(".") && lowerName.endsWith(pattern)) {
                return true;
            }
            if (pattern.endsWith("/*") && lowerType.startsWith(pattern.substring(0, pattern.length() - 1))) {
                return true;
            }
            if (pattern.equals(lowerType)) {
                return true;
            }
        }
        return false;
    }

    // ---- nested data -------------------------------------------------------------------------------------

    private JsonNode container(DataScope nested, JsonNode value, Check check) {
        if (value != null && !value.isNull() && !value.isObject()) {
            check.error("type", check.name() + " must be an object.");
            return null;
        }
        ObjectNode cleaned = NODES.objectNode();
        JsonNode data = isNull(value) ? NODES.objectNode() : value;
        scope(nested, data, check.path + ".", !check.enforced, cleaned);
        return isNull(value) ? value : cleaned;
    }

    private JsonNode grid(DataGrid grid, DataScope nested, JsonNode value, Check check) {
        if (value != null && !value.isNull() && !value.isArray()) {
            check.error("type", check.name() + " must be a list of rows.");
            return null;
        }
        int rows = isNull(value) ? 0 : value.size();
        if (rows > settings.maxRows()) {
            check.error("maxRows", check.name() + " must have no more than " + settings.maxRows() + " rows.");
            return null;
        }
        Validation v = grid.validation();
        if (check.required && (rows == 0 || allEmpty(value))) {
            check.requiredError();
        }
        if (v.minLength() > 0 && rows < v.minLength() && check.enforced) {
            check.error("minRows", check.name() + " must have at least " + v.minLength()
                    + (v.minLength() == 1 ? " row." : " rows."));
        }
        if (v.maxLength() > 0 && rows > v.maxLength()) {
            check.error("maxRows", check.name() + " must have no more than " + v.maxLength()
                    + (v.maxLength() == 1 ? " row." : " rows."));
        }
        if (isNull(value)) {
            return value;
        }
        ArrayNode cleaned = NODES.arrayNode(rows);
        for (int i = 0; i < rows; i++) {
            JsonNode row = value.get(i);
            String rowPath = check.path + "[" + i + "]";
            if (!row.isObject()) {
                check.error(rowPath, "type", check.name() + ": each row must be an object.");
                continue;
            }
            ObjectNode cleanedRow = NODES.objectNode();
            scope(nested, row, rowPath + ".", !check.enforced, cleanedRow);
            cleaned.add(cleanedRow);
        }
        return cleaned;
    }

    // ---- JSONLogic validation ------------------------------------------------------------------------------

    private void jsonRule(JsonLogic rule, Frame frame, JsonNode input, Check check) {
        Object result = rule.evaluate(variables(frame, input));
        if (Boolean.TRUE.equals(result)) {
            return;
        }
        String message = result instanceof String s && !s.isBlank() ? s : check.name() + " is not valid.";
        check.error("json", message);
    }

    // ---- conditions --------------------------------------------------------------------------------------

    private boolean shown(Conditional conditional, Frame frame, JsonNode input) {
        if (conditional instanceof SimpleConditional simple) {
            return simpleShown(simple, frame);
        }
        if (conditional instanceof ConditionList list) {
            boolean result = list.all();
            for (ConditionList.Condition condition : list.conditions()) {
                boolean holds = holds(condition, frame);
                if (list.all() && !holds) {
                    result = false;
                    break;
                }
                if (!list.all() && holds) {
                    result = true;
                    break;
                }
            }
            if (list.conditions().isEmpty()) {
                return true;
            }
            return list.show() == result;
        }
        return ((JsonLogicConditional) conditional).rule().test(variables(frame, input));
    }

    /** Form.io's checkLegacyConditional, to the letter. */
    private boolean simpleShown(SimpleConditional conditional, Frame frame) {
        JsonNode node = lookup(conditional.when());
        String eq = conditional.eq();
        String show = conditional.show() ? "true" : "false";
        if (node != null && node.isObject() && node.has(eq)) {
            return JsValues.string(JsValues.of(node.get(eq))).equals(show);
        }
        Object value = node == null ? null : JsValues.of(node);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (JsValues.string(item).equals(eq)) {
                    return conditional.show();
                }
            }
        }
        String text = node == null || node.isMissingNode() ? "undefined" : JsValues.string(value);
        return text.equals(eq) == conditional.show();
    }

    /** Form.io's condition operators (utils/operators). */
    private boolean holds(ConditionList.Condition condition, Frame frame) {
        JsonNode node = lookup(condition.field());
        ComponentType type = condition.field().targetType();
        switch (condition.operator()) {
            case IS_EMPTY:
                return isEmpty(type, node);
            case IS_NOT_EMPTY:
                return !isEmpty(type, node);
            default:
                break;
        }
        Object value = node == null ? null : JsValues.of(node);
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (operator(condition, item, type)) {
                    return true;
                }
            }
            return false;
        }
        return operator(condition, value, type);
    }

    private static boolean operator(ConditionList.Condition condition, Object value, ComponentType type) {
        Object compared = condition.value();
        return switch (condition.operator()) {
            case IS_EQUAL -> isEqual(value, compared, type);
            case IS_NOT_EQUAL -> !isEqual(value, compared, type);
            case INCLUDES -> value instanceof String s && s.contains(JsValues.string(compared));
            case NOT_INCLUDES -> !(value instanceof String s && s.contains(JsValues.string(compared)));
            case STARTS_WITH -> value != null && JsValues.string(value).startsWith(textOf(compared));
            case ENDS_WITH -> value != null && JsValues.string(value).endsWith(textOf(compared));
            case LESS_THAN -> value instanceof Double d && d < JsValues.toNumber(compared);
            case LESS_THAN_OR_EQUAL -> value instanceof Double d && d <= JsValues.toNumber(compared);
            case GREATER_THAN -> value instanceof Double d && d > JsValues.toNumber(compared);
            case GREATER_THAN_OR_EQUAL -> value instanceof Double d && d >= JsValues.toNumber(compared);
            default -> false;
        };
    }

    private static String textOf(Object value) {
        return value == null ? "" : JsValues.string(value);
    }

    private static boolean isEqual(Object value, Object compared, ComponentType type) {
        if (type == ComponentType.SELECTBOXES && value instanceof JsonNode object) {
            return object.path(textOf(compared)).asBoolean(false);
        }
        Object other = compared;
        if ((JsValues.truthy(value) || Boolean.FALSE.equals(value)) && compared instanceof String s && !s.isEmpty()
                && !(value instanceof String)) {
            other = parseJsonLiteral(s);
        }
        return JsValues.strictEquals(value, other);
    }

    private static Object parseJsonLiteral(String text) {
        String s = text.strip();
        if (s.equals("true")) {
            return Boolean.TRUE;
        }
        if (s.equals("false")) {
            return Boolean.FALSE;
        }
        if (s.equals("null")) {
            return null;
        }
        double number = JsValues.toNumber(s);
        return Double.isNaN(number) ? text : (Object) number;
    }

    private static boolean isEmpty(ComponentType type, JsonNode node) {
        if (isNull(node)) {
            return true;
        }
        return switch (type) {
            case CHECKBOX -> !node.asBoolean(false);
            case SELECTBOXES -> {
                for (JsonNode v : node) {
                    if (v.asBoolean(false)) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> node.isTextual() ? node.textValue().isBlank() : node.isContainerNode() && node.isEmpty();
        };
    }

    private JsonNode lookup(FieldReference reference) {
        int index = frames.size() - 1 - reference.up();
        if (index < 0) {
            return null;
        }
        Frame target = frames.get(index);
        if (reference.down().isEmpty()) {
            return target.isHidden(reference.key()) ? null : target.data.get(reference.key());
        }
        JsonNode node = target.data;
        for (String key : reference.down()) {
            node = node.get(key);
            if (node == null || !node.isObject()) {
                return null;
            }
        }
        return node.get(reference.key());
    }

    private JsonLogic.Variables variables(Frame frame, JsonNode input) {
        return (root, path) -> {
            JsonNode start;
            Frame scope;
            switch (root) {
                case "data" -> {
                    scope = frames.get(0);
                    start = scope.data;
                }
                case "row" -> {
                    scope = frame;
                    start = frame.data;
                }
                default -> {
                    return path.isEmpty() ? JsValues.of(input) : JsValues.of(navigate(input, path, 0));
                }
            }
            if (path.isEmpty()) {
                return JsValues.of(start);
            }
            if (scope.isHidden(path.get(0))) {
                return null;
            }
            return JsValues.of(navigate(start, path, 0));
        };
    }

    private static JsonNode navigate(JsonNode node, List<String> path, int from) {
        JsonNode current = node;
        for (int i = from; i < path.size() && current != null; i++) {
            String segment = path.get(i);
            if (current.isObject()) {
                current = current.get(segment);
            } else if (current.isArray() && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                    && segment.length() < 10) {
                current = current.get(Integer.parseInt(segment));
            } else {
                return null;
            }
        }
        return current;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static boolean isNull(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode();
    }

    /** Form.io's emptiness for a whole list: no items, or nothing but empty items. */
    private static boolean allEmpty(JsonNode array) {
        if (isNull(array)) {
            return true;
        }
        for (JsonNode item : array) {
            if (!isEmptyDeep(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmptyDeep(JsonNode node) {
        if (isNull(node)) {
            return true;
        }
        if (node.isTextual()) {
            return node.textValue().isBlank();
        }
        if (node.isBoolean()) {
            return !node.booleanValue();
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!isEmptyDeep(child)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
