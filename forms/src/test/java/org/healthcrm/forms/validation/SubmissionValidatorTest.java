package org.healthcrm.forms.validation;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every component type and every rule, valid and invalid, against one form that has them all
 * (every-component.json). Each case patches a valid submission and lists the exact errors expected.
 */
class SubmissionValidatorTest {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final FormDefinition FORM = fixture("every-component.json");
    static final SubmissionValidator VALIDATOR =
            new SubmissionValidator(ValidationSettings.defaults().withClock(CLOCK));

    /** A valid submission: only the required fields. */
    static final String VALID = "{name: 'Ada Lovelace', agree: true, color: 'red', dob: '12/10/1985',"
            + " noAllergies: true, address: {city: 'Springfield', zip: '12345'},"
            + " contacts: [{contactName: 'Grace Hopper', contactPhone: '(555) 123-4567', primary: false}],"
            + " submit: true}";

    /** A key whose patch value is this text is removed from the submission. */
    static final String ABSENT = "<absent>";

    record Case(String name, String patch, List<String> errors) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case valid(String name, String patch) {
        return new Case(name, patch, List.of());
    }

    static Case invalid(String name, String patch, String... errors) {
        return new Case(name, patch, List.of(errors));
    }

    static Stream<Case> cases() {
        String file = "{name: 'referral.pdf', originalName: 'referral.pdf', size: 48213, type: 'application/pdf',"
                + " storage: 'url', url: 'https://files.example.org/f/1'}";
        return Stream.of(
                valid("the minimal submission is valid", "{}"),

                // textfield: required, minLength, maxLength, pattern, type, global limit
                invalid("textfield required: missing", "{name: '<absent>'}", "name: Name is required"),
                invalid("textfield required: null", "{name: null}", "name: Name is required"),
                invalid("textfield required: empty", "{name: ''}", "name: Name is required"),
                invalid("textfield required: only spaces", "{name: '   '}", "name: Name is required"),
                invalid("textfield minLength", "{name: 'A'}", "name: Name must have at least 2 characters."),
                valid("textfield maxLength: exactly at the limit", "{name: 'Abcdefghij Klmnopqrs'}"),
                invalid("textfield maxLength", "{name: 'Abcdefghij Klmnopqrst'}",
                        "name: Name must have no more than 20 characters."),
                invalid("textfield pattern must match the whole value", "{name: 'Ada 1'}",
                        "name: Name does not match the pattern [A-Za-z ]+"),
                invalid("textfield gets a number: a type error, not a crash", "{name: 42}", "name: Name must be text."),
                invalid("textfield gets an object", "{name: {first: 'Ada'}}", "name: Name must be text."),
                invalid("a 1 MB text is refused even without maxLength",
                        "{nickname: '" + "ab ".repeat(350_000) + "'}",
                        "nickname: Nickname must have no more than 65536 characters."),

                // minWords / maxWords
                valid("minWords/maxWords: within", "{nickname: 'Countess of Lovelace'}"),
                invalid("minWords", "{nickname: 'Ada'}", "nickname: Nickname must have at least 2 words."),
                invalid("maxWords", "{nickname: 'The Countess of Lovelace'}",
                        "nickname: Nickname must have no more than 3 words."),

                // input mask on a textfield
                valid("textfield inputMask: matches", "{code: 'AB-123'}"),
                invalid("textfield inputMask: digit where a letter belongs", "{code: 'A1-123'}",
                        "code: Code does not match the mask AA-999."),
                invalid("textfield inputMask: too long", "{code: 'AB-1234'}", "code: Code does not match the mask AA-999."),

                // textarea
                valid("textarea within maxLength", "{notes: 'Prefers mornings'}"),
                invalid("textarea maxLength", "{notes: 'Prefers mornings, please'}",
                        "notes: Notes must have no more than 20 characters."),

                // multiple
                valid("multiple: a list of valid values", "{aliases: ['Al', 'Ally']}"),
                valid("multiple: an empty list", "{aliases: []}"),
                invalid("multiple: a single value instead of a list", "{aliases: 'Al'}", "aliases: Aliases must be a list."),
                invalid("multiple: each value is validated", "{aliases: ['Al', 'Alexandra']}",
                        "aliases[1]: Aliases must have no more than 5 characters."),
                invalid("multiple: each value is type-checked", "{aliases: [1]}", "aliases[0]: Aliases must be text."),

                // number
                valid("number within min and max", "{age: 42}"),
                valid("number at min", "{age: 0}"),
                invalid("number as text", "{age: '42'}", "age: Age is not a valid number."),
                invalid("number below min", "{age: -1}", "age: Age cannot be less than 0."),
                invalid("number above max", "{age: 131, otherColor: 'teal'}", "age: Age cannot be greater than 130."),
                invalid("number with decimals where decimalLimit is 0", "{age: 42.5}", "age: Age must be a whole number."),
                valid("number with a decimal min given as text", "{weight: 0.5}"),
                invalid("number below a decimal min", "{weight: 0.4}", "weight: Weight cannot be less than 0.5."),
                invalid("number gets a boolean", "{weight: true}", "weight: Weight is not a valid number."),

                // currency
                valid("currency with cents", "{copay: 10.50}"),
                invalid("currency with more than 2 decimals", "{copay: 10.555}",
                        "copay: Copay must have no more than 2 decimal places."),
                invalid("currency above max", "{copay: 1000.01}", "copay: Copay cannot be greater than 1000."),

                // email
                valid("email", "{email: 'ada.lovelace@example.org'}"),
                invalid("email without a domain", "{email: 'ada@example'}", "email: Email must be a valid email."),
                invalid("email without @", "{email: 'ada at example.org'}", "email: Email must be a valid email."),
                invalid("email longer than 254 characters", "{email: '" + "a".repeat(250) + "@example.org'}",
                        "email: Email must be a valid email."),

                // url
                valid("url with protocol, path and query", "{website: 'https://example.org/referrals?id=7'}"),
                valid("url without protocol", "{website: 'example.org'}"),
                valid("url without top-level domain needs a protocol", "{website: 'http://localhost:8080'}"),
                invalid("url that is text", "{website: 'not a url'}", "website: Website must be a valid url."),
                invalid("url that is an email", "{website: 'ada@example.org'}", "website: Website must be a valid url."),
                invalid("url crafted to backtrack is refused quickly", "{website: '" + "a".repeat(2000) + "!'}",
                        "website: Website must be a valid url."),

                // phoneNumber
                valid("phoneNumber matching its mask", "{phone: '(555) 123-4567'}"),
                invalid("phoneNumber in another format than its mask", "{phone: '555-123-4567'}",
                        "phone: Phone does not match the mask (999) 999-9999."),
                invalid("phoneNumber digits only where a mask is set", "{phone: '5551234567'}",
                        "phone: Phone does not match the mask (999) 999-9999."),
                valid("phoneNumber without mask: international", "{altPhone: '+1 555 123 4567'}"),
                invalid("phoneNumber without mask: too few digits", "{altPhone: '12345'}",
                        "altPhone: Alternate phone must be a valid phone number."),
                invalid("phoneNumber without mask: letters", "{altPhone: 'call me'}",
                        "altPhone: Alternate phone must be a valid phone number."),

                // password
                valid("password is validated", "{pin: '1234'}"),
                invalid("password minLength", "{pin: '12'}", "pin: PIN must have at least 4 characters."),

                // checkbox
                invalid("checkbox required: unchecked", "{agree: false}", "agree: Agreement is required"),
                invalid("checkbox required: missing", "{agree: '<absent>'}", "agree: Agreement is required"),
                invalid("checkbox gets text", "{agree: 'yes'}", "agree: Agreement must be true or false."),

                // selectboxes
                valid("selectboxes with listed keys", "{symptoms: {fever: true, cough: false}}"),
                valid("selectboxes with some keys left out", "{symptoms: {cough: true}}"),
                invalid("selectboxes with a key not listed", "{symptoms: {fever: true, flu: true}}",
                        "symptoms: Symptoms contains an invalid selection."),
                invalid("selectboxes with a non-boolean", "{symptoms: {fever: 'yes'}}",
                        "symptoms: Symptoms must mark each option true or false."),
                invalid("selectboxes as a list", "{symptoms: ['fever']}",
                        "symptoms: Symptoms must be an object of checked options."),
                invalid("selectboxes maxSelectedCount", "{symptoms: {fever: true, cough: true, rash: true},"
                                + " symptomDetails: 'Itchy rash on both arms'}",
                        "symptoms: Symptoms: select no more than 2 items."),

                // select
                valid("select with a listed value", "{color: 'green'}"),
                invalid("select with a value not listed", "{color: 'purple'}", "color: Color is an invalid value."),
                invalid("select required: empty", "{color: ''}", "color: Color is required"),
                invalid("select gets an object", "{color: {value: 'red'}}", "color: Color must be one of the listed values."),
                valid("select multiple with listed values", "{languages: ['en', 'fr']}"),
                invalid("select multiple with one value not listed", "{languages: ['en', 'de']}",
                        "languages[1]: Languages is an invalid value."),
                invalid("select multiple given one value", "{languages: 'en'}", "languages: Languages must be a list."),

                // radio
                valid("radio with a listed value", "{contactTime: 'morning'}"),
                invalid("radio with a value not listed", "{contactTime: 'night'}",
                        "contactTime: Contact time is an invalid value."),
                valid("radio with a number matching a listed value", "{rating: 2}"),
                invalid("radio with a number not listed", "{rating: 4}", "rating: Rating is an invalid value."),
                invalid("radio gets a list", "{rating: ['1']}", "rating: Rating must be one of the listed values."),

                // day
                valid("day on a leap day", "{dob: '02/29/2024'}"),
                invalid("day on February 29 of a common year", "{dob: '02/29/2023'}",
                        "dob: Date of birth is not a valid day."),
                invalid("day with month 13", "{dob: '13/01/2000'}", "dob: Date of birth is not a valid day."),
                invalid("day in ISO format instead of MM/DD/YYYY", "{dob: '1985-10-12'}",
                        "dob: Date of birth is not a valid day."),
                invalid("day required: all parts missing", "{dob: '00/00/0000'}", "dob: Date of birth is required"),
                invalid("day required: absent", "{dob: '<absent>'}", "dob: Date of birth is required"),
                invalid("day with the required day part missing", "{dob: '10/00/1985'}",
                        "dob: Date of birth: the day is required"),
                invalid("day with the required year part missing", "{dob: '10/12/0000'}",
                        "dob: Date of birth: the year is required"),
                invalid("day before minYear", "{dob: '12/10/1899'}",
                        "dob: Date of birth should not contain year less than 1900"),
                invalid("day after maxDate", "{dob: '01/01/2025'}",
                        "dob: Date of birth should not contain date after 12/31/2024"),
                invalid("day gets a number", "{dob: 19851012}", "dob: Date of birth must be text."),
                valid("day with a hidden day part: MM/YYYY", "{cardExpiry: '12/2027'}"),
                invalid("day with a hidden day part given a full date", "{cardExpiry: '12/31/2027'}",
                        "cardExpiry: Card expiry is not a valid day."),

                // datetime
                valid("datetime with offset", "{appointment: '2025-03-01T09:30:00-05:00'}"),
                valid("datetime in UTC with milliseconds", "{appointment: '2025-03-01T14:30:00.000Z'}"),
                invalid("datetime that is not a date", "{appointment: 'next Tuesday'}",
                        "appointment: Appointment is not a valid date."),
                invalid("datetime before minDate", "{appointment: '2024-12-31T23:00:00Z'}",
                        "appointment: Appointment should not contain date before 2025-01-01 00:00"),
                invalid("datetime after maxDate", "{appointment: '2026-01-01T00:00:00Z'}",
                        "appointment: Appointment should not contain date after 2025-12-31 23:59"),
                valid("date-only datetime today, maxDate moment()", "{visitDate: '2025-06-15T23:30:00Z'}"),
                valid("date-only datetime on the relative minDate", "{visitDate: '2025-06-08'}"),
                invalid("date-only datetime after maxDate moment()", "{visitDate: '2025-06-16T00:00:00Z'}",
                        "visitDate: Visit date should not contain date after 2025-06-15"),
                invalid("date-only datetime before moment().subtract(7, 'days')", "{visitDate: '2025-06-07T23:59:00Z'}",
                        "visitDate: Visit date should not contain date before 2025-06-08"),

                // time
                valid("time HH:mm", "{callTime: '14:30'}"),
                valid("time HH:mm:ss", "{callTime: '14:30:15'}"),
                invalid("time with hour 25", "{callTime: '25:00'}", "callTime: Call time is not a valid time."),
                invalid("time in 12-hour format", "{callTime: '2:30 PM'}", "callTime: Call time is not a valid time."),

                // signature
                valid("signature image", "{signature: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg=='}"),
                invalid("signature that is not an image", "{signature: 'Ada Lovelace'}",
                        "signature: Signature must be a signature image."),

                // file
                valid("file metadata", "{attachments: [" + file + "]}"),
                valid("file of an accepted image type", "{attachments: [{name: 'card.png', size: 100, type: 'image/png',"
                        + " storage: 'url', url: 'https://files.example.org/f/2'}]}"),
                invalid("file of a type not accepted", "{attachments: [{name: 'setup.exe', size: 100,"
                                + " type: 'application/octet-stream'}]}",
                        "attachments[0]: Attachments: this type of file is not accepted."),
                invalid("file bigger than fileMaxSize", "{attachments: [{name: 'scan.pdf', size: 2000000,"
                                + " type: 'application/pdf'}]}",
                        "attachments[0]: Attachments: the file is too big."),
                invalid("file content embedded as a data URL", "{attachments: [{name: 'scan.pdf', size: 10,"
                                + " type: 'application/pdf', storage: 'url', url: 'data:application/pdf;base64,JVBERi0='}]}",
                        "attachments[0]: Attachments: file content must be uploaded, not embedded in the form."),
                invalid("file without a name", "{attachments: [{size: 10, type: 'application/pdf'}]}",
                        "attachments[0]: Attachments: a file has no name."),
                invalid("file with an unknown detail", "{attachments: [{name: 'a.pdf', content: 'JVBERi0='}]}",
                        "attachments[0].content: Unknown field"),
                invalid("file that is not a list", "{attachments: " + file + "}",
                        "attachments: Attachments must be a list of files."),
                invalid("two files where one is allowed", "{photo: [" + file + ", " + file + "]}",
                        "photo: Photo accepts one file only."),

                // hidden
                valid("hidden text", "{source: 'referral'}"),
                valid("hidden number", "{source: 42}"),
                invalid("hidden object", "{source: {campaign: 'x'}}", "source: Source must be a single value."),

                // keys not in the form
                invalid("unknown key at the top level", "{surprise: 1}", "surprise: Unknown field"),
                invalid("a content component's key carries no data", "{intro: 'x'}", "intro: Unknown field"),
                invalid("a layout's key carries no data", "{guardianPanel: {guardianName: 'x'}}",
                        "guardianPanel: Unknown field"),
                invalid("unknown key in a container",
                        "{address: {city: 'Springfield', zip: '12345', country: 'US'}}", "address.country: Unknown field"),
                invalid("unknown key in a grid row",
                        "{contacts: [{contactName: 'Grace Hopper', nickname: 'Amazing Grace'}]}",
                        "contacts[0].nickname: Unknown field"),

                // simple conditional {show, when, eq}
                valid("panel hidden by a checkbox: its required field is not required", "{hasGuardian: false}"),
                invalid("panel shown by a checkbox: its required field is required", "{hasGuardian: true}",
                        "guardianName: Guardian name is required",
                        "keptNote: Kept note is required"),
                valid("panel shown by a checkbox: filled", "{hasGuardian: true, guardianName: 'Mary', keptNote: 'ok'}"),
                invalid("shown by a selectboxes option being checked", "{symptoms: {rash: true}}",
                        "symptomDetails: Symptom details is required"),
                valid("hidden while the selectboxes option is unchecked", "{symptoms: {rash: false, fever: true}}"),
                invalid("shown by a radio value (show given as text)", "{contactTime: 'evening'}",
                        "eveningNote: Evening note is required"),
                invalid("show: false hides when the checkbox is checked, shows otherwise", "{noAllergies: false}",
                        "allergyList: Allergy list is required"),
                valid("show: false with the checkbox checked", "{noAllergies: true}"),

                // builder condition list (conjunction any)
                invalid("condition list: first condition holds", "{color: 'blue'}", "otherColor: Other color is required"),
                invalid("condition list: second condition holds", "{age: 101}", "otherColor: Other color is required"),
                valid("condition list: no condition holds", "{color: 'red', age: 30}"),

                // JSONLogic conditional
                invalid("JSONLogic conditional shows the field", "{smoker: true}",
                        "cigarettesPerDay: Cigarettes per day is required"),
                valid("JSONLogic conditional hides the field", "{smoker: false}"),
                invalid("JSONLogic conditional on row.* inside a grid", "{contacts: [{contactName: 'Grace Hopper',"
                        + " primary: false}, {contactName: 'Ada', primary: true}]}",
                        "contacts[1].primaryReason: Why primary is required"),

                // clearOnHide false: kept, validated, but not required
                valid("hidden with clearOnHide false: not required", "{hasGuardian: false}"),
                invalid("hidden with clearOnHide false: still type-checked", "{hasGuardian: false, keptNote: 7}",
                        "keptNote: Kept note must be text."),

                // container
                invalid("container absent: its required fields are required", "{address: '<absent>'}",
                        "address.city: City is required"),
                invalid("container field rules", "{address: {city: 'Springfield', zip: '1234'}}",
                        "address.zip: ZIP does not match the pattern \\d{5}"),
                invalid("container gets text", "{address: '1 Main St'}", "address: Address must be an object."),

                // datagrid
                invalid("datagrid below its minimum rows", "{contacts: []}", "contacts: Contacts must have at least 1 row."),
                invalid("datagrid above its maximum rows", "{contacts: [{contactName: 'A'}, {contactName: 'B'},"
                        + " {contactName: 'C'}, {contactName: 'D'}]}", "contacts: Contacts must have no more than 3 rows."),
                invalid("datagrid row field required", "{contacts: [{contactName: 'Grace Hopper'}, {contactPhone: '(555) 123-4567'}]}",
                        "contacts[1].contactName: Contact name is required"),
                invalid("datagrid row field format", "{contacts: [{contactName: 'Grace Hopper', contactPhone: '555'}]}",
                        "contacts[0].contactPhone: Contact phone does not match the mask (999) 999-9999."),
                invalid("datagrid gets an object", "{contacts: {contactName: 'Grace Hopper'}}",
                        "contacts: Contacts must be a list of rows."),
                invalid("datagrid row that is not an object", "{contacts: ['Grace Hopper']}",
                        "contacts[0]: Contacts: each row must be an object."),

                // editgrid
                valid("editgrid rows", "{doses: [{mg: 5}, {mg: 10}]}"),
                invalid("editgrid row field min", "{doses: [{mg: 5}, {mg: 0}]}",
                        "doses[1].mg: Dose (mg) cannot be less than 1."),

                // hidden: true, persistent: false, button
                valid("hidden: true makes a field not required", "{internalCode: '<absent>'}"),
                valid("persistent: false accepts the value and does not keep it", "{scratch: 'draft'}"),
                valid("the submit button's true is accepted", "{submit: true}"),

                // validate.json
                valid("validate.json rule holds", "{systolic: 120, diastolic: 80}"),
                invalid("validate.json rule returns its message", "{systolic: 120, diastolic: 130}",
                        "diastolic: Diastolic must be lower than systolic"),

                // customMessage
                invalid("customMessage replaces the rule's message", "{mrn: '123'}",
                        "mrn: Medical record number: enter the 8-digit record number"),
                valid("customMessage field valid", "{mrn: '12345678'}")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validatesLikeTheBrowser(Case c) {
        ValidationResult result = VALIDATOR.validate(FORM, submission(c.patch()));

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactlyElementsOf(c.errors());
        assertThat(result.valid()).isEqualTo(c.errors().isEmpty());
    }

    @Test
    void errorMessagesNeverRepeatTheSubmittedValue() {
        String secret = "Zq9xSecretValue";
        ValidationResult result = VALIDATOR.validate(FORM, submission("{name: '" + secret + "1', email: '" + secret
                + "', phone: '" + secret + "', color: '" + secret + "', age: '" + secret + "', dob: '" + secret
                + "', callTime: '" + secret + "', website: '" + secret + " x', code: '" + secret + "'}"));

        assertThat(result.errors()).hasSizeGreaterThanOrEqualTo(9)
                .allSatisfy(e -> assertThat(e.message()).doesNotContain(secret));
    }

    @Test
    void cleanedDataKeepsOnlyShownFormFieldsInFormOrder() {
        ValidationResult result = VALIDATOR.validate(FORM, submission("{pin: '1234', scratch: 'draft',"
                + " hasGuardian: false, guardianName: 'Left over', keptNote: 'kept', smoker: false,"
                + " cigarettesPerDay: 5, color: 'green', rating: 2, symptoms: {cough: true}}"));

        assertThat(result.valid()).as("errors: %s", result.errors()).isTrue();
        ObjectNode data = result.data();
        assertThat(data.has("pin")).as("password is never stored").isFalse();
        assertThat(data.has("scratch")).as("persistent: false is never stored").isFalse();
        assertThat(data.has("submit")).as("the button's value is dropped").isFalse();
        assertThat(data.has("guardianName")).as("hidden by its panel's condition").isFalse();
        assertThat(data.has("cigarettesPerDay")).as("hidden by a JSONLogic condition").isFalse();
        assertThat(data.get("keptNote").asText()).as("clearOnHide: false keeps the value").isEqualTo("kept");
        assertThat(data.get("rating").isTextual()).as("radio values are stored as listed").isTrue();
        assertThat(data.get("rating").asText()).isEqualTo("2");
        assertThat(data.get("symptoms").toString()).isEqualTo("{\"fever\":false,\"cough\":true,\"rash\":false}");
        assertThat(data.get("contacts").get(0).get("contactName").asText()).isEqualTo("Grace Hopper");
        assertThat(iterable(data.fieldNames())).containsExactly("name", "agree", "symptoms", "color", "rating",
                "dob", "hasGuardian", "keptNote", "smoker", "noAllergies", "address", "contacts");
    }

    @Test
    void cleanedDataIsNewAndDoesNotShareContainersWithTheSubmission() {
        JsonNode submission = submission("{}");
        ValidationResult result = VALIDATOR.validate(FORM, submission);

        ((ObjectNode) submission.get("address")).put("city", "Changed later");

        assertThat(result.data().get("address").get("city").asText()).isEqualTo("Springfield");
    }

    @Test
    void theStringLimitIsConfigurable() {
        SubmissionValidator strict = new SubmissionValidator(ValidationSettings.defaults().withClock(CLOCK)
                .withMaxStringLength(15));

        ValidationResult result = strict.validate(FORM, submission("{nickname: 'Countess of Lovelace'}"));

        assertThat(result.errors()).extracting(FieldError::path, FieldError::message, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nickname",
                        "Nickname must have no more than 15 characters.", "maxLength"));
    }

    @Test
    void theGridRowLimitHoldsWhereTheFormSetsNone() {
        SubmissionValidator strict = new SubmissionValidator(ValidationSettings.defaults().withClock(CLOCK)
                .withMaxRows(2));

        ValidationResult result = strict.validate(FORM, submission("{doses: [{mg: 1}, {mg: 2}, {mg: 3}]}"));

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactly("doses: Doses must have no more than 2 rows.");
    }

    @Test
    void aSubmissionGivenAsAMapIsValidatedTheSameWay() {
        Map<String, Object> data = new LinkedHashMap<>(JSON.convertValue(submission("{}"), Map.class));
        data.put("age", "forty");

        ValidationResult result = VALIDATOR.validate(FORM, data);

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactly("age: Age is not a valid number.");
    }

    @Test
    void dataThatIsNotAnObjectIsRefused() {
        JsonNode list = JSON.valueToTree(List.of("name"));

        ValidationResult result = VALIDATOR.validate(FORM, list);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::path, FieldError::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "type"));
        assertThat(result.data().isEmpty()).isTrue();
    }

    @Test
    void errorsCarryAStableRuleCodeForApiClients() {
        ValidationResult result = VALIDATOR.validate(FORM, submission("{name: '', age: 300, otherColor: 'teal', surprise: 1}"));

        assertThat(result.errors()).extracting(FieldError::rule)
                .containsExactly("unknownField", "required", "max");
        assertThat(result.errorsAt("age")).extracting(FieldError::message)
                .containsExactly("Age cannot be greater than 130.");
    }

    @Test
    void aPatternThatBacktracksCatastrophicallyCostsOneFailedCheckNotAThread() {
        FormDefinition form = inline("{components: [{type: 'textfield', key: 'code', label: 'Code',"
                + " validate: {pattern: '(a+)+b'}}]}");

        ValidationResult result = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> VALIDATOR.validate(form, JSON.readTree("{\"code\": \"" + "a".repeat(60) + "!\"}")));

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactly("code: Code does not match the pattern (a+)+b");
    }

    @Test
    void aLayoutWithHiddenTrueMakesItsFieldsNotRequiredButKeepsTheirValues() throws IOException {
        FormDefinition form = inline("{components: [{type: 'panel', key: 'internal', hidden: true, components: ["
                + "{type: 'textfield', key: 'caseNumber', label: 'Case number', validate: {required: true}}]}]}");

        ValidationResult empty = VALIDATOR.validate(form, JSON.readTree("{}"));
        ValidationResult filled = VALIDATOR.validate(form, JSON.readTree("{caseNumber: 'C-17'}"));

        assertThat(empty.valid()).isTrue();
        assertThat(filled.data().get("caseNumber").asText()).isEqualTo("C-17");
    }

    @Test
    void aFieldHiddenByAConditionHidesWhatDependsOnIt() throws IOException {
        FormDefinition form = inline("{components: ["
                + "{type: 'checkbox', key: 'pregnant', label: 'Pregnant'},"
                + "{type: 'radio', key: 'trimester', label: 'Trimester', values: [{label: 'First', value: 'first'},"
                + " {label: 'Later', value: 'later'}], conditional: {show: true, when: 'pregnant', eq: 'true'}},"
                + "{type: 'textfield', key: 'firstTrimesterNote', label: 'Note', validate: {required: true},"
                + " conditional: {show: true, when: 'trimester', eq: 'first'}}]}");

        ValidationResult leftOver = VALIDATOR.validate(form, JSON.readTree("{pregnant: false, trimester: 'first'}"));
        ValidationResult shown = VALIDATOR.validate(form, JSON.readTree("{pregnant: true, trimester: 'first'}"));

        assertThat(leftOver.valid()).as("the browser cleared trimester, so the note is hidden").isTrue();
        assertThat(leftOver.data().has("trimester")).isFalse();
        assertThat(shown.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactly("firstTrimesterNote: Note is required");
    }

    static FormDefinition inline(String relaxedJson) {
        try {
            return FormDefinition.parse("inline", JSON.readTree(relaxedJson));
        } catch (IOException e) {
            throw new IllegalArgumentException(relaxedJson, e);
        }
    }

    static JsonNode submission(String patch) {
        try {
            ObjectNode data = (ObjectNode) JSON.readTree(VALID);
            JsonNode changes = JSON.readTree(patch);
            changes.fields().forEachRemaining(change -> {
                if (change.getValue().isTextual() && change.getValue().textValue().equals(ABSENT)) {
                    data.remove(change.getKey());
                } else {
                    data.set(change.getKey(), change.getValue());
                }
            });
            return data;
        } catch (IOException e) {
            throw new IllegalArgumentException("bad test patch " + patch, e);
        }
    }

    static FormDefinition fixture(String name) {
        try (InputStream in = SubmissionValidatorTest.class.getResourceAsStream(name)) {
            return FormDefinition.parse(name.replace(".json", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
