package org.healthcrm.forms;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.healthcrm.forms.model.Choice;
import org.healthcrm.forms.model.Columns;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.ComponentType;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.model.DataGrid;
import org.healthcrm.forms.model.DayInput;
import org.healthcrm.forms.model.FieldReference;
import org.healthcrm.forms.model.FormDisplay;
import org.healthcrm.forms.model.JsonLogicConditional;
import org.healthcrm.forms.model.Layout;
import org.healthcrm.forms.model.Option;
import org.healthcrm.forms.model.Panel;
import org.healthcrm.forms.model.SimpleConditional;
import org.healthcrm.forms.model.TextInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormDefinitionTest {

    static final ObjectMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    record Refusal(String name, String components, String... expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Refusal> refusals() {
        String text = "{type: 'textfield', input: true, key: 'familyName', label: 'Family name'}";
        return Stream.of(
                new Refusal("unknown component type", "[{type: 'survey', key: 'foo', input: true}]",
                        "Form 'intake-demographics': component 'foo' has unsupported type 'survey'"),
                new Refusal("unknown component type inside columns", "[{type: 'columns', key: 'cols', columns: "
                        + "[{components: [{type: 'address', key: 'home', input: true}]}]}]",
                        "Form 'intake-demographics': component 'home' has unsupported type 'address'"),
                new Refusal("unknown component type inside a data grid", "[{type: 'datagrid', key: 'rows', "
                        + "components: [{type: 'tags', key: 'labels', input: true}]}]",
                        "component 'labels' has unsupported type 'tags'"),
                new Refusal("duplicate key at the top level", "[" + text + ", " + text + "]",
                        "Form 'intake-demographics': component 'familyName' (textfield) duplicates the data key "
                                + "'familyName' of another component (textfield) at the top level"),
                new Refusal("duplicate key across panels (layouts share their data level)",
                        "[{type: 'panel', key: 'p1', components: [" + text + "]}, {type: 'columns', key: 'c',"
                                + " columns: [{components: [{type: 'number', key: 'familyName', input: true}]}]}]",
                        "component 'familyName' (number) duplicates the data key 'familyName' of another "
                                + "component (textfield) at the top level"),
                new Refusal("duplicate key in a container", "[{type: 'container', key: 'address', components: ["
                        + "{type: 'textfield', key: 'city'}, {type: 'select', key: 'city', data: {values: "
                        + "[{label: 'A', value: 'a'}]}}]}]",
                        "component 'city' (select) duplicates the data key 'city' of another component "
                                + "(textfield) in container 'address'"),
                new Refusal("duplicate key in a data grid row", "[{type: 'datagrid', key: 'allergies', components: ["
                        + "{type: 'textfield', key: 'substance'}, {type: 'textarea', key: 'substance'}]}]",
                        "duplicates the data key 'substance' of another component (textfield) in datagrid 'allergies'"),
                new Refusal("JavaScript in customConditional",
                        "[{type: 'textfield', key: 'guardianName', customConditional: 'show = data.isMinor;'}]",
                        "component 'guardianName' (textfield) has JavaScript in customConditional",
                        "the server never executes JavaScript",
                        "simple conditional", "JSONLogic conditional (conditional.json)"),
                new Refusal("JavaScript in validate.custom", "[{type: 'textfield', key: 'memberId', "
                        + "validate: {custom: \"valid = input.length === 9 ? true : 'Nine characters';\"}}]",
                        "component 'memberId' (textfield) has JavaScript in validate.custom",
                        "the server never executes JavaScript", "JSONLogic rule (validate.json)"),
                new Refusal("JavaScript in calculateValue",
                        "[{type: 'number', key: 'bmi', calculateValue: 'value = data.weight / (data.height * data.height);'}]",
                        "component 'bmi' (number) has a calculated value (calculateValue)",
                        "the server never executes JavaScript"),
                new Refusal("JSONLogic calculateValue: the server would trust the browser's result",
                        "[{type: 'number', key: 'total', calculateValue: {'+': [{var: 'data.a'}, 1]}}]",
                        "component 'total' (number) has a calculated value (calculateValue)"),
                new Refusal("JavaScript in customDefaultValue",
                        "[{type: 'textfield', key: 'today', customDefaultValue: 'value = moment().format();'}]",
                        "component 'today' (textfield) has JavaScript in customDefaultValue",
                        "the server never executes JavaScript", "static defaultValue"),
                new Refusal("advanced logic", "[{type: 'textfield', key: 'notes', logic: [{name: 'l', trigger: "
                        + "{type: 'javascript', javascript: 'result = true;'}, actions: []}]}]",
                        "component 'notes' (textfield) has advanced logic (logic)"),
                new Refusal("JavaScript disabling dates", "[{type: 'datetime', key: 'visit', datePicker: "
                        + "{disableFunction: 'date.getDay() === 0'}}]",
                        "component 'visit' (datetime) has JavaScript in datePicker.disableFunction"),
                new Refusal("JavaScript in a button", "[{type: 'button', key: 'calc', action: 'custom', "
                        + "custom: 'data.x = 1;'}]", "component 'calc' (button) has a custom JavaScript action"),
                new Refusal("JavaScript in a relative date bound", "[{type: 'day', key: 'dob', "
                        + "maxDate: 'moment().add(1, \"days\").format()'}]",
                        "component 'dob' (day): maxDate 'moment().add(1, \"days\").format()' is JavaScript the server "
                                + "does not run; use an ISO-8601 date (2024-01-31) or moment() with"),
                new Refusal("unsupported JSONLogic operator", "[{type: 'checkbox', key: 'a'}, {type: 'textfield', "
                        + "key: 'b', conditional: {json: {'regex': [{var: 'data.a'}, 'x']}}}]",
                        "component 'b' (textfield) has a conditional.json rule the server cannot evaluate",
                        "JSONLogic operator 'regex' is not supported"),
                new Refusal("JSONLogic variable outside data and row", "[{type: 'textfield', key: 'b', "
                        + "conditional: {json: {var: 'instance.visible'}}}]",
                        "JSONLogic variable 'instance.visible' must start with one of [data., row.]"),
                new Refusal("conditional on a field the form does not have", "[{type: 'textfield', key: 'guardianName',"
                        + " conditional: {show: true, when: 'isMinr', eq: 'true'}}]",
                        "component 'guardianName' (textfield) has a conditional on 'isMinr', which is not a field"),
                new Refusal("conditional on a field inside grid rows, from outside", "[{type: 'datagrid', key: 'rows', "
                        + "components: [{type: 'checkbox', key: 'flag'}]}, {type: 'textfield', key: 'x', "
                        + "conditional: {show: true, when: 'flag', eq: 'true'}}]",
                        "a field inside the rows of 'rows'"),
                new Refusal("ambiguous conditional reference", "[{type: 'container', key: 'home', components: "
                        + "[{type: 'textfield', key: 'city'}]}, {type: 'container', key: 'work', components: "
                        + "[{type: 'textfield', key: 'city'}]}, {type: 'textfield', key: 'x', "
                        + "conditional: {show: true, when: 'city', eq: 'Paris'}}]",
                        "is ambiguous; use its full path, one of [home.city, work.city]"),
                new Refusal("condition list with a date operator", "[{type: 'datetime', key: 'd'}, {type: 'textfield',"
                        + " key: 'x', conditional: {show: true, conjunction: 'all', conditions: [{component: 'd', "
                        + "operator: 'dateGreaterThan', value: '2024-01-01'}]}}]",
                        "operator 'dateGreaterThan', which the server does not evaluate"),
                new Refusal("pattern the server cannot compile", "[{type: 'textfield', key: 'zip', "
                        + "validate: {pattern: '[0-9'}}]",
                        "component 'zip' (textfield) has a validate.pattern the server cannot compile"),
                new Refusal("select with values from a URL", "[{type: 'select', key: 'payer', dataSrc: 'url', "
                        + "data: {url: 'https://example.org/payers'}}]",
                        "component 'payer' (select) takes its values from 'url'; only static values"),
                new Refusal("select without values", "[{type: 'select', key: 'payer', data: {values: []}}]",
                        "component 'payer' (select) has no values to choose from"),
                new Refusal("key that would nest data", "[{type: 'textfield', key: 'address.city'}]",
                        "component 'address.city' (textfield) has an invalid key"),
                new Refusal("data component without a key", "[{type: 'textfield', label: 'City'}]",
                        "a textfield component labelled 'City' has no key"),
                new Refusal("multiple on a checkbox", "[{type: 'checkbox', key: 'a', multiple: true}]",
                        "component 'a' (checkbox) has multiple: true"),
                new Refusal("file content stored in the submission", "[{type: 'file', key: 'card', storage: 'base64'}]",
                        "component 'card' (file) uses storage 'base64'"),
                new Refusal("component that is not an object", "['textfield']",
                        "every entry of \"components\" must be an object"),

                // free text and markup
                new Refusal("allowMarkup that is neither true nor false", "[{type: 'textarea', key: 'notes', "
                        + "properties: {allowMarkup: 'yes'}}]",
                        "Form 'intake-demographics': component 'notes' (textarea) has properties.allowMarkup 'yes'; "
                                + "use \"true\" or \"false\""),
                new Refusal("phi that is neither true nor false", "[{type: 'checkbox', key: 'chestPain', "
                        + "properties: {phi: 'yes'}}]",
                        "component 'chestPain' (checkbox) has properties.phi 'yes'; use \"true\" or \"false\""),
                new Refusal("allowMarkup on a component that is not free text", "[{type: 'number', key: 'age', "
                        + "properties: {allowMarkup: 'true'}}]",
                        "component 'age' (number) has properties.allowMarkup, which applies to free text only"),
                new Refusal("a rich-text editor without allowMarkup", "[{type: 'textarea', key: 'letter', "
                        + "editor: 'ckeditor'}]",
                        "component 'letter' (textarea) uses the editor 'ckeditor', which submits markup",
                        "set the custom property allowMarkup to \"true\""),

                // mapping to record fields (properties.domain)
                new Refusal("a record field with a dash", "[{type: 'day', key: 'dateOfBirth', "
                        + "properties: {domain: 'patient.birth-date'}}]",
                        "Form 'intake-demographics': component 'dateOfBirth' (day) has properties.domain "
                                + "'patient.birth-date', which is not a record field; write <record>.<field>"),
                new Refusal("a record field without the record", "[{type: 'day', key: 'dateOfBirth', "
                        + "properties: {domain: 'birthDate'}}]",
                        "component 'dateOfBirth' (day) has properties.domain 'birthDate', which is not a record field"),
                new Refusal("a record field two levels deep", "[{type: 'textfield', key: 'city', "
                        + "properties: {domain: 'patient.address.city'}}]",
                        "component 'city' (textfield) has properties.domain 'patient.address.city', which is not a "
                                + "record field"),
                new Refusal("a record field that is not text", "[{type: 'textfield', key: 'city', "
                        + "properties: {domain: {record: 'patient'}}}]",
                        "component 'city' (textfield) has properties.domain '{\"record\":\"patient\"}'"),
                new Refusal("two fields feeding one record field", "[" + text.replace("}", ", properties: {domain: "
                        + "'patient.familyName'}}") + ", {type: 'textfield', key: 'surname', properties: {domain: "
                        + "'patient.familyName'}}]",
                        "Form 'intake-demographics': component 'surname' (textfield) maps to 'patient.familyName' "
                                + "(properties.domain), which field 'familyName' already feeds"),
                new Refusal("a field in grid rows feeding a record field", "[{type: 'datagrid', key: 'allergies', "
                        + "components: [{type: 'textfield', key: 'substance', properties: {domain: "
                        + "'allergy.substance'}}]}]",
                        "component 'substance' (textfield) maps to 'allergy.substance' (properties.domain), but sits "
                                + "in the rows of 'allergies'; only top-level and container fields"),
                new Refusal("a panel feeding a record field", "[{type: 'panel', key: 'patientPanel', properties: "
                        + "{domain: 'patient.name'}, components: []}]",
                        "component 'patientPanel' (panel) maps to 'patient.name' (properties.domain), but a panel "
                                + "component cannot feed a record field"),
                new Refusal("select boxes feeding a record field", "[{type: 'selectboxes', key: 'races', values: "
                        + "[{label: 'Asian', value: 'asian'}], properties: {domain: 'patient.race'}}]",
                        "but a selectboxes component cannot feed a record field"),
                new Refusal("a multiple-value field feeding a record field", "[{type: 'textfield', key: 'aliases', "
                        + "multiple: true, properties: {domain: 'patient.alias'}}]",
                        "holds a list of values (multiple: true)"),
                new Refusal("a field never stored feeding a record field", "[{type: 'textfield', key: 'scratch', "
                        + "persistent: false, properties: {domain: 'patient.note'}}]",
                        "but its value is never stored (persistent: false)"),
                new Refusal("a day without its day part feeding a record field", "[{type: 'day', key: 'expiry', "
                        + "fields: {day: {hide: true}}, properties: {domain: 'coverage.cardExpiry'}}]",
                        "but hides part of the date; only a whole day can feed a record field")
        );
    }

    @ParameterizedTest(name = "refused: {0}")
    @MethodSource("refusals")
    void refusesDefinitionsTheServerCannotHonour(Refusal refusal) {
        JsonNode definition = relaxed("{title: 'Demographics', display: 'form', components: "
                + refusal.components() + "}");

        assertThatThrownBy(() -> FormDefinition.parse("intake-demographics", definition))
                .isInstanceOf(FormDefinitionException.class)
                .satisfies(e -> {
                    assertThat(((FormDefinitionException) e).formKey()).isEqualTo("intake-demographics");
                    for (String part : refusal.expected()) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    @Test
    void refusesAWizardWhoseTopLevelIsNotAllPages() {
        JsonNode definition = relaxed("{display: 'wizard', components: [{type: 'panel', key: 'page1', "
                + "components: []}, {type: 'textfield', key: 'stray'}]}");

        assertThatThrownBy(() -> FormDefinition.parse("triage", definition))
                .hasMessage("Form 'triage': component 'stray' (textfield) is at the top level of a wizard; every "
                        + "top-level component of a wizard must be a panel (a page)");
    }

    @Test
    void refusesOtherDisplays() {
        assertThatThrownBy(() -> FormDefinition.parse("x", relaxed("{display: 'pdf', components: []}")))
                .hasMessage("Form 'x': display 'pdf' is not supported; use \"form\" or \"wizard\"");
    }

    @Test
    void refusesANameOtherThanTheKey() {
        assertThatThrownBy(() -> FormDefinition.parse("intake-consents",
                relaxed("{name: 'consents', components: []}")))
                .hasMessage("Form 'intake-consents': \"name\" is 'consents' but must equal the form key (the file name)");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> FormDefinition.parse("broken", "{\"components\": [}"))
                .isInstanceOf(FormDefinitionException.class)
                .hasMessageStartingWith("Form 'broken' is not valid JSON");
    }

    @Test
    void refusesADefinitionWithoutComponents() {
        assertThatThrownBy(() -> FormDefinition.parse("empty", "{\"title\": \"Empty\"}"))
                .hasMessage("Form 'empty': the definition has no \"components\" array");
    }

    @Test
    void acceptsTheBuilderDefaultsForUnusedScriptsAndJsonLogicConditions() {
        FormDefinition form = FormDefinition.parse("ok", relaxed("{components: [{type: 'checkbox', key: 'isMinor',"
                + " customConditional: '', calculateValue: '', customDefaultValue: '', logic: [],"
                + " validate: {custom: '', customPrivate: false, json: ''},"
                + " conditional: {show: null, when: null, eq: '', json: ''}},"
                + " {type: 'textfield', key: 'guardianName', conditional: {json: {'==': [{var: 'data.isMinor'}, true]}}}]}"));

        assertThat(form.data().field("isMinor").orElseThrow().conditions()).isEmpty();
        assertThat(form.data().field("guardianName").orElseThrow().conditions())
                .singleElement().isInstanceOf(JsonLogicConditional.class);
    }

    @Test
    void acceptsTheSameKeyAtDifferentDataLevels() {
        FormDefinition form = FormDefinition.parse("ok", relaxed("{components: ["
                + "{type: 'textfield', key: 'city'},"
                + "{type: 'container', key: 'address', components: [{type: 'textfield', key: 'city'}]},"
                + "{type: 'datagrid', key: 'visits', components: [{type: 'textfield', key: 'city'}]}]}"));

        assertThat(form.data().fields()).extracting(DataField::key).containsExactly("city", "address", "visits");
        assertThat(form.data().field("address").orElseThrow().nested().contains("city")).isTrue();
        assertThat(form.data().field("visits").orElseThrow().nested().contains("city")).isTrue();
    }

    @Test
    void modelsEveryComponentTypeOfTheFixture() throws IOException {
        FormDefinition form;
        try (InputStream in = getClass().getResourceAsStream("validation/every-component.json")) {
            form = FormDefinition.parse("every-component", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        Set<ComponentType> types = EnumSet.noneOf(ComponentType.class);
        walk(form.components(), c -> types.add(c.type()));
        assertThat(types).containsExactlyInAnyOrder(ComponentType.values());

        TextInput name = (TextInput) find(form.components(), "name");
        assertThat(name.validation().required()).isTrue();
        assertThat(name.validation().maxLength()).isEqualTo(20);
        assertThat(name.validation().pattern().pattern()).isEqualTo("^[A-Za-z ]+$");
        assertThat(((TextInput) find(form.components(), "phone")).inputMask().mask()).isEqualTo("(999) 999-9999");
        assertThat(((Choice) find(form.components(), "color")).options())
                .extracting(Option::value).containsExactly("red", "green", "blue");
        DayInput dob = (DayInput) find(form.components(), "dob");
        assertThat(dob.day().required()).isTrue();
        assertThat(dob.minYear()).isEqualTo(1900);
        assertThat(dob.maxDate().source()).isEqualTo("2024-12-31");
        assertThat(((DataGrid) find(form.components(), "contacts")).validation().minLength()).isEqualTo(1);
    }

    @Test
    void resolvesConditionalsToTheFieldTheyReadAndLayoutsCarryTheirConditionToTheirFields() {
        FormDefinition form = FormDefinition.parse("ok", relaxed("{components: ["
                + "{type: 'checkbox', key: 'isMinor'},"
                + "{type: 'panel', key: 'guardian', conditional: {show: true, when: 'isMinor', eq: 'true'},"
                + " components: [{type: 'container', key: 'contact', components: ["
                + "  {type: 'textfield', key: 'phone', conditional: {show: true, when: 'isMinor', eq: 'true'}}]}]}]}"));

        DataField contact = form.data().field("contact").orElseThrow();
        assertThat(contact.conditions()).singleElement().isInstanceOf(SimpleConditional.class);
        SimpleConditional nested = (SimpleConditional) contact.nested().field("phone").orElseThrow()
                .conditions().get(0);
        assertThat(nested.when()).isEqualTo(new FieldReference("isMinor", ComponentType.CHECKBOX, 1, List.of(), "isMinor"));
    }

    @Test
    void keepsTheJsonAsWrittenAndReadsTitleDisplayAndPages() throws IOException {
        String json = Files.readString(Path.of("triage/triage-nurse-assessment.json"));

        FormDefinition form = FormDefinition.parse("triage-nurse-assessment", json);

        assertThat(form.json()).isSameAs(json);
        assertThat(form.title()).isEqualTo("Nurse triage assessment");
        assertThat(form.display()).isEqualTo(FormDisplay.WIZARD);
        assertThat(form.pages()).extracting(Panel::title)
                .containsExactly("Presenting concern", "Vital signs", "Disposition");
        assertThat(form.data().fields()).extracting(DataField::key).contains("chiefComplaint", "heartRate",
                "nurseSignature");
    }

    @Test
    void aPlainFormHasNoPages() throws IOException {
        FormDefinition form = FormDefinition.parse("intake-demographics",
                Files.readString(Path.of("intake/intake-demographics.json")));

        assertThat(form.display()).isEqualTo(FormDisplay.FORM);
        assertThat(form.pages()).isEmpty();
        assertThat(form.components().get(0)).isInstanceOf(Panel.class);
        assertThat(((Panel) form.components().get(1)).components().get(0)).isInstanceOf(Columns.class);
        assertThat(form.data().field("address").orElseThrow().component()).isInstanceOf(Container.class);
    }

    @Test
    void protectedHealthInformationIsWhatFeedsRecordsSignaturesFilesAndWhatTheFormMarks() throws IOException {
        FormDefinition demographics = FormDefinition.parse("intake-demographics",
                Files.readString(Path.of("intake/intake-demographics.json")));
        FormDefinition history = FormDefinition.parse("intake-health-history",
                Files.readString(Path.of("intake/intake-health-history.json")));
        FormDefinition consents = FormDefinition.parse("intake-consents",
                Files.readString(Path.of("consent/intake-consents.json")));

        assertThat(demographics.data().fields()).filteredOn(DataField::phi).extracting(DataField::key)
                .contains("givenName", "familyName", "dateOfBirth", "phone", "address", "guardianName")
                .doesNotContain("service", "intakeChannel", "isMinor");
        assertThat(history.data().fields()).filteredOn(DataField::phi).extracting(DataField::key)
                .contains("redFlagChestPain", "allergies", "medications", "conditions", "otherConditions");
        assertThat(consents.data().fields()).filteredOn(DataField::phi).extracting(DataField::key)
                .contains("signature", "guardianSignature", "signerName")
                .doesNotContain("treatmentConsentRequired", "guardianSignatureRequired");
    }

    private static JsonNode relaxed(String json) {
        try {
            return RELAXED.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static void walk(List<Component> components, java.util.function.Consumer<Component> visitor) {
        for (Component component : components) {
            visitor.accept(component);
            if (component instanceof Layout layout) {
                walk(layout.children(), visitor);
            } else if (component instanceof Container container) {
                walk(container.components(), visitor);
            } else if (component instanceof DataGrid grid) {
                walk(grid.components(), visitor);
            }
        }
    }

    private static Component find(List<Component> components, String key) {
        List<Component> found = new ArrayList<>();
        walk(components, c -> {
            if (c.key().equals(key)) {
                found.add(c);
            }
        });
        assertThat(found).as("component %s", key).hasSize(1);
        return found.get(0);
    }
}
