package org.healthcrm.compliance;

import java.time.Instant;

/**
 * One release of a patient's information outside the organisation, from the audit event that recorded it.
 *
 * @param recipient who received it (the EHR, an integration account, the patient)
 * @param what      which information (a record type, a document with its type, a message)
 * @param purpose   why it was released, as far as the product knows
 * @param action    the audit action
 * @param by        who released it: the user, or {@code system} for the EHR push
 */
public record Disclosure(long eventId, Instant occurredAt, String recipient, String what, String purpose,
                         String action, String by, String requestId) {
}
