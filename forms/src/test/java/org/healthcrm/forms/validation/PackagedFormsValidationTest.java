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
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Map.entry;

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
    static final Map<String, String> VALID = Map.ofEntries(
            entry("intake-demographics", "{service: 'primaryCare', intakeChannel: 'walkIn', givenName: 'Maria', familyName: 'Gonzalez', dateOfBirth: '04/23/1978',"
                    + " administrativeSex: 'female', genderIdentity: '', isMinor: false, phone: '(617) 555-0142',"
                    + " email: 'maria.gonzalez@example.org', preferredLanguage: 'es',"
                    + " address: {line1: '12 Elm Street', city: 'Boston', state: 'MA', postalCode: '02118'},"
                    + " emergencyContactName: 'Luis Gonzalez', emergencyContactPhone: '(617) 555-0199', submit: true}"),
            entry("intake-health-history", "{redFlagChestPain: false, redFlagDifficultyBreathing: false,"
                    + " redFlagStrokeSigns: false, redFlagSevereBleeding: false, redFlagSuicidalThoughts: false,"
                    + " noKnownAllergies: false,"
                    + " allergies: [{substance: 'Penicillin', reaction: 'Hives', severity: 'moderate'}],"
                    + " medications: [{name: 'Metformin', dose: '500 mg', frequency: 'twiceDaily'}],"
                    + " conditions: {diabetes: true, hypertension: false, asthma: false, copd: false, heartDisease: false,"
                    + " kidneyDisease: false, cancer: false, depression: false, anxiety: false, other: false},"
                    + " submit: true}"),
            entry("intake-registration-review", "{informationConfirmed: true, reviewNotes: '', submit: true}"),
            entry("intake-consents", "{treatmentConsentRequired: true, privacyNoticeRequired: true,"
                    + " guardianSignatureRequired: false, consentValidityMonths: 24,"
                    + " consentToTreatment: true, privacyNoticeAcknowledged: true, consentSms: true, consentEmail: true,"
                    + " releaseOfInformation: false, signerName: 'Maria Gonzalez', signature: '" + SIGNATURE + "',"
                    + " submit: true}"),
            entry("intake-insurance", "{coverageType: 'insurance', payerName: 'Blue Cross Blue Shield of Massachusetts',"
                    + " memberId: 'XJH-448812093', groupNumber: '004417', subscriberRelationship: 'self',"
                    + " insuranceCard: [{storage: 'url', name: 'card-front-8f3a.jpg', originalName: 'card-front.jpg',"
                    + " size: 184233, type: 'image/jpeg', url: '/api/files/8f3a'}], submit: true}"),
            entry("referral-inbound", "{referringProviderName: 'Dr. Aisha Patel', referringProviderNpi: '1234567893',"
                    + " referringOrganization: 'Dorchester Family Medicine', referringProviderPhone: '(617) 555-0100',"
                    + " referringProviderFax: '(617) 555-0101', referringProviderEmail: 'apatel@dfm.example.org',"
                    + " patient: {givenName: 'James', familyName: 'Okafor', dateOfBirth: '11/02/1961',"
                    + " phone: '(617) 555-0177'}, receivedAt: '2025-06-14T16:05:00-04:00', urgency: 'urgent',"
                    + " requestedSpecialty: 'cardiology',"
                    + " referralReason: 'Exertional chest tightness for three weeks, abnormal resting ECG.',"
                    + " diagnoses: [{code: 'I20.9', description: 'Angina pectoris, unspecified'}, {code: 'I10'}],"
                    + " preferredAppointmentDate: '2025-06-20T00:00:00-04:00', submit: true}"),
            entry("triage-nurse-assessment", "{chiefComplaint: 'Fever and sore throat since Tuesday',"
                    + " symptomOnset: '2025-06-13T08:00:00-04:00', painScore: 4, protocolVersion: '2025.1',"
                    + " vitalsTaken: true, temperatureCelsius: 38.4, heartRate: 96, oxygenSaturation: 98,"
                    + " systolicBloodPressure: 124, diastolicBloodPressure: 78, vitalsMeasuredAt: '09:40:00',"
                    + " redFlags: {chestPain: false, difficultyBreathing: false, strokeSigns: false,"
                    + " severeBleeding: false, suicidalThoughts: false}, disposition: 'primaryCare',"
                    + " nurseNotes: 'Advised fluids and rest.', nurseSignature: '" + SIGNATURE + "'}"),
            entry("consent-revocation", "{consentType: 'contactSms',"
                    + " reason: 'Prefers phone calls; too many texts.',"
                    + " receivedVia: 'phone', requestedBy: 'self', contactPhone: '(617) 555-0142',"
                    + " effectExplained: true, processedBy: 'Dana Whitfield', submit: true}"),
            entry("release-of-information", "{recipientName: 'Medical Records Department',"
                    + " recipientOrganization: 'Boston Orthopedic Associates', recipientAddress: {line1: '200 Longwood"
                    + " Avenue', city: 'Boston', state: 'MA', postalCode: '02115'}, deliveryMethod: 'fax',"
                    + " recipientFax: '(617) 555-0188', recordTypes: {visitNotes: true, labResults: false,"
                    + " imaging: true, medications: true, immunizations: false, billing: false, substanceUse: false,"
                    + " hiv: false, genetic: false}, recordsFrom: '2024-01-01T00:00:00-05:00',"
                    + " recordsTo: '2025-06-15T00:00:00-04:00', purpose: 'continuingCare', expiresBy: 'date',"
                    + " expirationDate: '2026-06-15T00:00:00-04:00', signedBy: 'self', signature: '" + SIGNATURE + "',"
                    + " dateSigned: '2025-06-15T00:00:00-04:00', submit: true}"),
            entry("minor-guardian-consent", "{minor: {givenName: 'Sofia', familyName: 'Reyes',"
                    + " dateOfBirth: '09/02/2014'}, guardian: {name: 'Ana Reyes', relationship: 'parent',"
                    + " phone: '(617) 555-0123', email: 'ana.reyes@example.org'},"
                    + " authorizedAdults: [{name: 'Carmen Reyes', relationship: 'grandparent', phone: '(617) 555-0177'}],"
                    + " servicesConsented: {routineCare: true, immunizations: true, labTests: true,"
                    + " behavioralHealth: false, telehealth: true}, unaccompaniedVisitsAllowed: false,"
                    + " guardianSignature: '" + SIGNATURE + "', dateSigned: '2025-06-15T00:00:00-04:00'}"),
            entry("intake-duplicate-review", "{candidateCount: 2, resolution: 'linkExisting',"
                    + " existingPatientMrn: 'HC1000418', matchEvidence: {nameAndBirthDate: true, phone: true,"
                    + " address: false, insuranceMemberId: false, photoId: false}, updateDemographics: true,"
                    + " reviewerNotes: 'Same cell number and date of birth; new address after a move.', submit: true}"),
            entry("intake-supervisor-escalation", "{reason: 'insuranceUnverifiable', urgency: 'sameDay',"
                    + " summary: 'Eligibility check returns no active coverage although the patient shows a current"
                    + " card.', patientPresent: false, callbackPhone: '(617) 555-0142', callbackTime: '14:30:00',"
                    + " stepsTaken: [{action: 'Ran the eligibility check twice', takenAt: '09:10:00', outcome: 'noEffect'},"
                    + " {action: 'Called the payer, on hold for 20 minutes', takenAt: '09:25:00', outcome: 'noEffect'}],"
                    + " submit: true}"),
            entry("referral-outbound", "{specialty: 'cardiology', urgency: 'routine',"
                    + " reason: 'Exertional chest tightness for three weeks; resting ECG shows new T-wave inversions.',"
                    + " clinicalQuestion: 'Stress testing and management recommendations?',"
                    + " diagnoses: [{code: 'R07.89', description: 'Other chest pain'},"
                    + " {code: 'I10', description: 'Essential hypertension'}],"
                    + " receivingProvider: {name: 'Dr. Helen Park', npi: '1457398260', organization: 'Back Bay"
                    + " Cardiology', phone: '(617) 555-0300', fax: '(617) 555-0301',"
                    + " directAddress: 'hpark@direct.backbaycardiology.example.org'}, sendVia: 'direct',"
                    + " priorAuthorizationRequired: true, priorAuthorizationNumber: 'PA-2025-118842', visitsAuthorized: 3,"
                    + " attachments: [{storage: 'url', name: 'ecg-2025-06-10-71c2.pdf', originalName: 'ecg-2025-06-10.pdf',"
                    + " size: 284113, type: 'application/pdf', url: '/api/files/71c2'}], patientInformed: true,"
                    + " referringProviderNpi: '1234567893', submit: true}"),
            entry("referral-source", "{sourceType: 'physician', referringClinician: {name: 'Dr. Aisha Patel',"
                    + " npi: '1234567893', organization: 'Dorchester Family Medicine', phone: '(617) 555-0100'},"
                    + " firstContact: '2025-06-12T00:00:00-04:00', notes: 'Referred for diabetes management.',"
                    + " submit: true}"),
            entry("triage-red-flag-screening", "{caller: 'self', ageGroup: 'adult', chestPain: 'no',"
                    + " severeBreathingDifficulty: 'no', strokeSigns: 'no', uncontrolledBleeding: 'no',"
                    + " alteredConsciousness: 'no', suicidalThoughts: 'no',"
                    + " screenerNotes: 'Caller calm; sore throat for two days.', submit: true}"),
            entry("triage-disposition", "{protocol: 'schmittThompsonAdult', protocolTitle: 'Sore Throat',"
                    + " recommendedDisposition: 'sameDay', overridden: false, appointmentAt: '2025-06-15T15:30:00-04:00',"
                    + " callerUnderstanding: 'teachBack', callBackIfWorse: true,"
                    + " followUpCallAt: '2025-06-16T10:00:00-04:00', nurseSignature: '" + SIGNATURE + "', submit: true}"),
            entry("appointment-request", "{visitType: 'followUp', reason: 'Diabetes follow-up and medication review',"
                    + " modality: 'inPerson', preferredClinician: 'Dr. Aisha Patel', durationMinutes: 20,"
                    + " earliestDate: '2025-06-17T00:00:00-04:00', latestDate: '2025-07-15T00:00:00-04:00',"
                    + " preferredDays: {mon: true, tue: false, wed: true, thu: false, fri: true, sat: false},"
                    + " timeOfDay: 'morning', interpreterNeeded: true, interpreterLanguage: 'es',"
                    + " accessibilityNeeds: {wheelchair: true, examTableLift: false, hearingLoop: false,"
                    + " largePrint: false, serviceAnimal: false}, confirmationPhone: '(617) 555-0142', submit: true}"),
            entry("outreach-campaign", "{name: 'Colorectal cancer screening 2025', code: 'CRC-2025',"
                    + " purpose: 'preventiveScreening', screeningType: 'colorectal',"
                    + " ownerEmail: 'outreach@clinic.example.org', audience: {minAge: 45, maxAge: 75,"
                    + " conditions: {diabetes: false, hypertension: false, copd: false, asthma: false,"
                    + " heartFailure: false}, monthsSinceLastVisit: 12}, channels: {sms: true, email: false,"
                    + " phone: false, letter: true, portal: true}, smsText: 'Hi {{patient.givenName}}, you are due for"
                    + " colon cancer screening. Call {{clinic.phone}} for a home test kit. Reply STOP to opt out.',"
                    + " message: 'You are due for colorectal cancer screening. A free home test kit can be mailed to"
                    + " you.', honorsContactConsent: true, startDate: '2025-07-01T00:00:00-04:00',"
                    + " endDate: '2025-09-30T00:00:00-04:00', contactFrom: '09:00:00', contactUntil: '19:00:00',"
                    + " maxAttempts: 3, complianceReviewed: true, submit: true}"),
            entry("secure-message", "{patientId: 'P-000418823', recipientType: 'patient', category: 'testResult',"
                    + " priority: 'normal', subject: 'Your lab results from June 12',"
                    + " body: 'Hello Ms. Gonzalez, your A1c is 6.8% (goal < 7%). Keep taking metformin as prescribed"
                    + " & we will recheck in 3 months.', submit: true}"),
            entry("remote-monitoring-enrollment", "{program: 'hypertension', orderingProviderNpi: '1234567893',"
                    + " diagnoses: [{code: 'I10'}], enrollmentDate: '2025-06-15T00:00:00-04:00',"
                    + " devices: [{deviceType: 'bloodPressureCuff', serialNumber: 'OMR-BP7350-88412', trained: true}],"
                    + " connectivity: 'cellularHub', readingFrequency: 'daily', reminderTime: '08:00:00',"
                    + " thresholds: {systolicHigh: 160, diastolicHigh: 100}, patientConsented: true,"
                    + " caregiverAlerts: false, submit: true}"),
            entry("monitoring-alert-review", "{alertId: 'ALR-20250615-0042', alertType: 'highBloodPressure',"
                    + " readingAt: '2025-06-15T07:42:00-04:00', outcome: 'patientContacted',"
                    + " contactAttempts: [{at: '2025-06-15T07:55:00-04:00', method: 'phone', reached: 'yes'}],"
                    + " symptoms: {headache: true, dizziness: false, chestPain: false, shortnessOfBreath: false,"
                    + " swelling: false, confusion: false, none: false}, repeatReading: 148,"
                    + " note: 'Repeat reading after 5 minutes of rest was 148/92. No chest pain. Advised to keep the"
                    + " log and take amlodipine tonight.', minutesSpent: 12, submit: true}"),
            entry("patient-demographics-update", "{sections: {name: false, contact: true, address: true,"
                    + " emergencyContact: false, language: false}, phone: '(617) 555-0199',"
                    + " email: 'maria.gonzalez@example.org', address: {line1: '48 Centre Street, Apt 3',"
                    + " city: 'Jamaica Plain', state: 'MA', postalCode: '02130'},"
                    + " addressSince: '2025-06-01T00:00:00-04:00', identityVerifiedWith: 'photoId',"
                    + " requestedVia: 'frontDesk', submit: true}"));

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
        return Stream.of(registrationAndAssessmentForms(), consentForms(), intakeReviewForms(), referralForms(),
                triageForms(), schedulingAndOutreachForms(), messagingAndMonitoringForms(), patientForms())
                .flatMap(Function.identity());
    }

    static Stream<Case> registrationAndAssessmentForms() {
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
                invalid(consents, "a minor's consents without the guardian's signature",
                        "{guardianSignatureRequired: true}",
                        "guardianSignerName: Name of the parent or guardian is required",
                        "guardianSignerRelation: Relationship to the patient is required",
                        "guardianSignature: Signature of the parent or guardian is required"),
                valid(consents, "a parent signs for a minor: the patient's signature is not asked",
                        "{guardianSignatureRequired: true, signerName: '<absent>', signature: '<absent>',"
                                + " guardianSignerName: 'Rosa Gonzalez', guardianSignerRelation: 'parent',"
                                + " guardianSignature: '" + SIGNATURE + "'}"),
                invalid(consents, "no signature and no consent",
                        "{consentToTreatment: false, signature: ''}",
                        "consentToTreatment: I consent to examination and treatment is required",
                        "signature: Signature is required"),
                valid(consents, "a service that needs no treatment consent: the box is not asked",
                        "{treatmentConsentRequired: false, consentToTreatment: false}"),
                invalid(consents, "a release of information to nobody named", "{releaseOfInformation: true}",
                        "releaseTo: Released to (name and relationship or organization) is required"),
                invalid(consents, "a field the form does not have", "{detailedMessagesAllowed: 'maybe'}",
                        "detailedMessagesAllowed: Unknown field"),

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
                        "paymentReference: Enter the payment processor's reference, never a card number"),
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

    static Stream<Case> consentForms() {
        String revocation = "consent-revocation";
        String release = "release-of-information";
        String minor = "minor-guardian-consent";
        String representative = "{requestedBy: 'legalRepresentative', representativeName: 'Rosa Gonzalez',"
                + " representativeAuthority: 'healthcarePowerOfAttorney'";
        String proof = ", authorityDocument: [{storage: 'url', name: 'poa-5d1e.pdf', originalName: 'poa.pdf',"
                + " size: 91200, type: 'application/pdf', url: '/api/files/5d1e'}]}";
        String address = "{line1: '200 Longwood Avenue', city: 'Boston', state: 'MA', postalCode: '02115'}";
        String guardian = "name: 'Ana Reyes', phone: '(617) 555-0123'";
        String adult = "{name: 'Carmen Reyes', relationship: 'grandparent', phone: '(617) 555-0177'}";
        return Stream.of(
                valid(revocation, "the patient revokes text messages", "{}"),
                valid(revocation, "a release of information revoked", "{consentType: 'releaseOfInformation'}"),
                invalid(revocation, "a consent type the product does not record", "{consentType: 'research'}",
                        "consentType: Consent to revoke is an invalid value."),
                invalid(revocation, "no phone for questions", "{contactPhone: '<absent>'}",
                        "contactPhone: Phone for questions about the request is required"),
                invalid(revocation, "a representative without proof of authority", representative + "}",
                        "authorityDocument: Proof of authority is required"),
                valid(revocation, "a representative with a power of attorney", representative + proof),
                invalid(revocation, "the effect was not explained", "{effectExplained: false}",
                        "effectExplained: Explanation of the effect is required"),

                valid(release, "records faxed to an orthopedic practice", "{}"),
                invalid(release, "substance use records without the Part 2 acknowledgement",
                        "{recordTypes: {visitNotes: true, substanceUse: true}}",
                        "part2Acknowledged: Part 2 acknowledgement is required"),
                valid(release, "substance use records with the Part 2 acknowledgement",
                        "{recordTypes: {visitNotes: true, substanceUse: true}, part2Acknowledged: true}"),
                invalid(release, "no record type chosen", "{recordTypes: {visitNotes: false}}",
                        "recordTypes: Records to release is required"),
                invalid(release, "secure email without an address: the fax number is dropped",
                        "{deliveryMethod: 'secureEmail'}", "recipientEmail: Recipient email is required"),
                invalid(release, "expires more than two years out", "{expirationDate: '2028-01-01T00:00:00-05:00'}",
                        "expirationDate: Expiration date should not contain date after 2027-06-15"),
                valid(release, "expires on an event instead of a date",
                        "{expiresBy: 'event', expirationEvent: 'When my disability claim is decided'}"),
                invalid(release, "signed by a guardian without a name", "{signedBy: 'legalGuardian'}",
                        "signerName: Name of the person signing is required"),
                invalid(release, "a state that is not a two-letter code in the address container",
                        "{recipientAddress: " + address.replace("'MA'", "'Mass'") + "}",
                        "recipientAddress.state: State must be a two-letter code such as NY."),
                invalid(release, "a script hidden in the recipient's street address",
                        "{recipientAddress: " + address.replace("Avenue", "Avenue<img src=x onerror=alert(1)>") + "}",
                        "recipientAddress.line1: Street address must not contain markup such as <tags>."),

                valid(minor, "a parent consents for a 10-year-old", "{}"),
                invalid(minor, "the patient is already 18", "{minor: {givenName: 'Sofia', familyName: 'Reyes',"
                                + " dateOfBirth: '06/14/2007'}}",
                        "minor.dateOfBirth: Date of birth should not contain date before 06/15/2007"),
                invalid(minor, "a legal guardian without the court order",
                        "{guardian: {" + guardian + ", relationship: 'legalGuardian'}}",
                        "guardian.custodyDocument: Court order or placement letter is required"),
                invalid(minor, "another relationship, undescribed and without a court order",
                        "{guardian: {" + guardian + ", relationship: 'other'}}",
                        "guardian.otherRelationship: Describe the relationship is required",
                        "guardian.custodyDocument: Court order or placement letter is required"),
                invalid(minor, "an authorized adult without a phone",
                        "{authorizedAdults: [{name: 'Carmen Reyes', relationship: 'grandparent'}]}",
                        "authorizedAdults[0].phone: Phone is required"),
                invalid(minor, "five authorized adults", "{authorizedAdults: [" + String.join(", ",
                                adult, adult, adult, adult, adult) + "]}",
                        "authorizedAdults: Other adults who may bring the child to visits must have no more than 4"
                                + " rows."),
                invalid(minor, "no service consented", "{servicesConsented: {routineCare: false}}",
                        "servicesConsented: Services consented is required"),
                invalid(minor, "not signed", "{guardianSignature: '<absent>'}",
                        "guardianSignature: Parent or guardian signature is required")
        );
    }

    static Stream<Case> intakeReviewForms() {
        String duplicate = "intake-duplicate-review";
        String escalation = "intake-supervisor-escalation";
        return Stream.of(
                valid(duplicate, "linked to the existing record on two identifiers", "{}"),
                invalid(duplicate, "linked on one identifier only", "{matchEvidence: {nameAndBirthDate: true}}",
                        "matchEvidence: Matching evidence: select at least 2 items."),
                invalid(duplicate, "linked without the record number", "{existingPatientMrn: '<absent>'}",
                        "existingPatientMrn: Enter a medical record number such as HC1000001."),
                invalid(duplicate, "a record number of 4 digits", "{existingPatientMrn: 'HC1004'}",
                        "existingPatientMrn: Enter a medical record number such as HC1000001."),
                invalid(duplicate, "a new patient without the reason", "{resolution: 'createNew'}",
                        "newPatientJustification: Why these are different people is required"),
                valid(duplicate, "a new patient: the link fields are dropped",
                        "{resolution: 'createNew', newPatientJustification: 'Twins: different first names.'}"),
                invalid(duplicate, "a decision the form no longer offers: it must be link or new",
                        "{resolution: 'needsMoreInformation'}", "resolution: Decision is an invalid value."),
                invalid(duplicate, "no decision", "{resolution: '<absent>'}", "resolution: Decision is required"),

                valid(escalation, "insurance that cannot be verified", "{}"),
                invalid(escalation, "a safety concern before security was told", "{reason: 'safetyConcern'}",
                        "securityNotified: Security notification is required"),
                invalid(escalation, "another reason, not described", "{reason: 'other'}",
                        "otherReason: Other reason is required"),
                invalid(escalation, "the patient left without a callback phone", "{callbackPhone: '<absent>'}",
                        "callbackPhone: Callback phone is required"),
                valid(escalation, "the patient is at the desk: no callback needed",
                        "{patientPresent: true, callbackPhone: '<absent>', callbackTime: '<absent>'}"),
                invalid(escalation, "a summary of three words", "{summary: 'Card not valid'}",
                        "summary: What happened must have at least 5 words."),
                invalid(escalation, "a step with a time that is not HH:mm",
                        "{stepsTaken: [{action: 'Ran the eligibility check', takenAt: '9:10', outcome: 'noEffect'}]}",
                        "stepsTaken[0].takenAt: At is not a valid time."),
                invalid(escalation, "markup typed into an edit grid row",
                        "{stepsTaken: [{action: '</textarea><script>alert(1)</script>', takenAt: '09:10:00',"
                                + " outcome: 'noEffect'}]}",
                        "stepsTaken[0].action: Action must not contain markup such as <tags>.")
        );
    }

    static Stream<Case> referralForms() {
        String outbound = "referral-outbound";
        String source = "referral-source";
        String provider = "{name: 'Dr. Helen Park', npi: '1457398260', organization: 'Back Bay Cardiology',"
                + " phone: '(617) 555-0300'}";
        return Stream.of(
                valid(outbound, "a routine cardiology referral with prior authorization", "{}"),
                invalid(outbound, "urgent without saying why", "{urgency: 'urgent'}",
                        "urgencyJustification: Why is this urgent? is required"),
                invalid(outbound, "prior authorization required but no number",
                        "{priorAuthorizationNumber: '<absent>'}",
                        "priorAuthorizationNumber: Prior authorization number is required"),
                valid(outbound, "no prior authorization: its fields are dropped",
                        "{priorAuthorizationRequired: false, priorAuthorizationNumber: '<absent>'}"),
                invalid(outbound, "no diagnosis", "{diagnoses: []}", "diagnoses: Diagnoses must have at least 1 row."),
                invalid(outbound, "a receiving NPI with letters",
                        "{receivingProvider: " + provider.replace("1457398260", "14573982AB") + "}",
                        "receivingProvider.npi: NPI must be exactly 10 digits."),
                invalid(outbound, "a Word document attached",
                        "{attachments: [{name: 'ecg.docx', size: 1000, type: 'application/msword'}]}",
                        "attachments[0]: Records to send: this type of file is not accepted."),
                invalid(outbound, "the patient was not told", "{patientInformed: false}",
                        "patientInformed: Patient agreement is required"),
                invalid(outbound, "another specialty, not named", "{specialty: 'other'}",
                        "otherSpecialty: Other specialty is required"),

                valid(source, "referred by a physician", "{}"),
                invalid(source, "a health plan without its name", "{sourceType: 'healthPlan'}",
                        "organizationName: Organization is required"),
                invalid(source, "a physician without a name", "{referringClinician: {npi: '1234567893'}}",
                        "referringClinician.name: Clinician name is required"),
                invalid(source, "online without the channel", "{sourceType: 'online'}",
                        "onlineChannel: Where online is required"),
                valid(source, "an online search with a campaign code and landing page",
                        "{sourceType: 'online', onlineChannel: 'search', campaignCode: 'FLU-2025',"
                                + " landingPage: 'https://www.example-clinic.org/flu-shots?utm_source=search'}"),
                invalid(source, "a campaign code in lower case",
                        "{sourceType: 'online', onlineChannel: 'ad', campaignCode: 'flu-2025'}",
                        "campaignCode: The campaign code is 3 to 20 capital letters, digits and dashes, such as"
                                + " FLU-2025."),
                invalid(source, "a javascript: link as the landing page",
                        "{sourceType: 'online', onlineChannel: 'ad',"
                                + " landingPage: 'JavaScript:alert(document.cookie)//@example.org'}",
                        "landingPage: Page the patient came from must be a web address, not a script link."),
                invalid(source, "first contact tomorrow", "{firstContact: '2025-06-16T09:00:00-04:00'}",
                        "firstContact: First contact should not contain date after 2025-06-15")
        );
    }

    static Stream<Case> triageForms() {
        String screening = "triage-red-flag-screening";
        String disposition = "triage-disposition";
        return Stream.of(
                valid(screening, "no red flags", "{}"),
                invalid(screening, "a question left unanswered", "{chestPain: '<absent>'}",
                        "chestPain: Chest pain or pressure now, or in the last hour? is required"),
                invalid(screening, "chest pain without the emergency action", "{chestPain: 'yes'}",
                        "emergencyAction: Emergency action is required"),
                valid(screening, "chest pain, the caller calls 911",
                        "{chestPain: 'yes', emergencyAction: 'callerCalls911'}"),
                invalid(screening, "the caller refused, undocumented",
                        "{severeBreathingDifficulty: 'yes', emergencyAction: 'refused'}",
                        "refusalNotes: What the caller was told, and why they refused is required"),
                invalid(screening, "stroke signs without last known well",
                        "{strokeSigns: 'yes', emergencyAction: 'staffCalled911'}",
                        "lastKnownWell: Last known well is required"),
                invalid(screening, "suicidal thoughts: crisis support and the emergency action",
                        "{suicidalThoughts: 'yes'}",
                        "patientSafeNow: Is the patient safe right now? is required",
                        "crisisLineOffered: Crisis line offered is required",
                        "emergencyAction: Emergency action is required"),
                invalid(screening, "an infant: the fever question must be answered", "{ageGroup: 'infant'}",
                        "infantFever: Temperature of 38.0 °C (100.4 °F) or higher? is required"),
                valid(screening, "an adult: the infant question is dropped", "{infantFever: 'yes'}"),
                invalid(screening, "an answer other than yes or no", "{uncontrolledBleeding: 'maybe'}",
                        "uncontrolledBleeding: Bleeding that does not stop with pressure? is an invalid value."),

                valid(disposition, "a same-day visit as the protocol recommends", "{}"),
                invalid(disposition, "an override to urgent care, without a reason or the facility",
                        "{overridden: true, finalDisposition: 'urgentCare'}",
                        "overrideReason: Why is required",
                        "facility: Facility the patient is going to is required"),
                valid(disposition, "an override to the emergency department",
                        "{overridden: true, finalDisposition: 'emergencyDepartment',"
                                + " overrideReason: 'New confusion reported during the call.',"
                                + " facility: 'Boston Medical Center'}"),
                invalid(disposition, "home care without the advice given",
                        "{recommendedDisposition: 'homeCare'}",
                        "careAdvice: Care advice given is required"),
                invalid(disposition, "an appointment in the past", "{appointmentAt: '2025-06-14T09:00:00-04:00'}",
                        "appointmentAt: Appointment should not contain date before 2025-06-15 12:00"),
                invalid(disposition, "the caller disagreed, undocumented", "{callerUnderstanding: 'disagreed'}",
                        "disagreementNotes: What the caller disagreed with is required"),
                invalid(disposition, "no call-back advice and no signature",
                        "{callBackIfWorse: false, nurseSignature: '<absent>'}",
                        "callBackIfWorse: Call-back advice is required",
                        "nurseSignature: Nurse signature is required")
        );
    }

    static Stream<Case> schedulingAndOutreachForms() {
        String appointment = "appointment-request";
        String campaign = "outreach-campaign";
        return Stream.of(
                valid(appointment, "an in-person follow-up with a Spanish interpreter", "{}"),
                invalid(appointment, "a video visit without email and readiness", "{modality: 'video'}",
                        "videoEmail: Email for the video link is required",
                        "videoReady: Video readiness is required"),
                invalid(appointment, "an earliest date in the past", "{earliestDate: '2025-06-10T00:00:00-04:00'}",
                        "earliestDate: Earliest date should not contain date before 2025-06-15"),
                invalid(appointment, "a latest date more than six months out",
                        "{latestDate: '2026-01-05T00:00:00-05:00'}",
                        "latestDate: Latest date should not contain date after 2025-12-15"),
                invalid(appointment, "no day that works", "{preferredDays: {mon: false}}",
                        "preferredDays: Preferred days is required"),
                invalid(appointment, "another language, not named", "{interpreterLanguage: 'other'}",
                        "otherLanguage: Other language is required"),
                invalid(appointment, "a language not listed", "{interpreterLanguage: 'tlh'}",
                        "interpreterLanguage: Interpreter language is an invalid value."),
                invalid(appointment, "a five-minute visit", "{durationMinutes: 5}",
                        "durationMinutes: Visit length cannot be less than 10."),

                valid(campaign, "colorectal screening by text, letter and portal", "{}"),
                invalid(campaign, "a maximum age below the minimum",
                        "{audience: {minAge: 50, maxAge: 45}}",
                        "audience.maxAge: The maximum age must not be below the minimum age."),
                invalid(campaign, "text messages without the text", "{smsText: '<absent>'}",
                        "smsText: Text message is required"),
                invalid(campaign, "email only, without a subject: the text message is dropped",
                        "{channels: {email: true}}", "emailSubject: Email subject is required"),
                invalid(campaign, "calls before 08:00", "{contactFrom: '07:00:00'}",
                        "contactFrom: Patients may be contacted between 08:00 and 21:00 only."),
                invalid(campaign, "a contact window that ends before it starts", "{contactUntil: '08:30:00'}",
                        "contactUntil: Contact until must be after contact from, and no later than 21:00."),
                invalid(campaign, "a campaign code with spaces", "{code: 'CRC 2025'}",
                        "code: The campaign code is 4 to 20 capital letters, digits and dashes, such as FLU-2025."),
                invalid(campaign, "compliance has not reviewed it", "{complianceReviewed: false}",
                        "complianceReviewed: Compliance review is required"),
                valid(campaign, "a message using < and & as text",
                        "{message: 'Keep your BP < 130/80 & your A1c < 7% with a yearly visit.'}"),
                invalid(campaign, "a link in the message", "{message: 'Book online <a href=\"https://evil.example\">"
                                + "here</a> before July.'}",
                        "message: Message must not contain markup such as <tags>.")
        );
    }

    static Stream<Case> messagingAndMonitoringForms() {
        String message = "secure-message";
        String enrollment = "remote-monitoring-enrollment";
        String review = "monitoring-alert-review";
        String attempt = "{at: '2025-06-15T07:55:00-04:00', method: 'phone'";
        return Stream.of(
                valid(message, "lab results to the patient", "{}"),
                invalid(message, "to a care team not chosen", "{recipientType: 'careTeam'}",
                        "careTeam: Care team is required"),
                invalid(message, "to an outside provider without a Direct address",
                        "{recipientType: 'externalProvider'}", "directAddress: Direct address is required"),
                invalid(message, "urgent without a reply-by time", "{priority: 'urgent'}",
                        "replyNeededBy: Reply needed by is required"),
                invalid(message, "a subject over 150 characters", "{subject: '" + "Lab results ".repeat(13) + "'}",
                        "subject: Subject must have no more than 150 characters."),
                invalid(message, "an image tag with onerror in the body", "{body: 'See <img src=x onerror=alert(1)>'}",
                        "body: Message must not contain markup such as <tags>."),
                invalid(message, "an executable attached",
                        "{attachments: [{name: 'results.exe', size: 5000, type: 'application/octet-stream'}]}",
                        "attachments[0]: Attachments: this type of file is not accepted."),

                valid(enrollment, "hypertension with a cuff and a cellular hub", "{}"),
                invalid(enrollment, "diabetes without glucose thresholds: the blood pressure ones are dropped",
                        "{program: 'diabetes', devices: [{deviceType: 'glucometer', serialNumber: 'ACCU-GM-220918'}]}",
                        "thresholds.glucoseLow: Low glucose threshold is required",
                        "thresholds.glucoseHigh: High glucose threshold is required"),
                valid(enrollment, "diabetes with glucose thresholds", "{program: 'diabetes', diagnoses: [{code:"
                        + " 'E11.9'}], thresholds: {glucoseLow: 70, glucoseHigh: 300}}"),
                invalid(enrollment, "heart failure without a weight threshold", "{program: 'heartFailure'}",
                        "thresholds.weightGainKg: Weight gain threshold is required"),
                invalid(enrollment, "a weight threshold with two decimals",
                        "{program: 'heartFailure', thresholds: {systolicHigh: 160, diastolicHigh: 100,"
                                + " weightGainKg: 1.25}}",
                        "thresholds.weightGainKg: Weight gain threshold must have no more than 1 decimal places."),
                invalid(enrollment, "a systolic threshold of 250", "{thresholds: {systolicHigh: 250, diastolicHigh: 100}}",
                        "thresholds.systolicHigh: Systolic threshold cannot be greater than 220."),
                invalid(enrollment, "no device", "{devices: []}", "devices: Devices issued must have at least 1 row."),
                invalid(enrollment, "a serial number in lower case",
                        "{devices: [{deviceType: 'bloodPressureCuff', serialNumber: 'omr-bp7350-88412'}]}",
                        "devices[0].serialNumber: The serial number is 6 to 30 capital letters, digits and dashes."),
                invalid(enrollment, "caregiver alerts without the caregiver", "{caregiverAlerts: true}",
                        "caregiverName: Caregiver name is required", "caregiverPhone: Caregiver phone is required"),
                invalid(enrollment, "no consent", "{patientConsented: false}",
                        "patientConsented: Patient consent is required"),

                valid(review, "high blood pressure, patient reached", "{}"),
                invalid(review, "a measurement error without the cause", "{outcome: 'measurementError'}",
                        "measurementProblem: What went wrong is required"),
                invalid(review, "patient contacted without an attempt", "{contactAttempts: []}",
                        "contactAttempts: Contact attempts must have at least 1 row."),
                invalid(review, "an attempt without saying whether the patient was reached",
                        "{contactAttempts: [" + attempt + "}]}",
                        "contactAttempts[0].reached: Reached the patient is required"),
                invalid(review, "escalated without the provider", "{outcome: 'escalated'}",
                        "providerNotified: Provider notified is required",
                        "providerRespondBy: Provider to respond by is required"),
                invalid(review, "a reading in the future", "{readingAt: '2025-06-15T09:00:00-04:00'}",
                        "readingAt: Reading taken should not contain date after 2025-06-15 12:00"),
                valid(review, "no readings: there is no reading time",
                        "{alertType: 'noReadings', readingAt: '<absent>', outcome: 'noAction', contactAttempts: []}"),
                invalid(review, "no time recorded", "{minutesSpent: 0}",
                        "minutesSpent: Time spent cannot be less than 1.")
        );
    }

    static Stream<Case> patientForms() {
        String update = "patient-demographics-update";
        String name = "{sections: {name: true}, givenName: 'Maria', familyName: 'Gonzalez-Reyes'";
        return Stream.of(
                valid(update, "a new phone, email and address", "{}"),
                invalid(update, "nothing chosen to change", "{sections: {name: false}}",
                        "sections: Changes is required"),
                invalid(update, "a married name without proof", name + ", nameChangeReason: 'marriage'}",
                        "nameDocument: Proof of the new name is required"),
                valid(update, "a typing error corrected, no proof needed",
                        name + ", nameChangeReason: 'correction'}"),
                invalid(update, "a ZIP code of four digits",
                        "{address: {line1: '48 Centre Street', city: 'Jamaica Plain', state: 'MA', postalCode: '2130'}}",
                        "address.postalCode: ZIP code must be 5 digits, or 5+4 digits such as 10001-1234."),
                invalid(update, "identity not verified", "{identityVerifiedWith: '<absent>'}",
                        "identityVerifiedWith: Identity verified with is required"),
                invalid(update, "bold tags around the family name",
                        "{sections: {name: true}, givenName: 'Maria', familyName: '<B>Gonzalez</B>',"
                                + " nameChangeReason: 'correction'}",
                        "familyName: Family name must not contain markup such as <tags>.")
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
