package org.healthcrm.compliance;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.healthcrm.platform.InvalidInputException;

/** Whose disclosures, over which UTC days (both included; either end may be open). */
public record DisclosureQuery(String patientMrn, LocalDate from, LocalDate to) implements java.io.Serializable {

    public DisclosureQuery {
        if (AuditQuery.blankToNull(patientMrn) == null) {
            throw new InvalidInputException("patient", "Enter the patient's MRN");
        }
        patientMrn = patientMrn.strip().toUpperCase(Locale.ROOT);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("to", "The end date is before the start date");
        }
    }

    public Map<String, String> described() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("Patient (MRN)", patientMrn);
        filters.put("From (UTC day)", from == null ? "any" : from.toString());
        filters.put("To (UTC day, included)", to == null ? "any" : to.toString());
        return filters;
    }

    /** For the export's audit event: the patient is in its patient column, not here. */
    String auditDetail() {
        return "patient" + (from == null ? "" : ", from=" + from) + (to == null ? "" : ", to=" + to);
    }
}
