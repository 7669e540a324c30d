package org.healthcrm.forms;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.validation.SubmissionValidator;
import org.healthcrm.forms.validation.ValidationResult;
import org.healthcrm.forms.validation.ValidationSettings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Form fields feeding record fields: the typed values a cleaned submission gives to patient and coverage. */
class DomainValuesTest {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();
    static final FormCatalog CATALOG = FormCatalog.load();
    static final SubmissionValidator VALIDATOR = new SubmissionValidator(ValidationSettings.defaults()
            .withClock(Clock.fixed(Instant.parse("2025-06-15T12:00:00Z"), ZoneOffset.UTC)));

    static final String ADULT = "{service: 'primaryCare', intakeChannel: 'walkIn', givenName: ' Maria ', familyName: 'Gonzalez', dateOfBirth: '03/14/1984',"
            + " administrativeSex: 'female', genderIdentity: '', isMinor: false, phone: '(617) 555-0142',"
            + " email: 'maria.gonzalez@example.org', preferredLanguage: 'es',"
            + " address: {line1: '12 Elm Street', city: 'Boston', state: 'MA', postalCode: '02118'},"
            + " emergencyContactName: 'Luis Gonzalez', emergencyContactPhone: '(617) 555-0199',"
            + " guardianName: 'Left over from an earlier answer', guardianRelationship: 'parent', submit: true}";

    @Test
    void aDemographicsSubmissionGivesTypedPatientFieldsInFormOrder() {
        Map<String, Object> values = DomainValues.of(form("intake-demographics"),
                cleaned("intake-demographics", ADULT));

        assertThat(values).containsExactly(
                entry("patient.givenName", "Maria"),
                entry("patient.familyName", "Gonzalez"),
                entry("patient.birthDate", LocalDate.of(1984, 3, 14)),
                entry("patient.administrativeSex", "female"),
                entry("patient.phone", "(617) 555-0142"),
                entry("patient.email", "maria.gonzalez@example.org"),
                entry("patient.preferredLanguage", "es"),
                entry("patient.addressLine1", "12 Elm Street"),
                entry("patient.city", "Boston"),
                entry("patient.state", "MA"),
                entry("patient.postalCode", "02118"),
                entry("patient.emergencyContactName", "Luis Gonzalez"),
                entry("patient.emergencyContactPhone", "(617) 555-0199"));
        assertThat(values).as("the guardian panel was hidden, so its fields give nothing")
                .doesNotContainKeys("patient.guardianName", "patient.guardianRelationship", "patient.guardianPhone");
        assertThat(values).as("blank text gives no value").doesNotContainKey("patient.genderIdentity");
    }

    @Test
    void aMinorsGuardianIsMappedWhenTheGuardianPanelIsShown() {
        String minor = ADULT.replace("'03/14/1984'", "'09/02/2014'").replace("isMinor: false", "isMinor: true")
                .replace("'Left over from an earlier answer'", "'Rosa Gonzalez'")
                .replace("guardianRelationship: 'parent'", "guardianRelationship: 'legalGuardian',"
                        + " guardianPhone: '(617) 555-0150'");

        Map<String, Object> values = DomainValues.of(form("intake-demographics"),
                cleaned("intake-demographics", minor));

        assertThat(values).containsEntry("patient.birthDate", LocalDate.of(2014, 9, 2))
                .containsEntry("patient.guardianName", "Rosa Gonzalez")
                .containsEntry("patient.guardianRelationship", "legalGuardian")
                .containsEntry("patient.guardianPhone", "(617) 555-0150");
    }

    @Test
    void insuranceFeedsTheCoverageAndSelfPayOnlyItsPaymentFields() {
        String insured = "{coverageType: 'insurance', payerName: 'Blue Cross Blue Shield of Massachusetts',"
                + " memberId: 'XJH-448812093', groupNumber: '004417', subscriberRelationship: 'spouse',"
                + " subscriberName: 'Luis Gonzalez', submit: true}";
        String selfPay = "{coverageType: 'selfPay', payerName: 'typed before switching', paymentMethod: 'card',"
                + " paymentReference: '4242', submit: true}";

        assertThat(DomainValues.of(form("intake-insurance"), cleaned("intake-insurance", insured))).containsExactly(
                entry("coverage.type", "insurance"),
                entry("coverage.payer", "Blue Cross Blue Shield of Massachusetts"),
                entry("coverage.memberId", "XJH-448812093"),
                entry("coverage.groupNumber", "004417"),
                entry("coverage.subscriberRelation", "spouse"),
                entry("coverage.subscriberName", "Luis Gonzalez"));
        assertThat(DomainValues.of(form("intake-insurance"), cleaned("intake-insurance", selfPay))).containsExactly(
                entry("coverage.type", "selfPay"),
                entry("coverage.paymentMethod", "card"),
                entry("coverage.paymentReference", "4242"));
    }

    @Test
    void aDemographicsUpdateFeedsOnlyTheSectionsBeingChanged() {
        String addressOnly = "{sections: {address: true}, givenName: 'Not changing', phone: '(617) 555-0000',"
                + " address: {line1: '48 Centre Street, Apt 3', city: 'Jamaica Plain', state: 'MA',"
                + " postalCode: '02130'}, identityVerifiedWith: 'photoId', requestedVia: 'portal'}";

        Map<String, Object> values = DomainValues.of(form("patient-demographics-update"),
                cleaned("patient-demographics-update", addressOnly));

        assertThat(values).containsExactly(
                entry("patient.addressLine1", "48 Centre Street, Apt 3"),
                entry("patient.city", "Jamaica Plain"),
                entry("patient.state", "MA"),
                entry("patient.postalCode", "02130"));
    }

    @Test
    void typesEachKindOfField() throws IOException {
        FormDefinition form = FormDefinition.parse("typed", JSON.readTree("{components: ["
                + "{type: 'number', key: 'heartRate', decimalLimit: 0, properties: {domain: 'observation.heartRate'}},"
                + "{type: 'number', key: 'weightKg', properties: {domain: 'observation.weightKg'}},"
                + "{type: 'currency', key: 'copay', properties: {domain: 'coverage.copay'}},"
                + "{type: 'checkbox', key: 'selfPay', properties: {domain: 'coverage.selfPay'}},"
                + "{type: 'radio', key: 'rating', values: [{label: 'Good', value: '2'}], properties: {domain: "
                + "'survey.rating'}},"
                + "{type: 'datetime', key: 'start', properties: {domain: 'appointment.start'}},"
                + "{type: 'datetime', key: 'localStart', properties: {domain: 'appointment.localStart'}},"
                + "{type: 'time', key: 'callAt', properties: {domain: 'callback.time'}},"
                + "{type: 'day', key: 'issued', dayFirst: true, properties: {domain: 'document.issuedOn'}},"
                + "{type: 'day', key: 'expires', properties: {domain: 'document.expiresOn'}},"
                + "{type: 'hidden', key: 'source', properties: {domain: 'intake.source'}},"
                + "{type: 'hidden', key: 'attempt', properties: {domain: 'intake.attempt'}},"
                + "{type: 'container', key: 'home', components: ["
                + "  {type: 'textarea', key: 'directions', properties: {domain: 'patient.directions'}}]},"
                + "{type: 'textfield', key: 'unmapped'}]}"));
        ObjectNode data = (ObjectNode) JSON.readTree("{heartRate: 72, weightKg: 81.5, copay: 25, selfPay: false,"
                + " rating: 2, start: '2025-07-01T09:30:00-04:00', localStart: '2025-07-01T09:30:00',"
                + " callAt: '14:30:00', issued: '31/01/2025', expires: '12/00/2027', source: 'kiosk', attempt: 2,"
                + " home: {directions: 'Ring twice'}, unmapped: 'x'}");
        ValidationResult result = VALIDATOR.validate(form, data);
        assertThat(result.errors()).isEmpty();

        Map<String, Object> values = DomainValues.of(form, result.data(), ZoneId.of("America/New_York"));

        assertThat(values).containsExactly(
                entry("observation.heartRate", 72L),
                entry("observation.weightKg", new BigDecimal("81.5")),
                entry("coverage.copay", new BigDecimal("25")),
                entry("coverage.selfPay", false),
                entry("survey.rating", "2"),
                entry("appointment.start", OffsetDateTime.parse("2025-07-01T09:30:00-04:00")),
                entry("appointment.localStart", OffsetDateTime.parse("2025-07-01T09:30:00-04:00")),
                entry("callback.time", LocalTime.of(14, 30)),
                entry("document.issuedOn", LocalDate.of(2025, 1, 31)),
                entry("intake.source", "kiosk"),
                entry("intake.attempt", 2L),
                entry("patient.directions", "Ring twice"));
        assertThat(values).as("a day without its day part is not a date").doesNotContainKey("document.expiresOn");
    }

    @Test
    void theDefinitionListsItsRecordFieldsWithTheFormFieldsThatFeedThem() {
        Map<String, String> targets = form("intake-demographics").domainTargets();

        assertThat(targets).hasSize(17)
                .containsEntry("patient.birthDate", "dateOfBirth")
                .containsEntry("patient.addressLine1", "address.line1")
                .containsEntry("patient.postalCode", "address.postalCode");
        assertThat(form("triage-nurse-assessment").domainTargets()).isEmpty();
    }

    @Test
    void dataThatDidNotComeFromTheValidatorIsRefused() throws IOException {
        ObjectNode raw = (ObjectNode) JSON.readTree("{dateOfBirth: 19840314}");

        assertThatThrownBy(() -> DomainValues.of(form("intake-demographics"), raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Form 'intake-demographics': the value of 'dateOfBirth' (day)")
                .hasMessageContaining("pass the cleaned data of a valid submission");
    }

    /** forms/README.md lists every record field the packaged forms feed (one table row each), and nothing else. */
    @Test
    void theReadmeListsEveryRecordFieldThePackagedFormsFeed() throws IOException {
        Set<String> used = new TreeSet<>();
        CATALOG.forms().forEach(f -> used.addAll(f.definition().domainTargets().keySet()));
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Mapping form fields to records");
        assertThat(start).as("README section 'Mapping form fields to records'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = end < 0 ? readme.substring(start) : readme.substring(start, end);

        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([A-Za-z][A-Za-z0-9]*\\.[A-Za-z][A-Za-z0-9]*)` \\|", Pattern.MULTILINE)
                .matcher(section);
        while (m.find()) {
            documented.add(m.group(1));
        }

        assertThat(documented).isEqualTo(used);
    }

    private static FormDefinition form(String key) {
        return CATALOG.get(key).definition();
    }

    private static ObjectNode cleaned(String key, String submission) {
        try {
            ValidationResult result = VALIDATOR.validate(form(key), JSON.readTree(submission));
            assertThat(result.errors()).as("the submission must be valid").isEmpty();
            return result.data();
        } catch (IOException e) {
            throw new IllegalArgumentException(submission, e);
        }
    }
}
