package org.healthcrm;

import java.util.concurrent.atomic.AtomicInteger;

/** Realistic form submissions for the tests, as the browser's Form.io would send them. */
public final class Submissions {

    /** A small PNG as Form.io's signature pad submits it. */
    public static final String SIGNATURE = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAYAAAB/qH1jAAAAEElEQVR4nGNgYGD4j4ZRBQB7pgf5fzpslgAAAABJRU5ErkJggg==";

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 9_000));

    private Submissions() {
    }

    /** A phone number no other test patient has, so that intakes do not look like duplicates of each other. */
    public static String uniquePhone() {
        int n = PHONES.incrementAndGet() % 10_000_000;
        return String.format("(555) %03d-%04d", 100 + n / 10_000 % 900, n % 10_000);
    }

    /** A complete, valid demographics form for an adult patient born on 03/14/1984, with a phone of its own. */
    public static String demographics(String givenName, String familyName) {
        return demographics(givenName, familyName, "03/14/1984", uniquePhone(), "patient@example.org");
    }

    public static String demographics(String givenName, String familyName, String dateOfBirth, String phone, String email) {
        return """
                {"data": {
                  "service": "primaryCare", "intakeChannel": "walkIn",
                  "givenName": "%s", "familyName": "%s", "dateOfBirth": "%s",
                  "administrativeSex": "female", "genderIdentity": "", "isMinor": false,
                  "phone": "%s", "email": "%s", "preferredLanguage": "en",
                  "address": {"line1": "12 Harbor Street", "city": "Portland", "state": "ME", "postalCode": "04101"},
                  "emergencyContactName": "Sam Doe", "emergencyContactPhone": "(555) 201-9988"
                }}""".formatted(givenName, familyName, dateOfBirth, phone, email);
    }

    /** Health history: penicillin allergy, one medication, hypertension; chest pain when asked for. */
    public static String healthHistory(boolean chestPain) {
        return """
                {"data": {
                  "redFlagChestPain": %s, "redFlagDifficultyBreathing": false, "redFlagStrokeSigns": false,
                  "redFlagSevereBleeding": false, "redFlagSuicidalThoughts": false,
                  "noKnownAllergies": false,
                  "allergies": [{"substance": "Penicillin", "reaction": "Hives", "severity": "moderate"}],
                  "medications": [{"name": "Lisinopril", "dose": "10 mg", "frequency": "onceDaily"}],
                  "conditions": {"diabetes": false, "hypertension": true, "asthma": false, "copd": false,
                                 "heartDisease": false, "kidneyDisease": false, "cancer": false, "depression": false}
                }}""".formatted(chestPain);
    }

    /** An adult signs every consent; e-mail contact as given. */
    public static String consentsByPatient(String signer, boolean email) {
        return """
                {"data": {
                  "consentToTreatment": true, "privacyNoticeAcknowledged": true,
                  "consentSms": true, "consentEmail": %s,
                  "releaseOfInformation": true, "releaseTo": "Dr. Alex Rivera, Portland Cardiology",
                  "signerName": "%s", "signature": "%s"
                }}""".formatted(email, signer, SIGNATURE);
    }

    /** A parent signs for a minor. */
    public static String consentsByGuardian(String guardian) {
        return """
                {"data": {
                  "consentToTreatment": true, "privacyNoticeAcknowledged": true,
                  "consentSms": false, "consentEmail": false, "releaseOfInformation": false,
                  "guardianSignerName": "%s", "guardianSignerRelation": "parent", "guardianSignature": "%s"
                }}""".formatted(guardian, SIGNATURE);
    }

    public static String insurance() {
        return """
                {"data": {"coverageType": "insurance", "payerName": "Acme Health Plan", "memberId": "XJ-4471-09",
                          "groupNumber": "G-100", "subscriberRelationship": "self"}}""";
    }

    /** The duplicate review's answer: this is the patient with that MRN, whose demographics the intake updates. */
    public static String linkExisting(String mrn) {
        return """
                {"data": {"resolution": "linkExisting", "existingPatientMrn": "%s",
                          "matchEvidence": {"nameAndBirthDate": true, "photoId": true}, "updateDemographics": true}}"""
                .formatted(mrn);
    }

    public static String review() {
        return """
                {"data": {"informationConfirmed": true, "reviewNotes": ""}}""";
    }
}
