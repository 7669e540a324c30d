package org.healthcrm.intake;

/** The forms of the patient-intake process whose submissions the intake's service tasks read. */
final class IntakeForms {

    static final String DEMOGRAPHICS = "intake-demographics";
    static final String DUPLICATE_REVIEW = "intake-duplicate-review";
    static final String HEALTH_HISTORY = "intake-health-history";
    static final String CONSENTS = "intake-consents";
    static final String INSURANCE = "intake-insurance";

    /** Process variable: the patient's internal id once known (linked at duplicate review, or registered). */
    static final String PATIENT_ID = "patientId";

    private IntakeForms() {
    }
}
