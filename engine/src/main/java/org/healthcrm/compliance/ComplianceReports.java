package org.healthcrm.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each compliance screen's content as a {@link ComplianceReport} for export: the same criteria and the same rows as
 * the screen, all pages of them. An export holds at most {@code healthcrm.compliance.export-max-rows} rows (10,000 by
 * default); a larger one is refused with a request to narrow the filters rather than cut short.
 */
@Service
public class ComplianceReports {

    public static final List<String> AUDIT_COLUMNS = List.of("Time (UTC)", "User", "Roles", "Action",
            "Patient (MRN)", "Object", "Outcome", "Client address", "Request id", "Reason", "Detail");
    public static final List<String> DISCLOSURE_COLUMNS = List.of("Date (UTC)", "Recipient", "What", "Purpose",
            "Action", "By", "Request id");
    public static final List<String> PROCESS_COLUMNS = List.of("Step", "Type", "Started (UTC)", "Ended (UTC)",
            "Assignee", "Done by", "Form", "Field", "Value");

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static final String WITHHELD = "Withheld: clinical answers are shown to clinical roles only";

    private final AuditReview search;
    private final Disclosures disclosures;
    private final ProcessAudit processes;
    private final int maxRows;

    public ComplianceReports(AuditReview search, Disclosures disclosures, ProcessAudit processes,
                             @Value("${healthcrm.compliance.export-max-rows:10000}") int maxRows) {
        this.search = search;
        this.disclosures = disclosures;
        this.processes = processes;
        this.maxRows = maxRows;
    }

    public ComplianceReport auditTrail(Actor actor, AuditQuery query) {
        Long patientId = search.patientId(actor, query);
        requireAtMostMax(search.count(actor, query));
        return new ComplianceReport(ComplianceReport.Kind.AUDIT, "Audit trail", query.described(),
                query.auditDetail(), patientId, List.of(), "Events", AUDIT_COLUMNS,
                auditRows(search.upTo(actor, query, maxRows)));
    }

    public ComplianceReport disclosures(Actor actor, DisclosureQuery query) {
        requireAtMostMax(disclosures.count(actor, query));
        List<List<String>> rows = disclosures.upTo(actor, query, maxRows).stream()
                .map(d -> List.of(utc(d.occurredAt()), d.recipient(), d.what(), d.purpose(), d.action(), d.by(),
                        orEmpty(d.requestId())))
                .toList();
        return new ComplianceReport(ComplianceReport.Kind.DISCLOSURES, "Accounting of disclosures",
                query.described(), query.auditDetail(), disclosures.patientId(actor, query), List.of(), "Disclosures",
                DISCLOSURE_COLUMNS, rows);
    }

    public ComplianceReport userActivity(Actor actor, String username, LocalDate from, LocalDate to) {
        AuditQuery query = AuditQuery.ofUser(username, from, to);
        requireAtMostMax(search.count(actor, query));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("User", query.username());
        filters.put("From (UTC day)", from == null ? "any" : from.toString());
        filters.put("To (UTC day, included)", to == null ? "any" : to.toString());
        List<List<String>> counts = search.actionCounts(actor, username, from, to).stream()
                .map(c -> List.of(c.action(), Long.toString(c.count()))).toList();
        return new ComplianceReport(ComplianceReport.Kind.USER_ACTIVITY, "User activity", filters,
                query.auditDetail(), null,
                List.of(new ComplianceReport.Table("Events per action", List.of("Action", "Events"), counts)),
                "Events", AUDIT_COLUMNS, auditRows(search.upTo(actor, query, maxRows)));
    }

    public ComplianceReport process(Actor actor, String idOrBusinessKey) {
        ProcessRecord process = processes.read(actor, idOrBusinessKey);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("Process instance", process.processInstanceId());
        filters.put("Process", process.processName() + (process.processVersion() == null ? ""
                : ", version " + process.processVersion()));
        filters.put("Business key", orEmpty(process.businessKey()));
        filters.put("Patient (MRN)", orEmpty(process.patientMrn()));
        filters.put("Started", utc(process.startedAt()) + (process.startedBy() == null ? "" : " by "
                + process.startedBy()));
        filters.put("State", process.state() + (process.endedAt() == null ? "" : ", ended " + utc(process.endedAt())));
        List<List<String>> rows = new ArrayList<>();
        for (ProcessRecord.Step step : process.steps()) {
            rows.add(List.of(step.name(), step.type(), utc(step.startedAt()), utc(step.endedAt()),
                    orEmpty(step.assignee()), orEmpty(step.completedBy()), "", "", ""));
            for (ProcessRecord.Submission submission : step.submissions()) {
                String form = submission.formTitle() + " (" + submission.formKey() + " v" + submission.formVersion()
                        + ")";
                String when = utc(submission.submittedAt());
                if (submission.withheld()) {
                    rows.add(List.of(step.name(), "Form data", when, "", "", submission.submittedBy(), form, "",
                            WITHHELD));
                }
                for (ProcessRecord.Answer answer : submission.answers()) {
                    rows.add(List.of(step.name(), "Form data", when, "", "", submission.submittedBy(), form,
                            answer.label(), answer.value()));
                }
            }
        }
        requireAtMostMax(rows.size());
        return new ComplianceReport(ComplianceReport.Kind.PROCESS, "Process instance", filters,
                "process=" + process.processInstanceId(), process.patientId(), List.of(), "Steps and form data",
                PROCESS_COLUMNS, rows);
    }

    public int maxRows() {
        return maxRows;
    }

    /**
     * A point in time as the exports write it: UTC to the second, date and time apart (RFC 3339 allows the space; a
     * table cell can break there).
     */
    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    private void requireAtMostMax(long rows) {
        if (rows > maxRows) {
            throw new InvalidInputException("filters", "This export would hold " + rows + " rows, more than the "
                    + maxRows + " an export may hold: narrow the filters (a shorter date range, a user, an action)");
        }
    }

    private static List<List<String>> auditRows(List<AuditEntry> entries) {
        return entries.stream().map(e -> List.of(utc(e.occurredAt()), e.username(), orEmpty(e.roles()), e.action(),
                orEmpty(e.patientMrn()), e.object(), e.outcome().name(), orEmpty(e.clientAddress()),
                orEmpty(e.requestId()), orEmpty(e.reason()), orEmpty(e.detail()))).toList();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
