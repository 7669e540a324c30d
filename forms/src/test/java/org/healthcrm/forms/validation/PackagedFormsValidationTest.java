package org.healthcrm.forms.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product's own forms with realistic submissions: what the front desk, patients and nurses would send, and
 * the mistakes the server must catch even when the browser was bypassed. Today is 2025-06-15 (UTC).
 */
class PackagedFormsValidationTest {

    static final FormCatalog CATALOG = FormCatalog.load();
    static final SubmissionValidator VALIDATOR = new SubmissionValidator(
            ValidationSettings.defaults().withClock(SubmissionValidatorTest.CLOCK));
    static final String SIGNATURE = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    /** A valid submission per form, as the browser would send it. */
    static final Map<String, String> VALID = Map.of(
            "intake-demographics", "{givenName: 'Maria', familyName: 'Gonzalez', dateOfBirth: '04/23/1978',"
                    + " administrativeSex: 'female', genderIdentity: '', isMinor: false, phone: '(617) 555-0142',"
                    + " email: 'maria.gonzalez@example.org', preferredLanguage: 'es',"
                    + " address: {line1: '12 Elm Street', city: 'Boston', state: 'MA', postalCode: '02118'},"
                    + " emergencyContactName: 'Luis Gonzalez', emergencyContactPhone: '(617) 555-0199', submit: true}",
            "intake-health-history", "{redFlagChestPain: false, redFlagDifficultyBreathing: false,"
                    + " redFlagStrokeSigns: false, redFlagSevereBleeding: false, redFlagSuicidalThoughts: false,"
                    + " noKnownAllergies: false,"
                    + " allergies: [{substance: 'Penicillin', reaction: 'Hives', severity: 'moderate'}],"
                    + " medications: [{name: 'Metformin', dose: '500 mg', frequency: 'twiceDaily'}],"
                    + " conditions: {diabetes: true, hypertension: false, asthma: false, copd: false, heartDisease: false,"
                    + " kidneyDisease: false, cancer: false, depression: false, anxiety: false, other: false},"
                    + " submit: true}",
            "intake-registration-review", "{informationConfirmed: true, reviewNotes: '', submit: true}",
            "intake-consents", "{consentToTreatment: true, privacyNoticeAcknowledged: true,"
                    + " contactConsent: {sms: true, email: true, phone: false, mail: false},"
                    + " detailedMessagesAllowed: 'no', signedBy: 'self', signature: '" + SIGNATURE + "',"
                    + " dateSigned: '2025-06-15T00:00:00-04:00', submit: true}",
            "intake-insurance", "{coverageType: 'insurance', payerName: 'Blue Cross Blue Shield of Massachusetts',"
                    + " memberId: 'XJH-448812093', groupNumber: '004417', subscriberRelationship: 'self',"
                    + " insuranceCard: [{storage: 'url', name: 'card-front-8f3a.jpg', originalName: 'card-front.jpg',"
                    + " size: 184233, type: 'image/jpeg', url: '/api/files/8f3a'}], submit: true}",
            "referral-inbound", "{referringProviderName: 'Dr. Aisha Patel', referringProviderNpi: '1234567893',"
                    + " referringOrganization: 'Dorchester Family Medicine', referringProviderPhone: '(617) 555-0100',"
                    + " referringProviderFax: '(617) 555-0101', referringProviderEmail: 'apatel@dfm.example.org',"
                    + " patient: {givenName: 'James', familyName: 'Okafor', dateOfBirth: '11/02/1961',"
                    + " phone: '(617) 555-0177'}, receivedAt: '2025-06-14T16:05:00-04:00', urgency: 'urgent',"
                    + " requestedSpecialty: 'cardiology',"
                    + " referralReason: 'Exertional chest tightness for three weeks, abnormal resting ECG.',"
                    + " diagnoses: [{code: 'I20.9', description: 'Angina pectoris, unspecified'}, {code: 'I10'}],"
                    + " preferredAppointmentDate: '2025-06-20T00:00:00-04:00', submit: true}",
            "triage-nurse-assessment", "{chiefComplaint: 'Fever and sore throat since Tuesday',"
                    + " symptomOnset: '2025-06-13T08:00:00-04:00', painScore: 4, protocolVersion: '2025.1',"
                    + " vitalsTaken: true, temperatureCelsius: 38.4, heartRate: 96, oxygenSaturation: 98,"
                    + " systolicBloodPressure: 124, diastolicBloodPressure: 78, vitalsMeasuredAt: '09:40:00',"
                    + " redFlags: {chestPain: false, difficultyBreathing: false, strokeSigns: false,"
                    + " severeBleeding: false, suicidalThoughts: false}, disposition: 'primaryCare',"
                    + " nurseNotes: 'Advised fluids and rest.', nurseSignature: '" + SIGNATURE + "'}");

    record Case(String form, String name, String patch, List<String> errors) {
        @Override
        public String toString() {
            return form + ": " + name;
        }
    }

    static Case valid(String form, String name, String patch) {
        return new Case(form, name, patch, List.of());
    }

    static Case invalid(String form, String name, String patch, String... errors) {
        return new Case(form, name, patch, List.of(errors));
    }

    static Stream<Case> cases() {
        String demo = "intake-demographics";
        String history = "intake-health-history";
        String review = "intake-registration-review";
        String consents = "intake-consents";
        String insurance = "intake-insurance";
        String referral = "referral-inbound";
        String triage = "triage-nurse-assessment";
        return Stream.of(
                valid(demo, "an adult patient", "{}"),
                invalid(demo, "a minor without a guardian", "{isMinor: true}",
                        "guardianName: Guardian name is required",
                        "guardianRelationship: Relationship to the patient is required",
                        "guardianPhone: Guardian phone is required"),
                valid(demo, "a minor with a guardian", "{isMinor: true, guardianName: 'Rosa Gonzalez',"
                        + " guardianRelationship: 'parent', guardianPhone: '(617) 555-0150'}"),
                invalid(demo, "family name missing and too long given name", "{familyName: '',"
                                + " givenName: '" + "M".repeat(101) + "'}",
                        "givenName: Given name must have no more than 100 characters.",
                        "familyName: Family name is required"),
                invalid(demo, "date of birth in the future", "{dateOfBirth: '07/01/2025'}",
                        "dateOfBirth: Date of birth should not contain date after 06/15/2025"),
                invalid(demo, "date of birth without a year", "{dateOfBirth: '04/23/0000'}",
                        "dateOfBirth: Date of birth: the year is required"),
                invalid(demo, "administrative sex outside the list", "{administrativeSex: 'F'}",
                        "administrativeSex: Administrative sex is an invalid value."),
                invalid(demo, "address with a bad ZIP and a lower-case state",
                        "{address: {line1: '12 Elm Street', city: 'Boston', state: 'ma', postalCode: '2118'}}",
                        "address.state: State must be a two-letter code such as NY.",
                        "address.postalCode: ZIP code must be 5 digits, or 5+4 digits such as 10001-1234."),
                invalid(demo, "phone not in the mask's format", "{phone: '617-555-0142'}",
                        "phone: Phone does not match the mask (999) 999-9999."),
                invalid(demo, "a field the form does not have", "{ssn: '123-45-6789'}", "ssn: Unknown field"),

                valid(history, "allergies, medications and a condition", "{}"),
                invalid(history, "an allergy without severity", "{allergies: [{substance: 'Latex'}]}",
                        "allergies[0].severity: Severity is required"),
                invalid(history, "an allergy with a severity not listed",
                        "{allergies: [{substance: 'Latex', severity: 'extreme'}]}",
                        "allergies[0].severity: Severity is an invalid value."),
                valid(history, "no known allergies: the grid is hidden and its rows are not checked",
                        "{noKnownAllergies: true, allergies: [{substance: ''}]}"),
                invalid(history, "other condition checked: describe it",
                        "{conditions: {diabetes: false, other: true}}",
                        "otherConditions: Other conditions is required"),
                invalid(history, "a condition not in the list", "{conditions: {lupus: true}}",
                        "conditions: Conditions contains an invalid selection."),
                valid(history, "red flags are plain checkboxes", "{redFlagChestPain: true, redFlagSuicidalThoughts: true}"),
                invalid(history, "a medication row without a name", "{medications: [{dose: '5 mg'}]}",
                        "medications[0].name: Medication is required"),

                valid(review, "confirmed", "{}"),
                invalid(review, "not confirmed", "{informationConfirmed: false}",
                        "informationConfirmed: Confirmation is required"),

                valid(consents, "signed by the patient", "{}"),
                invalid(consents, "signed by a parent: the signer's name is required", "{signedBy: 'parent'}",
                        "signerName: Name of the person signing is required"),
                valid(consents, "signed by a parent with a name", "{signedBy: 'parent', signerName: 'Rosa Gonzalez'}"),
                invalid(consents, "no signature and no consent",
                        "{consentToTreatment: false, signature: ''}",
                        "consentToTreatment: Consent to treatment is required", "signature: Signature is required"),
                invalid(consents, "dated tomorrow", "{dateSigned: '2025-06-16T09:00:00Z'}",
                        "dateSigned: Date signed should not contain date after 2025-06-15"),
                invalid(consents, "an unsigned radio answer", "{detailedMessagesAllowed: 'maybe'}",
                        "detailedMessagesAllowed: May we leave detailed messages about appointments and results? is "
                                + "an invalid value."),

                valid(insurance, "insured patient", "{}"),
                invalid(insurance, "insured without payer and member id",
                        "{payerName: '<absent>', memberId: '<absent>'}",
                        "payerName: Insurance company is required", "memberId: Member ID is required"),
                invalid(insurance, "member id with spaces", "{memberId: 'XJH 448812093'}",
                        "memberId: Member ID is the 3 to 30 letters and digits on your insurance card."),
                invalid(insurance, "someone else holds the policy", "{subscriberRelationship: 'spouse'}",
                        "subscriberName: Policy holder name is required"),
                invalid(insurance, "self-pay needs a payment method", "{coverageType: 'selfPay'}",
                        "paymentMethod: Payment method is required"),
                valid(insurance, "self-pay by card with a reference",
                        "{coverageType: 'selfPay', paymentMethod: 'card', paymentReference: '4242'}"),
                invalid(insurance, "self-pay with a full card number as reference",
                        "{coverageType: 'selfPay', paymentMethod: 'card', paymentReference: '4242 4242 4242 4242'}",
                        "paymentReference: Payment reference is 4 to 20 letters and digits."),
                invalid(insurance, "no coverage type", "{coverageType: '<absent>'}",
                        "coverageType: Coverage type is required"),
                invalid(insurance, "insurance card that is not an image or PDF",
                        "{insuranceCard: [{name: 'card.docx', size: 1000, type: 'application/msword'}]}",
                        "insuranceCard[0]: Insurance card (front and back): this type of file is not accepted."),

                valid(referral, "a complete referral", "{}"),
                invalid(referral, "NPI with 9 digits", "{referringProviderNpi: '123456789'}",
                        "referringProviderNpi: NPI must be exactly 10 digits."),
                invalid(referral, "a diagnosis code that is not ICD-10", "{diagnoses: [{code: 'chest pain'}]}",
                        "diagnoses[0].code: ICD-10 code must look like E11.9 or I10."),
                invalid(referral, "a reason of two words", "{referralReason: 'Chest pain'}",
                        "referralReason: Reason for referral must have at least 3 words."),
                invalid(referral, "an appointment date in the past", "{preferredAppointmentDate: '2025-06-01'}",
                        "preferredAppointmentDate: Preferred appointment date should not contain date before 2025-06-15"),
                invalid(referral, "patient name missing in the container", "{patient: {dateOfBirth: '11/02/1961'}}",
                        "patient.givenName: Given name is required", "patient.familyName: Family name is required"),
                invalid(referral, "an urgency not listed", "{urgency: 'stat'}", "urgency: Urgency is an invalid value."),
                invalid(referral, "a portal link that is not a url", "{referralPortalUrl: 'see fax'}",
                        "referralPortalUrl: Referral portal link must be a valid url."),

                valid(triage, "a primary care disposition", "{}"),
                invalid(triage, "emergency without documented instructions", "{disposition: 'emergency'}",
                        "emergencyInstructionsGiven: Emergency instructions is required"),
                invalid(triage, "self-care without advice", "{disposition: 'selfCare'}",
                        "selfCareAdvice: Advice given is required"),
                invalid(triage, "a follow-up call in the past",
                        "{disposition: 'selfCare', selfCareAdvice: 'Fluids, rest.',"
                                + " followUpCallAt: '2025-06-14T10:00:00Z'}",
                        "followUpCallAt: Follow-up call should not contain date before 2025-06-15 12:00"),
                invalid(triage, "pain score of 11 and a fractional heart rate", "{painScore: 11, heartRate: 96.5}",
                        "painScore: Pain score cannot be greater than 10.",
                        "heartRate: Heart rate must be a whole number."),
                invalid(triage, "vitals taken without heart rate", "{heartRate: '<absent>'}",
                        "heartRate: Heart rate is required"),
                valid(triage, "vitals not taken: the table's fields are not required and dropped",
                        "{vitalsTaken: false, heartRate: '<absent>'}"),
                invalid(triage, "a chief complaint of one word", "{chiefComplaint: 'Fever'}",
                        "chiefComplaint: Chief complaint must have at least 2 words."),
                invalid(triage, "no nurse signature", "{nurseSignature: '<absent>'}",
                        "nurseSignature: Nurse signature is required"),
                invalid(triage, "symptom onset in the future", "{symptomOnset: '2025-06-16T08:00:00Z'}",
                        "symptomOnset: Symptoms started should not contain date after 2025-06-15 12:00")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validatesRealisticSubmissions(Case c) {
        ValidationResult result = VALIDATOR.validate(CATALOG.get(c.form()).definition(), submission(c));

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactlyElementsOf(c.errors());
    }

    @Test
    void selfPayDropsTheInsuranceFieldsTheBrowserHid() {
        ObjectNode data = (ObjectNode) submission(new Case("intake-insurance", "", "{coverageType: 'selfPay',"
                + " paymentMethod: 'cash'}", List.of()));

        ValidationResult result = VALIDATOR.validate(CATALOG.get("intake-insurance").definition(), data);

        assertThat(result.valid()).isTrue();
        assertThat(result.data().has("payerName")).isFalse();
        assertThat(result.data().has("insuranceCard")).isFalse();
        assertThat(result.data().get("paymentMethod").asText()).isEqualTo("cash");
    }

    @Test
    void vitalsNotTakenDropsTheVitals() {
        ValidationResult result = VALIDATOR.validate(CATALOG.get("triage-nurse-assessment").definition(),
                submission(new Case("triage-nurse-assessment", "", "{vitalsTaken: false}", List.of())));

        assertThat(result.valid()).isTrue();
        assertThat(result.data().has("heartRate")).isFalse();
        assertThat(result.data().get("protocolVersion").asText()).isEqualTo("2025.1");
    }

    static JsonNode submission(Case c) {
        try {
            ObjectNode data = (ObjectNode) SubmissionValidatorTest.JSON.readTree(VALID.get(c.form()));
            SubmissionValidatorTest.JSON.readTree(c.patch()).fields().forEachRemaining(change -> {
                if (change.getValue().isTextual() && change.getValue().textValue().equals("<absent>")) {
                    data.remove(change.getKey());
                } else {
                    data.set(change.getKey(), change.getValue());
                }
            });
            return data;
        } catch (IOException e) {
            throw new IllegalArgumentException(c.patch(), e);
        }
    }
}
