package org.healthcrm.compliance;

import java.util.List;
import java.util.Map;

/**
 * A report ready to export: what it is, the filters that made it, and its rows. The rows are the report's content:
 * the CSV holds exactly them, the PDF shows them as a table and prints the SHA-256 of that CSV in its footer.
 *
 * @param filters     the criteria as a person reads them (label, value), printed in the PDF
 * @param auditDetail the criteria for the export's audit event: never a patient's identifier or any other PHI
 * @param patientId   the patient the report is about, if any: the export's audit event names them
 * @param summaries   tables the PDF shows before the rows (counts per action), derived from the rows
 */
public record ComplianceReport(Kind kind, String title, Map<String, String> filters, String auditDetail,
                               Long patientId, List<Table> summaries, String rowsTitle, List<String> columns,
                               List<List<String>> rows) {

    public enum Kind {
        AUDIT("audit-trail"), DISCLOSURES("disclosures"), USER_ACTIVITY("user-activity"), PROCESS("process");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        /** The report's name in URLs, file names and audit events. */
        public String slug() {
            return slug;
        }

        public static Kind ofSlug(String slug) {
            for (Kind kind : values()) {
                if (kind.slug.equals(slug)) {
                    return kind;
                }
            }
            throw new org.healthcrm.platform.InvalidInputException("report",
                    "Unknown report: use audit-trail, disclosures, user-activity or process");
        }
    }

    public record Table(String title, List<String> columns, List<List<String>> rows) {
    }
}
