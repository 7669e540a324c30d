package org.healthcrm.consent;

/** The consents the Health CRM records, with the FHIR Consent category/policy they map to in the EHR. */
public enum ConsentType {
    /** Consent to treatment. */
    TREATMENT("Consent to treatment"),
    /** Acknowledgement of the notice of privacy practices (HIPAA 45 CFR 164.520). */
    PRIVACY_NOTICE("Acknowledgement of the notice of privacy practices"),
    /** Contact by text message. */
    CONTACT_SMS("Contact by text message"),
    /** Contact by e-mail. */
    CONTACT_EMAIL("Contact by e-mail"),
    /** Release of health information to a named party. */
    RELEASE_OF_INFORMATION("Release of information");

    private final String label;

    ConsentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value forms use for this type (consent-revocation's consentType): the name in lower camel case. */
    public String formValue() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder value = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            value.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return value.toString();
    }

    public static ConsentType fromFormValue(String value) {
        for (ConsentType type : values()) {
            if (type.formValue().equals(value) || type.name().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown consent type '" + value + "'");
    }
}
