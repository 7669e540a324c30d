package org.healthcrm;

/** Realistic form submissions for the tests, as the browser's Form.io would send them. */
public final class Submissions {

    private Submissions() {
    }

    /** A complete, valid demographics form for an adult patient. */
    public static String demographics(String givenName, String familyName) {
        return """
                {"data": {
                  "givenName": "%s", "familyName": "%s", "dateOfBirth": "03/14/1984",
                  "administrativeSex": "female", "genderIdentity": "", "isMinor": false,
                  "phone": "(555) 201-3344", "email": "patient@example.org", "preferredLanguage": "en",
                  "address": {"line1": "12 Harbor Street", "city": "Portland", "state": "ME", "postalCode": "04101"},
                  "emergencyContactName": "Sam Doe", "emergencyContactPhone": "(555) 201-9988"
                }}""".formatted(givenName, familyName);
    }
}
