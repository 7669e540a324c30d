package org.healthcrm.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.healthcrm.forms.logic.JsValues;
import org.healthcrm.forms.logic.JsonLogic;
import org.healthcrm.forms.model.Button;
import org.healthcrm.forms.model.Checkbox;
import org.healthcrm.forms.model.Choice;
import org.healthcrm.forms.model.Columns;
import org.healthcrm.forms.model.Common;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.ComponentType;
import org.healthcrm.forms.model.ConditionList;
import org.healthcrm.forms.model.Conditional;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.model.DataGrid;
import org.healthcrm.forms.model.DataScope;
import org.healthcrm.forms.model.DateBound;
import org.healthcrm.forms.model.DateTimeInput;
import org.healthcrm.forms.model.DayInput;
import org.healthcrm.forms.model.FieldReference;
import org.healthcrm.forms.model.FileUpload;
import org.healthcrm.forms.model.FormDisplay;
import org.healthcrm.forms.model.HiddenValue;
import org.healthcrm.forms.model.InputMask;
import org.healthcrm.forms.model.JsonLogicConditional;
import org.healthcrm.forms.model.NumberInput;
import org.healthcrm.forms.model.Option;
import org.healthcrm.forms.model.Panel;
import org.healthcrm.forms.model.SelectBoxes;
import org.healthcrm.forms.model.Signature;
import org.healthcrm.forms.model.SimpleConditional;
import org.healthcrm.forms.model.StaticContent;
import org.healthcrm.forms.model.Table;
import org.healthcrm.forms.model.Tabs;
import org.healthcrm.forms.model.TextInput;
import org.healthcrm.forms.model.TimeInput;
import org.healthcrm.forms.model.Validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a Form.io definition into the typed model. Two passes: the first finds every data field (refusing unknown
 * types and duplicate keys), so that the second can resolve conditionals that refer to fields further down.
 */
final class FormParser {

    private static final Pattern KEY = Pattern.compile("\\w|\\w[\\w-]*\\w");
    private static final Pattern FILE_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CONDITIONAL_ROOTS = Set.of("data", "row");
    private static final Set<String> VALIDATION_ROOTS = Set.of("data", "row", "input");
    private static final String NO_JS = "the server never executes JavaScript";
    private static final Set<ComponentType> SINGLE_VALUED = EnumSet.of(ComponentType.CHECKBOX,
            ComponentType.SELECTBOXES, ComponentType.RADIO, ComponentType.DAY, ComponentType.SIGNATURE,
            ComponentType.PASSWORD, ComponentType.HIDDEN);
    /** Free text people type: the server refuses markup in it unless {@code properties.allowMarkup} is "true". */
    private static final Set<ComponentType> FREE_TEXT = EnumSet.of(ComponentType.TEXTFIELD, ComponentType.TEXTAREA,
            ComponentType.EMAIL, ComponentType.URL, ComponentType.PHONE_NUMBER);
    /** Fields whose single value can feed a record field ({@code properties.domain}). */
    private static final Set<ComponentType> MAPPABLE = EnumSet.of(ComponentType.TEXTFIELD, ComponentType.TEXTAREA,
            ComponentType.EMAIL, ComponentType.URL, ComponentType.PHONE_NUMBER, ComponentType.NUMBER,
            ComponentType.CURRENCY, ComponentType.CHECKBOX, ComponentType.SELECT, ComponentType.RADIO,
            ComponentType.DAY, ComponentType.DATETIME, ComponentType.TIME, ComponentType.HIDDEN);
    /** {@code <record>.<field>}: letters and digits, each part starting with a letter. */
    private static final Pattern DOMAIN_TARGET = Pattern.compile("[A-Za-z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*");

    /** One step down into nested data: a container's object or a grid's rows. */
    private record ScopeStep(String key, boolean grid) {
    }

    /** Where a data field sits: the steps from the submission's data object, then its key. */
    private record Location(List<ScopeStep> chain, String key, ComponentType type) {
        String path() {
            StringBuilder path = new StringBuilder();
            for (ScopeStep step : chain) {
                path.append(step.key()).append('.');
            }
            return path.append(key).toString();
        }
    }

    /** Position during the second pass: the data level, and what the layouts around the component impose. */
    private record Context(List<ScopeStep> chain, List<DataField> levelFields, List<Conditional> layoutConditions,
                           boolean layoutHidden) {
    }

    private final String formKey;
    private final List<Location> locations = new ArrayList<>();
    /** Record field to the data path of the form field that feeds it, in document order. */
    private final Map<String, String> domainTargets = new LinkedHashMap<>();

    FormParser(String formKey) {
        this.formKey = formKey;
    }

    FormDefinition parse(JsonNode root, String json) {
        if (!root.isObject()) {
            throw fail("the definition must be a JSON object");
        }
        JsonNode name = root.get("name");
        if (name != null && name.isTextual() && !name.textValue().equals(formKey)) {
            throw fail("\"name\" is '" + name.textValue() + "' but must equal the form key (the file name)");
        }
        String displayName = text(root, "display");
        FormDisplay display = switch (displayName.isEmpty() ? "form" : displayName) {
            case "form" -> FormDisplay.FORM;
            case "wizard" -> FormDisplay.WIZARD;
            default -> throw fail("display '" + displayName + "' is not supported; use \"form\" or \"wizard\"");
        };
        JsonNode components = root.get("components");
        if (components == null || !components.isArray()) {
            throw fail("the definition has no \"components\" array");
        }

        scan(components, List.of(), new HashMap<>(), "at the top level");

        List<DataField> rootFields = new ArrayList<>();
        List<Component> parsed = components(components, new Context(List.of(), rootFields, List.of(), false));
        if (display == FormDisplay.WIZARD) {
            for (Component page : parsed) {
                if (!(page instanceof Panel) || page.type() != ComponentType.PANEL) {
                    throw fail("component '" + page.key() + "' (" + page.type() + ") is at the top level of a "
                            + "wizard; every top-level component of a wizard must be a panel (a page)");
                }
            }
        }
        String title = text(root, "title");
        return new FormDefinition(formKey, title.isBlank() ? formKey : title, display, parsed,
                new DataScope(rootFields), domainTargets, json);
    }

    // ---- first pass: types, keys, duplicates -------------------------------------------------------------

    private void scan(JsonNode components, List<ScopeStep> chain, Map<String, String> levelKeys, String level) {
        for (JsonNode node : components) {
            ComponentType type = type(node);
            String key = text(node, "key");
            if (holdsData(type)) {
                checkKey(node, type, key);
                String previous = levelKeys.putIfAbsent(key, type.formioName());
                if (previous != null) {
                    throw fail("component '" + key + "' (" + type + ") duplicates the data key '" + key
                            + "' of another component (" + previous + ") " + level);
                }
                if (type == ComponentType.BUTTON) {
                    continue;
                }
                locations.add(new Location(chain, key, type));
                if (type == ComponentType.CONTAINER || isGrid(type)) {
                    scan(array(node, "components"), append(chain, new ScopeStep(key, isGrid(type))),
                            new HashMap<>(), "in " + type + " '" + key + "'");
                }
            } else {
                for (JsonNode children : childArrays(node, type)) {
                    scan(children, chain, levelKeys, level);
                }
            }
        }
    }

    private static boolean holdsData(ComponentType type) {
        return switch (type) {
            case CONTENT, HTMLELEMENT, PANEL, FIELDSET, COLUMNS, WELL, TABLE, TABS -> false;
            default -> true;
        };
    }

    private static boolean isGrid(ComponentType type) {
        return type == ComponentType.DATAGRID || type == ComponentType.EDITGRID;
    }

    /** The component arrays directly inside a layout (columns, table cells, tabs). */
    private List<JsonNode> childArrays(JsonNode node, ComponentType type) {
        List<JsonNode> arrays = new ArrayList<>();
        switch (type) {
            case COLUMNS -> array(node, "columns").forEach(c -> arrays.add(array(c, "components")));
            case TABLE -> array(node, "rows").forEach(row -> row.forEach(cell -> arrays.add(array(cell, "components"))));
            case TABS -> array(node, "components").forEach(tab -> arrays.add(array(tab, "components")));
            case PANEL, FIELDSET, WELL -> arrays.add(array(node, "components"));
            default -> {
                // content and html elements have no children
            }
        }
        return arrays;
    }

    private ComponentType type(JsonNode node) {
        if (!node.isObject()) {
            throw fail("every entry of \"components\" must be an object, found " + node.getNodeType());
        }
        String typeName = text(node, "type");
        String key = text(node, "key");
        if (typeName.isEmpty()) {
            throw fail("component '" + key + "' has no type");
        }
        return ComponentType.fromFormioName(typeName)
                .orElseThrow(() -> fail("component '" + key + "' has unsupported type '" + typeName + "'"));
    }

    private void checkKey(JsonNode node, ComponentType type, String key) {
        if (key.isEmpty()) {
            throw fail("a " + type + " component" + labelHint(node) + " has no key");
        }
        if (!KEY.matcher(key).matches()) {
            throw fail("component '" + key + "' (" + type + ") has an invalid key: use letters, digits, '_' and "
                    + "'-' only (a dot would nest the data; use a container instead)");
        }
    }

    private static String labelHint(JsonNode node) {
        String label = text(node, "label");
        return label.isEmpty() ? "" : " labelled '" + label + "'";
    }

    // ---- second pass: the typed model ----------------------------------------------------------------------

    private List<Component> components(JsonNode array, Context context) {
        List<Component> result = new ArrayList<>(array.size());
        for (JsonNode node : array) {
            result.add(component(node, context));
        }
        return List.copyOf(result);
    }

    private Component component(JsonNode node, Context context) {
        ComponentType type = type(node);
        String key = text(node, "key");
        refuseJavaScript(node, type, key);
        Common common = common(node, type, key, context.chain());

        switch (type) {
            case PANEL, FIELDSET, WELL, COLUMNS, TABLE, TABS -> {
                return layout(node, type, common, inner(context, common));
            }
            case CONTENT, HTMLELEMENT -> {
                String html = text(node, type == ComponentType.CONTENT ? "html" : "content");
                return new StaticContent(common, html);
            }
            case BUTTON -> {
                Button button = new Button(common, text(node, "action").isEmpty() ? "submit" : text(node, "action"));
                addField(context, button, common, null);
                return button;
            }
            case CONTAINER -> {
                List<DataField> nestedFields = new ArrayList<>();
                List<Component> children = components(array(node, "components"), new Context(
                        append(context.chain(), new ScopeStep(key, false)), nestedFields, List.of(), false));
                Container container = new Container(common, validation(node, common), children);
                addField(context, container, common, new DataScope(nestedFields));
                return container;
            }
            case DATAGRID, EDITGRID -> {
                List<DataField> rowFields = new ArrayList<>();
                List<Component> children = components(array(node, "components"), new Context(
                        append(context.chain(), new ScopeStep(key, true)), rowFields, List.of(), false));
                DataGrid grid = new DataGrid(common, validation(node, common), children);
                addField(context, grid, common, new DataScope(rowFields));
                return grid;
            }
            default -> {
                Component field = field(node, type, common);
                addField(context, field, common, null);
                return field;
            }
        }
    }

    private Context inner(Context context, Common layout) {
        List<Conditional> conditions = context.layoutConditions();
        if (layout.conditional() != null) {
            conditions = append(conditions, layout.conditional());
        }
        return new Context(context.chain(), context.levelFields(), conditions,
                context.layoutHidden() || layout.hidden());
    }

    private static void addField(Context context, Component component, Common common, DataScope nested) {
        List<Conditional> conditions = common.conditional() == null
                ? context.layoutConditions() : append(context.layoutConditions(), common.conditional());
        context.levelFields().add(new DataField(component, conditions, context.layoutHidden(), nested));
    }

    private Component layout(JsonNode node, ComponentType type, Common common, Context inner) {
        return switch (type) {
            case COLUMNS -> {
                List<Columns.Column> columns = new ArrayList<>();
                for (JsonNode column : array(node, "columns")) {
                    columns.add(new Columns.Column(column.path("width").asInt(0),
                            components(array(column, "components"), inner)));
                }
                yield new Columns(common, List.copyOf(columns));
            }
            case TABLE -> {
                List<List<Table.Cell>> rows = new ArrayList<>();
                for (JsonNode row : array(node, "rows")) {
                    List<Table.Cell> cells = new ArrayList<>();
                    for (JsonNode cell : row) {
                        cells.add(new Table.Cell(components(array(cell, "components"), inner)));
                    }
                    rows.add(List.copyOf(cells));
                }
                yield new Table(common, List.copyOf(rows));
            }
            case TABS -> {
                List<Tabs.Tab> tabs = new ArrayList<>();
                for (JsonNode tab : array(node, "components")) {
                    tabs.add(new Tabs.Tab(text(tab, "key"), text(tab, "label"),
                            components(array(tab, "components"), inner)));
                }
                yield new Tabs(common, List.copyOf(tabs));
            }
            default -> {
                String title = text(node, type == ComponentType.FIELDSET ? "legend" : "title");
                yield new Panel(common, title.isEmpty() ? common.label() : title,
                        components(array(node, "components"), inner));
            }
        };
    }

    private Component field(JsonNode node, ComponentType type, Common common) {
        Validation validation = validation(node, common);
        boolean multiple = node.path("multiple").asBoolean(false);
        if (multiple && SINGLE_VALUED.contains(type)) {
            throw fail(describe(common) + " has multiple: true, which is not supported for " + type + " components");
        }
        return switch (type) {
            case TEXTFIELD, TEXTAREA, EMAIL, URL, PHONE_NUMBER, PASSWORD -> textInput(node, type, common, validation,
                    multiple);
            case NUMBER, CURRENCY -> {
                int defaultLimit = type == ComponentType.CURRENCY ? 2 : -1;
                int decimalLimit = node.hasNonNull("decimalLimit") && !text(node, "decimalLimit").isEmpty()
                        ? integer(node, "decimalLimit", common) : defaultLimit;
                yield new NumberInput(common, validation, multiple, decimalLimit);
            }
            case CHECKBOX -> new Checkbox(common, validation);
            case SELECTBOXES -> new SelectBoxes(common, validation, options(node.path("values"), common));
            case RADIO -> new Choice(common, validation, options(node.path("values"), common), false);
            case SELECT -> {
                String dataSrc = text(node, "dataSrc");
                if (!dataSrc.isEmpty() && !dataSrc.equals("values")) {
                    throw fail(describe(common) + " takes its values from '" + dataSrc + "'; only static values "
                            + "(data.values) are supported, so the server knows the allowed values");
                }
                yield new Choice(common, validation, options(node.path("data").path("values"), common), multiple);
            }
            case DAY -> day(node, common, validation);
            case DATETIME -> new DateTimeInput(common, validation, multiple, node.path("enableTime").asBoolean(true),
                    dateBound(node.path("datePicker"), node.path("widget"), "minDate", common),
                    dateBound(node.path("datePicker"), node.path("widget"), "maxDate", common));
            case TIME -> new TimeInput(common, validation, multiple);
            case SIGNATURE -> new Signature(common, validation);
            case FILE -> file(node, common, validation, multiple);
            case HIDDEN -> new HiddenValue(common, validation);
            default -> throw new IllegalStateException("not a field type: " + type);
        };
    }

    private TextInput textInput(JsonNode node, ComponentType type, Common common, Validation validation,
                                boolean multiple) {
        if (type == ComponentType.TEXTAREA && !text(node, "as").isEmpty() && !text(node, "as").equals("string")) {
            throw fail(describe(common) + " stores its value as '" + text(node, "as") + "'; only text is supported");
        }
        if (node.path("allowMultipleMasks").asBoolean(false)) {
            throw fail(describe(common) + " allows multiple input masks, which is not supported; use one inputMask");
        }
        String mask = text(node, "inputMask");
        boolean masked = !mask.isEmpty() && (type == ComponentType.TEXTFIELD || type == ComponentType.PHONE_NUMBER);
        boolean allowMarkup = allowMarkup(node, common);
        String editor = text(node, "editor");
        if (type == ComponentType.TEXTAREA && !editor.isEmpty() && !allowMarkup) {
            throw fail(describe(common) + " uses the editor '" + editor + "', which submits markup the server refuses "
                    + "in free text; remove the editor, or set the custom property allowMarkup to \"true\" and "
                    + "sanitize the HTML wherever it is shown");
        }
        return new TextInput(common, validation, multiple, masked ? InputMask.of(mask) : null, allowMarkup);
    }

    private DayInput day(JsonNode node, Common common, Validation validation) {
        JsonNode fields = node.path("fields");
        DayInput.DayPart day = dayPart(fields.path("day"));
        DayInput.DayPart month = dayPart(fields.path("month"));
        DayInput.DayPart year = dayPart(fields.path("year"));
        if (day.hide() && month.hide() && year.hide()) {
            throw fail(describe(common) + " hides day, month and year");
        }
        int minYear = yearSetting(node, fields.path("year"), "minYear", common);
        int maxYear = yearSetting(node, fields.path("year"), "maxYear", common);
        return new DayInput(common, validation, node.path("dayFirst").asBoolean(false), day, month, year,
                dateBound(node, null, "minDate", common), dateBound(node, null, "maxDate", common), minYear, maxYear);
    }

    private static DayInput.DayPart dayPart(JsonNode part) {
        return new DayInput.DayPart(part.path("hide").asBoolean(false), part.path("required").asBoolean(false));
    }

    private int yearSetting(JsonNode node, JsonNode yearField, String name, Common common) {
        int top = text(node, name).isEmpty() ? 0 : integer(node, name, common);
        int nested = text(yearField, name).isEmpty() ? 0 : integer(yearField, name, common);
        return top != 0 ? top : nested;
    }

    private FileUpload file(JsonNode node, Common common, Validation validation, boolean multiple) {
        String storage = text(node, "storage");
        if (storage.equals("base64")) {
            throw fail(describe(common) + " uses storage 'base64', which would put the file content into the "
                    + "submission; upload files to storage (e.g. 'url') and submit only their metadata");
        }
        List<String> patterns = new ArrayList<>();
        for (String pattern : text(node, "filePattern").split(",")) {
            String p = pattern.strip().toLowerCase(Locale.ROOT);
            if (!p.isEmpty() && !p.equals("*")) {
                patterns.add(p);
            }
        }
        return new FileUpload(common, validation, multiple, storage, List.copyOf(patterns),
                fileSize(node, "fileMinSize", common), fileSize(node, "fileMaxSize", common));
    }

    private long fileSize(JsonNode node, String name, Common common) {
        String text = text(node, name);
        if (text.isEmpty()) {
            return 0;
        }
        Matcher m = FILE_SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw fail(describe(common) + " has " + name + " '" + text + "'; use a size such as 500KB or 10MB");
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1024L;
            case "mb" -> 1024L * 1024;
            case "gb" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return (long) (Double.parseDouble(m.group(1)) * unit);
    }

    private DateBound dateBound(JsonNode first, JsonNode second, String name, Common common) {
        String text = text(first, name);
        if (text.isEmpty() && second != null) {
            text = text(second, name);
        }
        if (text.isEmpty()) {
            return null;
        }
        try {
            return DateBound.parse(text);
        } catch (IllegalArgumentException e) {
            throw fail(describe(common) + ": " + name + " " + e.getMessage());
        }
    }

    private List<Option> options(JsonNode values, Common common) {
        if (!values.isArray() || values.isEmpty()) {
            throw fail(describe(common) + " has no values to choose from");
        }
        List<Option> options = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            String v = value.path("value").isValueNode() ? value.path("value").asText() : "";
            if (v.isEmpty()) {
                throw fail(describe(common) + " has a value without \"value\"" + labelHint(value));
            }
            options.add(new Option(text(value, "label"), v));
        }
        return List.copyOf(options);
    }

    // ---- common properties, conditionals, validation -----------------------------------------------------------

    private Common common(JsonNode node, ComponentType type, String key, List<ScopeStep> chain) {
        JsonNode persistent = node.path("persistent");
        boolean persists = !(persistent.isBoolean() && !persistent.booleanValue())
                && !"client-only".equals(persistent.asText());
        Common withoutCondition = new Common(key, type, text(node, "label"), text(node, "errorLabel"), null,
                node.path("hidden").asBoolean(false), node.path("clearOnHide").asBoolean(true), persists, null, false);
        Conditional conditional = conditional(node.path("conditional"), withoutCondition, chain);
        allowMarkup(node, withoutCondition);
        return new Common(key, type, withoutCondition.label(), withoutCondition.errorLabel(), conditional,
                withoutCondition.hidden(), withoutCondition.clearOnHide(), withoutCondition.persistent(),
                domain(node, withoutCondition, chain), flag(node, "phi", withoutCondition));
    }

    // ---- custom properties ("properties" in the builder's API tab) -----------------------------------------

    /** {@code properties.allowMarkup}: "true" lets a free-text field hold markup; only free text has the choice. */
    private boolean allowMarkup(JsonNode node, Common common) {
        boolean allow = flag(node, "allowMarkup", common);
        if (allow && !FREE_TEXT.contains(common.type())) {
            throw fail(describe(common) + " has properties.allowMarkup, which applies to free text only (textfield, "
                    + "textarea, email, url, phoneNumber)");
        }
        return allow;
    }

    /** A yes/no custom property: "true" or "false" (or absent, which is false); anything else is refused. */
    private boolean flag(JsonNode node, String name, Common common) {
        JsonNode value = node.path("properties").path(name);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        String text = value.isValueNode() ? value.asText().strip() : value.toString();
        return switch (text) {
            case "true" -> true;
            case "false", "" -> false;
            default -> throw fail(describe(common) + " has properties." + name + " '" + text + "'; use \"true\" or "
                    + "\"false\"");
        };
    }

    /**
     * {@code properties.domain}: the record field ({@code <record>.<field>}) this field feeds. Checked here so that
     * a wrong mapping stops the form from loading rather than losing data later.
     */
    private String domain(JsonNode node, Common common, List<ScopeStep> chain) {
        JsonNode value = node.path("properties").path("domain");
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.textValue().isBlank()) {
            return null;
        }
        String target = value.isValueNode() ? value.asText().strip() : value.toString();
        String mapping = describe(common) + " maps to '" + target + "' (properties.domain)";
        if (!value.isTextual() || !DOMAIN_TARGET.matcher(target).matches()) {
            throw fail(describe(common) + " has properties.domain '" + target + "', which is not a record field; "
                    + "write <record>.<field> with letters and digits, such as patient.birthDate");
        }
        if (!MAPPABLE.contains(common.type())) {
            throw fail(mapping + ", but a " + common.type() + " component cannot feed a record field; only single "
                    + "values can: textfield, textarea, email, url, phoneNumber, number, currency, checkbox, select, "
                    + "radio, day, datetime, time, hidden");
        }
        if (node.path("multiple").asBoolean(false)) {
            throw fail(mapping + ", but holds a list of values (multiple: true); only a single value can feed a "
                    + "record field");
        }
        if (!common.persistent()) {
            throw fail(mapping + ", but its value is never stored (persistent: false)");
        }
        if (common.type() == ComponentType.DAY) {
            JsonNode fields = node.path("fields");
            if (fields.path("day").path("hide").asBoolean(false) || fields.path("month").path("hide").asBoolean(false)
                    || fields.path("year").path("hide").asBoolean(false)) {
                throw fail(mapping + ", but hides part of the date; only a whole day can feed a record field");
            }
        }
        StringBuilder path = new StringBuilder();
        for (ScopeStep step : chain) {
            if (step.grid()) {
                throw fail(mapping + ", but sits in the rows of '" + step.key() + "'; only top-level and container "
                        + "fields can feed a record field (a grid has many rows, a record field one value)");
            }
            path.append(step.key()).append('.');
        }
        path.append(common.key());
        String previous = domainTargets.putIfAbsent(target, path.toString());
        if (previous != null) {
            throw fail(mapping + ", which field '" + previous + "' already feeds; each record field takes its value "
                    + "from one form field");
        }
        return target;
    }

    /** Form.io's precedence: the builder's condition list, else show/when/eq, else JSONLogic. */
    private Conditional conditional(JsonNode conditional, Common common, List<ScopeStep> chain) {
        if (!conditional.isObject()) {
            return null;
        }
        boolean show = "true".equals(JsValues.string(JsValues.of(conditional.get("show"))));
        JsonNode conditions = conditional.path("conditions");
        if (conditions.isArray() && !conditions.isEmpty() && !text(conditional, "conjunction").isEmpty()) {
            return conditionList(conditional, conditions, common, chain);
        }
        String when = text(conditional, "when");
        if (!when.isEmpty()) {
            JsonNode eq = conditional.get("eq");
            String eqText = eq == null ? "undefined" : JsValues.string(JsValues.of(eq));
            return new SimpleConditional(show, reference(when, chain, common), eqText);
        }
        JsonNode json = conditional.path("json");
        if (json.isObject() && !json.isEmpty() || json.isArray() && !json.isEmpty()) {
            return new JsonLogicConditional(jsonLogic(json, CONDITIONAL_ROOTS, common, "conditional.json"));
        }
        if (json.isTextual() && !json.textValue().isBlank()) {
            throw fail(describe(common) + " has conditional.json as text; write the JSONLogic rule as a JSON object");
        }
        return null;
    }

    private Conditional conditionList(JsonNode conditional, JsonNode conditions, Common common,
                                      List<ScopeStep> chain) {
        String conjunction = text(conditional, "conjunction");
        if (!conjunction.equals("all") && !conjunction.equals("any")) {
            throw fail(describe(common) + " has conditional conjunction '" + conjunction + "'; use all or any");
        }
        List<ConditionList.Condition> list = new ArrayList<>();
        for (JsonNode condition : conditions) {
            String path = text(condition, "component");
            if (path.isEmpty()) {
                continue;
            }
            String operatorName = text(condition, "operator");
            ConditionList.Operator operator = ConditionList.Operator.fromFormioName(operatorName)
                    .orElseThrow(() -> fail(describe(common) + " has a condition with operator '" + operatorName
                            + "', which the server does not evaluate; use one of isEqual, isNotEqual, isEmpty, "
                            + "isNotEmpty, includes, notIncludes, startsWith, endsWith, lessThan, lessThanOrEqual, "
                            + "greaterThan, greaterThanOrEqual, or a JSONLogic conditional"));
            list.add(new ConditionList.Condition(reference(path, chain, common), operator,
                    JsValues.of(condition.get("value"))));
        }
        return new ConditionList("true".equals(JsValues.string(JsValues.of(conditional.get("show")))),
                conjunction.equals("all"), List.copyOf(list));
    }

    /**
     * Resolves a conditional's reference: a full data path ("address.state"), or a key, searched first in the
     * component's own data level and those around it (nearest first), then anywhere else unambiguous.
     */
    private FieldReference reference(String ref, List<ScopeStep> from, Common common) {
        List<Location> candidates = new ArrayList<>();
        for (Location location : locations) {
            if (ref.contains(".") ? location.path().equals(ref) : location.key().equals(ref)) {
                candidates.add(location);
            }
        }
        if (candidates.isEmpty()) {
            throw fail(describe(common) + " has a conditional on '" + ref + "', which is not a field of this form");
        }
        Location target = null;
        int bestDepth = -1;
        for (Location candidate : candidates) {
            if (commonPrefix(candidate.chain(), from) == candidate.chain().size()
                    && candidate.chain().size() > bestDepth) {
                target = candidate;
                bestDepth = candidate.chain().size();
            }
        }
        if (target == null) {
            if (candidates.size() > 1) {
                throw fail(describe(common) + " has a conditional on '" + ref + "', which is ambiguous; use its full "
                        + "path, one of " + candidates.stream().map(Location::path).toList());
            }
            target = candidates.get(0);
        }
        int shared = commonPrefix(target.chain(), from);
        List<String> down = new ArrayList<>();
        for (ScopeStep step : target.chain().subList(shared, target.chain().size())) {
            if (step.grid()) {
                throw fail(describe(common) + " has a conditional on '" + ref + "', a field inside the rows of '"
                        + step.key() + "'; only components inside those rows can depend on it");
            }
            down.add(step.key());
        }
        return new FieldReference(ref, target.type(), from.size() - shared, List.copyOf(down), target.key());
    }

    private static int commonPrefix(List<ScopeStep> a, List<ScopeStep> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(n).equals(b.get(n))) {
            n++;
        }
        return n;
    }

    private Validation validation(JsonNode node, Common common) {
        JsonNode v = node.path("validate");
        if (!v.isObject()) {
            return Validation.NONE;
        }
        Pattern pattern = null;
        String patternText = text(v, "pattern");
        if (!patternText.isEmpty()) {
            try {
                // Form.io tests new RegExp(`^${pattern}$`): same anchoring, same semantics for alternations.
                pattern = Pattern.compile("^" + patternText + "$");
            } catch (PatternSyntaxException e) {
                throw fail(describe(common) + " has a validate.pattern the server cannot compile: "
                        + e.getDescription());
            }
        }
        JsonLogic json = null;
        JsonNode jsonRule = v.path("json");
        if (jsonRule.isTextual() && !jsonRule.textValue().isBlank()) {
            try {
                jsonRule = FormDefinition.MAPPER.readTree(jsonRule.textValue());
            } catch (JsonProcessingException e) {
                throw fail(describe(common) + " has a validate.json that is not JSON");
            }
        }
        if (jsonRule.isContainerNode() && !jsonRule.isEmpty()) {
            json = jsonLogic(jsonRule, VALIDATION_ROOTS, common, "validate.json");
        }
        return new Validation(v.path("required").asBoolean(false),
                count(v, "minLength", common), count(v, "maxLength", common),
                count(v, "minWords", common), count(v, "maxWords", common),
                pattern, blankToNull(text(v, "patternMessage")),
                decimal(v, "min", common), decimal(v, "max", common),
                count(v, "minSelectedCount", common), count(v, "maxSelectedCount", common),
                blankToNull(text(v, "customMessage")), json);
    }

    private JsonLogic jsonLogic(JsonNode rule, Set<String> roots, Common common, String where) {
        try {
            return JsonLogic.compile(rule, roots);
        } catch (IllegalArgumentException e) {
            throw fail(describe(common) + " has a " + where + " rule the server cannot evaluate: " + e.getMessage());
        }
    }

    private int count(JsonNode v, String name, Common common) {
        if (text(v, name).isEmpty()) {
            return 0;
        }
        int value = integer(v, name, common);
        if (value < 0) {
            throw fail(describe(common) + " has a negative " + name);
        }
        return value;
    }

    private int integer(JsonNode node, String name, Common common) {
        JsonNode value = node.get(name);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw fail(describe(common) + " has " + name + " '" + value.asText() + "', which is not a whole number");
    }

    private BigDecimal decimal(JsonNode v, String name, Common common) {
        JsonNode value = v.get(name);
        if (value == null || value.isNull() || text(v, name).isEmpty()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw fail(describe(common) + " has validate." + name + " '" + value.asText() + "', which is not a number");
        }
    }

    // ---- JavaScript --------------------------------------------------------------------------------------

    private void refuseJavaScript(JsonNode node, ComponentType type, String key) {
        String who = "component '" + key + "' (" + type + ")";
        if (hasCode(node.get("customConditional"))) {
            throw fail(who + " has JavaScript in customConditional; " + NO_JS + ". Use a simple conditional "
                    + "(conditional show/when/eq) or a JSONLogic conditional (conditional.json) instead.");
        }
        if (hasCode(node.path("validate").get("custom"))) {
            throw fail(who + " has JavaScript in validate.custom; " + NO_JS + ". Use the built-in rules "
                    + "(required, pattern, min/max, ...) or a JSONLogic rule (validate.json) instead.");
        }
        JsonNode calculate = node.get("calculateValue");
        if (hasCode(calculate) || calculate != null && calculate.isContainerNode() && !calculate.isEmpty()) {
            throw fail(who + " has a calculated value (calculateValue); " + NO_JS + " and does not trust values "
                    + "the browser calculated. Compute the value on the server from the submitted fields, or use "
                    + "a simple or JSONLogic conditional to show the fields that apply.");
        }
        JsonNode customDefault = node.get("customDefaultValue");
        if (hasCode(customDefault) || customDefault != null && customDefault.isContainerNode()
                && !customDefault.isEmpty()) {
            throw fail(who + " has JavaScript in customDefaultValue; " + NO_JS + ". Use a static defaultValue "
                    + "instead (the server can prefill the submission).");
        }
        JsonNode logic = node.get("logic");
        if (logic != null && logic.isArray() && !logic.isEmpty()) {
            throw fail(who + " has advanced logic (logic), which the server cannot apply and " + NO_JS + ". Use a "
                    + "simple conditional or JSONLogic (conditional.json, validate.json) instead.");
        }
        if (hasCode(node.path("datePicker").get("disableFunction"))) {
            throw fail(who + " has JavaScript in datePicker.disableFunction; " + NO_JS + ". Use minDate/maxDate "
                    + "instead.");
        }
        if (type == ComponentType.BUTTON && hasCode(node.get("custom"))) {
            throw fail(who + " has a custom JavaScript action; " + NO_JS + " and forms carry none. Use a submit "
                    + "button.");
        }
    }

    private static boolean hasCode(JsonNode node) {
        return node != null && node.isTextual() && !node.textValue().isBlank();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String describe(Common common) {
        return "component '" + common.key() + "' (" + common.type() + ")";
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    private JsonNode array(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return FormDefinition.MAPPER.createArrayNode();
        }
        if (!value.isArray()) {
            throw fail("component '" + text(node, "key") + "' has \"" + name + "\" that is not an array");
        }
        return value;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(item);
        return List.copyOf(copy);
    }

    private FormDefinitionException fail(String message) {
        return new FormDefinitionException(formKey, "Form '" + formKey + "': " + message);
    }
}
