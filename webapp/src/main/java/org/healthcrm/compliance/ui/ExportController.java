package org.healthcrm.compliance.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import org.healthcrm.audit.AuditEvent;
import org.healthcrm.compliance.AuditQuery;
import org.healthcrm.compliance.ComplianceExport;
import org.healthcrm.compliance.ComplianceExports;
import org.healthcrm.compliance.ComplianceReport;
import org.healthcrm.compliance.ComplianceReports;
import org.healthcrm.compliance.DisclosureQuery;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exports of the compliance screens (signed-in session, COMPLIANCE): {@code GET /compliance/export?report=
 * audit-trail|disclosures|user-activity|process&format=pdf|csv} with the screen's criteria ({@code patient} (MRN),
 * {@code user}, {@code action}, {@code outcome}, {@code from}, {@code to} (UTC days), {@code id} (process instance)).
 * Each export is audited. The response carries the file's SHA-256 ({@code X-Content-SHA256}, and as
 * {@code Repr-Digest}) and the SHA-256 of the report's content, the rows as CSV ({@code X-Export-Content-SHA256}),
 * which a PDF prints in its footer.
 */
@Controller
public class ExportController {

    static final String PATH = "/compliance/export";

    private final ComplianceReports reports;
    private final ComplianceExports exports;

    public ExportController(ComplianceReports reports, ComplianceExports exports) {
        this.reports = reports;
        this.exports = exports;
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> export(@RequestParam String report, @RequestParam String format,
                                         @RequestParam(required = false) String patient,
                                         @RequestParam(required = false) String user,
                                         @RequestParam(required = false) String action,
                                         @RequestParam(required = false) String outcome,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String id) {
        Actor actor = CurrentActor.get();
        ComplianceExports.Format as = ComplianceExports.Format.of(format);
        ComplianceReport content = switch (ComplianceReport.Kind.ofSlug(report)) {
            case AUDIT -> reports.auditTrail(actor, new AuditQuery(patient, user, action, outcome(outcome),
                    day("from", from), day("to", to)));
            case DISCLOSURES -> reports.disclosures(actor, new DisclosureQuery(patient, day("from", from),
                    day("to", to)));
            case USER_ACTIVITY -> reports.userActivity(actor, user, day("from", from), day("to", to));
            case PROCESS -> reports.process(actor, id);
        };
        ComplianceExport export = exports.export(actor, content, as);
        MediaType type = as == ComplianceExports.Format.CSV
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.APPLICATION_PDF;
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-SHA256", export.sha256())
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(export.sha256())) + ":")
                .header("X-Export-Content-SHA256", export.contentSha256())
                .header("X-Export-Rows", Integer.toString(export.rows()))
                .body(export.content());
    }

    private static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "Write days as 2026-01-31");
        }
    }

    private static AuditEvent.Outcome outcome(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuditEvent.Outcome.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", "The outcome is SUCCESS, DENIED or FAILED");
        }
    }
}
