/**
 * Compliance reports over the audit trail and the process history, for the compliance officer (role
 * {@code COMPLIANCE}, read-only): the audit search, the accounting of disclosures of a patient, a user's activity, a
 * process instance step by step with the form data of each submission, and their exports to PDF and CSV.
 *
 * <p>A feature of its own rather than part of {@code audit}: it reads the audit trail, patients, process history and
 * the submission archive, while all of those write to the audit trail; kept apart, no package depends on both sides.
 * Every service here takes the {@link org.healthcrm.security.Actor} and refuses anyone without the compliance role.
 */
package org.healthcrm.compliance;
