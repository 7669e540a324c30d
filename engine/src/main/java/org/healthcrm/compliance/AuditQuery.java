package org.healthcrm.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.healthcrm.audit.AuditEvent;
import org.healthcrm.platform.InvalidInputException;

/**
 * What the audit search looks for; every criterion is optional. Days are UTC days, both ends included. An action
 * ending in {@code *} matches every action that begins so ({@code CONSENT_*}).
 *
 * @param patientMrn the patient's MRN (the trail names patients by internal id; the search finds the id)
 */
public record AuditQuery(String patientMrn, String username, String action, AuditEvent.Outcome outcome,
                         LocalDate from, LocalDate to) implements java.io.Serializable {

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,59}\\*?");

    public AuditQuery {
        patientMrn = blankToNull(patientMrn) == null ? null : patientMrn.strip().toUpperCase(Locale.ROOT);
        username = blankToNull(username) == null ? null : username.strip();
        action = blankToNull(action) == null ? null : action.strip().toUpperCase(Locale.ROOT);
        if (action != null && !ACTION.matcher(action).matches()) {
            throw new InvalidInputException("action", "An action is a name such as PATIENT_READ; end it with * for "
                    + "every action that begins so");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "The end date is before the start date");
        }
    }

    public static AuditQuery none() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    /** A user's events in a date range: the user activity report. */
    public static AuditQuery ofUser(String username, LocalDate from, LocalDate to) {
        if (blankToNull(username) == null) {
            throw new InvalidInputException("user", "Enter the user name");
        }
        return new AuditQuery(null, username, null, null, from, to);
    }

    Instant fromInstant() {
        return startOf(from);
    }

    /** The first instant after the range. */
    Instant toExclusive() {
        return to == null ? null : startOf(to.plusDays(1));
    }

    /** The criteria as a person reads them, in the order of the screen; unset ones as "any". */
    public Map<String, String> described() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("Patient (MRN)", orAny(patientMrn));
        filters.put("User", orAny(username));
        filters.put("Action", orAny(action));
        filters.put("Outcome", outcome == null ? "any" : outcome.name());
        filters.put("From (UTC day)", from == null ? "any" : from.toString());
        filters.put("To (UTC day, included)", to == null ? "any" : to.toString());
        return filters;
    }

    /**
     * The criteria for the audit trail's record of an export: no MRN (the export event names the patient in its
     * patient column, by internal id, like every other event).
     */
    String auditDetail() {
        StringJoiner set = new StringJoiner(", ");
        if (patientMrn != null) {
            set.add("patient");
        }
        if (username != null) {
            set.add("user=" + username);
        }
        if (action != null) {
            set.add("action=" + action);
        }
        if (outcome != null) {
            set.add("outcome=" + outcome);
        }
        if (from != null) {
            set.add("from=" + from);
        }
        if (to != null) {
            set.add("to=" + to);
        }
        return set.length() == 0 ? "none" : set.toString();
    }

    static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String orAny(String text) {
        return text == null ? "any" : text;
    }
}
