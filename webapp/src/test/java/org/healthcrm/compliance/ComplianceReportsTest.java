package org.healthcrm.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.healthcrm.documents.DocumentHash;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After an intake done by the front desk, the compliance officer finds that user's reads and writes of the patient,
 * exports them as PDF and CSV, finds the exports in the trail, the EHR push among the patient's disclosures, the
 * intake step by step with its form data; the other roles are kept out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportsTest extends IntegrationTest {

    static final Actor COMPLIANCE = Actor.of("compliance", Role.COMPLIANCE);
    /** A client's request id: a sane token for the request-id filter, a formula for a spreadsheet. */
    static final String FORMULA_REQUEST_ID = "-10-20-cmd:calc";
    private static final Pattern CONTENT_SHA = Pattern.compile("Content SHA-256 ([0-9a-f]{64})");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditReview search;
    @Autowired
    Disclosures disclosures;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    IdentityService identityService;

    private String instance;
    private String businessKey;
    private long patientId;
    private String mrn;
    private String family;

    @BeforeAll
    void anIntakeByTheFrontDesk() {
        family = "Wiśniewska" + System.nanoTime() % 100_000;
        businessKey = "compliance-" + System.nanoTime();
        instance = registerThroughIntake(businessKey, "Halina", family, "03/14/1972", "halina@example.org", true);
        awaitProcessEnd(instance);
        patientId = ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("patientId").singleResult().getValue()).longValue();
        mrn = jdbc.queryForObject("select mrn from patient where id = ?", String.class, patientId);
        // the front desk opens the signed consents; its client sends a request id that looks like a formula
        Long signedConsents = jdbc.queryForObject("select document_id from consent where patient_id = ? limit 1",
                Long.class, patientId);
        Response read = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/api/documents/" + signedConsents)))
                .header("X-Request-Id", FORMULA_REQUEST_ID).GET());
        assertThat(read.status()).isEqualTo(200);
        // an integration finds the patient over FHIR: a disclosure
        assertThat(get("integration", "/fhir/Patient?identifier=" + mrn).status()).isEqualTo(200);
    }

    @Test
    void complianceFindsTheFrontDesksReadsAndWritesOfThePatientAndExportsThem() throws Exception {
        AuditQuery byPatientAndUser = new AuditQuery(mrn, "frontdesk", null, null, null, null);
        int searchesBefore = searchesOfThePatient();
        List<AuditEntry> events = search.page(COMPLIANCE, byPatientAndUser, 0, 100);
        // looking at the trail is in the trail: one event for the page, naming the criteria but not the MRN
        assertThat(searchesOfThePatient()).isEqualTo(searchesBefore + 1);
        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'AUDIT_SEARCH' and patient_id = ?"
                + " order by id desc limit 1", String.class, patientId)).isEqualTo("agent=frontdesk").doesNotContain(mrn);
        assertThat(events).extracting(AuditEntry::action)
                .contains("PATIENT_CREATE", "CONSENT_GRANT", "COVERAGE_CREATE", "DOCUMENT_READ");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo("frontdesk");
            assertThat(e.patientMrn()).isEqualTo(mrn);
        });
        assertThat(events).extracting(AuditEntry::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // paged in the database, counted with the same criteria
        assertThat(search.count(COMPLIANCE, byPatientAndUser)).isEqualTo(events.size());
        assertThat(search.page(COMPLIANCE, byPatientAndUser, 1, 2)).extracting(AuditEntry::id)
                .containsExactly(events.get(1).id(), events.get(2).id());
        assertThat(search.page(COMPLIANCE, new AuditQuery(mrn, null, "CONSENT_*", null, null, null), 0, 100))
                .extracting(AuditEntry::action).contains("CONSENT_GRANT", "CONSENT_EHR_LINK")
                .allMatch(action -> action.startsWith("CONSENT_"));

        ScreenSession screens = signedIn("compliance");
        String page = screens.get("/compliance/audit.xhtml?patient=" + mrn + "&user=frontdesk").body();
        assertThat(page).contains("PATIENT_CREATE", "CONSENT_GRANT", "DOCUMENT_READ", mrn, FORMULA_REQUEST_ID)
                .contains("of " + events.size()).doesNotContain(family);

        String filters = "&patient=" + mrn + "&user=frontdesk";
        HttpResponse<byte[]> csv = screens.getBytes("/compliance/export?report=audit-trail&format=csv" + filters);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment")
                .contains("audit-trail-").contains(".csv");
        String csvSha = DocumentHash.sha256Hex(csv.body());
        assertThat(csv.headers().firstValue("X-Content-SHA256")).contains(csvSha);
        assertThat(csv.headers().firstValue("X-Export-Content-SHA256")).contains(csvSha);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo("\"Time (UTC)\",\"User\",\"Roles\",\"Action\",\"Patient (MRN)\",\"Object\","
                + "\"Outcome\",\"Client address\",\"Request id\",\"Reason\",\"Detail\"");
        assertThat(lines).hasSize(events.size() + 1);
        assertThat(text).contains("\"frontdesk\",\"FRONT_DESK\",\"PATIENT_CREATE\",\"" + mrn + "\"")
                .contains("\"CONSENT_GRANT\"", "\"DOCUMENT_READ\"")
                // the client's formula is defused: a leading apostrophe, inside quotes
                .contains(",\"'" + FORMULA_REQUEST_ID + "\",").doesNotContain(",\"" + FORMULA_REQUEST_ID)
                .doesNotContain(family);

        HttpResponse<byte[]> pdf = screens.getBytes("/compliance/export?report=audit-trail&format=pdf" + filters);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-SHA256")).contains(DocumentHash.sha256Hex(pdf.body()));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String pdfText = new PDFTextStripper().getText(document);
            int pages = document.getNumberOfPages();
            assertThat(pdfText).contains("Audit trail", "Filters", "Patient (MRN) " + mrn, "User frontdesk",
                    "Generated by compliance", "Page 1 of " + pages, "Page " + pages + " of " + pages)
                    .doesNotContain(family);
            // the table's narrow action column breaks names after an underscore
            assertThat(pdfText).contains("PATIENT_", "CONSENT_", "GRANT");
            Matcher footer = CONTENT_SHA.matcher(pdfText);
            assertThat(footer.find()).as("a 64-hex SHA-256 in the footer").isTrue();
            // the footer's hash is the content's: the rows as CSV, the same bytes as the CSV export
            assertThat(footer.group(1)).isEqualTo(csvSha);
            assertThat(pdf.headers().firstValue("X-Export-Content-SHA256")).contains(csvSha);
        }

        // both exports are in the trail, by compliance, naming the patient by id and the filters without the MRN
        List<AuditEntry> exports = search.page(COMPLIANCE,
                new AuditQuery(mrn, "compliance", "AUDIT_EXPORT", null, null, null), 0, 10);
        assertThat(exports).extracting(AuditEntry::detail).anySatisfy(detail -> assertThat(detail)
                        .contains("report=audit-trail", "format=csv", "content-sha256=" + csvSha, "user=frontdesk"))
                .anySatisfy(detail -> assertThat(detail).contains("report=audit-trail", "format=pdf"))
                .allSatisfy(detail -> assertThat(detail).doesNotContain(mrn));
        assertThat(exports).allSatisfy(e -> assertThat(e.patientId()).isEqualTo(patientId));
        assertThat(screens.get("/compliance/audit.xhtml?user=compliance&action=AUDIT_EXPORT").body())
                .contains("AUDIT_EXPORT", "format=pdf", "format=csv");
    }

    @Test
    void theDisclosuresOfThePatientListTheEhrPushTheMessageAndTheIntegrationsReadNotTheStaffsReads()
            throws Exception {
        List<Disclosure> listed = disclosures.upTo(COMPLIANCE, new DisclosureQuery(mrn, null, null), 100);
        assertThat(listed).extracting(Disclosure::action).contains("PATIENT_EHR_LINK", "CONSENT_EHR_LINK",
                "COVERAGE_EHR_LINK", "DOCUMENT_EHR_LINK", "MESSAGE_SEND", "PATIENT_SEARCH_RESULT");
        assertThat(listed).filteredOn(d -> d.action().equals("PATIENT_EHR_LINK")).singleElement()
                .satisfies(d -> {
                    assertThat(d.recipient()).isEqualTo("The EHR");
                    assertThat(d.by()).isEqualTo("system");
                    assertThat(d.what()).isEqualTo("Patient record (demographics)");
                });
        assertThat(listed).filteredOn(d -> d.action().equals("PATIENT_SEARCH_RESULT")).singleElement()
                .satisfies(d -> assertThat(d.recipient()).isEqualTo("Integration account integration"));
        assertThat(listed).extracting(Disclosure::by).doesNotContain("frontdesk");
        assertThat(disclosures.count(COMPLIANCE, new DisclosureQuery(mrn, null, null))).isEqualTo(listed.size());

        ScreenSession screens = signedIn("compliance");
        assertThat(screens.get("/compliance/disclosures.xhtml?patient=" + mrn).body())
                .contains("Disclosures of", mrn, "The EHR", "PATIENT_EHR_LINK", "MESSAGE_SEND");
        HttpResponse<byte[]> csv = screens.getBytes("/compliance/export?report=disclosures&format=csv&patient=" + mrn);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("\"Date (UTC)\",\"Recipient\",\"What\",\"Purpose\",\"Action\",\"By\",\"Request id\"\r\n")
                .contains("\"The EHR\"", "\"PATIENT_EHR_LINK\"");
        HttpResponse<byte[]> pdf = screens.getBytes("/compliance/export?report=disclosures&format=pdf&patient=" + mrn);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Accounting of disclosures", mrn,
                    "PATIENT_EHR_LINK", "The EHR");
        }
    }

    @Test
    void aUsersActivityIsCountedPerActionAndExported() throws Exception {
        List<ActionCount> counts = search.actionCounts(COMPLIANCE, "frontdesk", null, null);
        assertThat(counts).extracting(ActionCount::action).contains("PATIENT_CREATE", "DOCUMENT_READ");
        assertThat(counts).extracting(ActionCount::action).isSorted();

        ScreenSession screens = signedIn("compliance");
        assertThat(screens.get("/compliance/user-activity.xhtml?user=frontdesk").body())
                .contains("Activity of", "frontdesk", "Events per action", "PATIENT_CREATE");
        HttpResponse<byte[]> pdf = screens.getBytes("/compliance/export?report=user-activity&format=pdf&user=frontdesk");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("User activity", "Events per action",
                    "PATIENT_CREATE", "frontdesk");
        }
        HttpResponse<byte[]> csv = screens.getBytes("/compliance/export?report=user-activity&format=csv&user=frontdesk");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("\"PATIENT_CREATE\"");
    }

    @Test
    void theIntakeStepByStepWithWhoDidItAndTheFormDataOfEachSubmission() throws Exception {
        ScreenSession screens = signedIn("compliance");
        String page = screens.get("/compliance/process.xhtml?id=" + instance).body();
        assertThat(page).contains("Patient intake", businessKey, mrn, "COMPLETED", "Collect demographics",
                        "Review registration", "Send the registration to the EHR", "frontdesk")
                // the demographics as submitted; the health history withheld from a non-clinical role
                .contains("Halina", family, "Withheld").doesNotContain("Penicillin");
        // by business key too
        assertThat(screens.get("/compliance/process.xhtml?id=" + businessKey).body()).contains(instance);
        // reading the form data is audited, per submission, naming the patient
        assertThat(search.page(COMPLIANCE, new AuditQuery(mrn, "compliance", "SUBMISSION_READ", null, null, null),
                0, 100)).hasSizeGreaterThanOrEqualTo(4).allSatisfy(e -> assertThat(e.objectType())
                .isEqualTo("TaskSubmission"));

        HttpResponse<byte[]> csv = screens.getBytes("/compliance/export?report=process&format=csv&id=" + instance);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("\"Step\",\"Type\",\"Started (UTC)\",\"Ended (UTC)\",\"Assignee\",\"Done by\",\"Form\","
                        + "\"Field\",\"Value\"\r\n")
                .contains("\"Collect demographics\",\"User task\"", "\"frontdesk\"", family)
                .contains(ComplianceReports.WITHHELD).doesNotContain("Penicillin");
        HttpResponse<byte[]> pdf = screens.getBytes("/compliance/export?report=process&format=pdf&id="
                + URLEncoder.encode(instance, StandardCharsets.UTF_8));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Process instance", instance,
                    "Collect", "User task", "Given name Halina", "Withheld");
        }
        assertThat(screens.get("/compliance/process.xhtml?id=no-such-instance").body())
                .contains("No process instance has this id or business key");
    }

    @Test
    void theIntegrityScreenVerifiesTheTrailAndListsBreakGlassUsesToReview() {
        identityService.setAuthentication("compliance", List.of("COMPLIANCE"));
        try {
            assertThat(integrity.verify(COMPLIANCE, null).intact()).isTrue();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(search.page(COMPLIANCE, new AuditQuery(null, "compliance", "AUDIT_VERIFY", null, null, null),
                0, 1)).singleElement().satisfies(e -> assertThat(e.detail()).contains("scope=all", "INTACT"));
        assertThat(signedIn("compliance").get("/compliance/integrity.xhtml").body())
                .contains("Verify the whole chain", "Break-glass uses to review");
        assertThat(signedIn("compliance").get("/app/home.xhtml").body()).contains("break-glass uses to review");
    }

    @Test
    void theServicesRefuseAnyoneButCompliance() {
        Actor frontDesk = Actor.of("frontdesk", Role.FRONT_DESK);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> search.count(frontDesk, AuditQuery.none()))
                .isInstanceOf(WorkflowAccessDeniedException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> integrity.verify(Actor.of("admin", Role.ADMIN), null))
                .isInstanceOf(WorkflowAccessDeniedException.class);
    }

    @ParameterizedTest(name = "{0} opens {1} -> {2}")
    @CsvSource({
            "compliance,  /compliance/audit.xhtml,          200",
            "compliance,  /compliance/disclosures.xhtml,    200",
            "compliance,  /compliance/user-activity.xhtml,  200",
            "compliance,  /compliance/process.xhtml,        200",
            "compliance,  /compliance/integrity.xhtml,      200",
            "compliance,  /compliance/export?report=audit-trail&format=csv&user=nobody, 200",
            "frontdesk,   /compliance/audit.xhtml,          403",
            "frontdesk,   /compliance/disclosures.xhtml,    403",
            "frontdesk,   /compliance/user-activity.xhtml,  403",
            "frontdesk,   /compliance/process.xhtml,        403",
            "frontdesk,   /compliance/integrity.xhtml,      403",
            "frontdesk,   /compliance/export?report=audit-trail&format=csv, 403",
            "frontdesk,   /compliance/export?report=disclosures&format=pdf&patient=HC1, 403",
            "supervisor,  /compliance/audit.xhtml,          403",
            "nurse,       /compliance/audit.xhtml,          403",
            "nurse,       /compliance/integrity.xhtml,      403",
            "nurse,       /compliance/export?report=audit-trail&format=pdf, 403",
            "analyst,     /compliance/audit.xhtml,          403",
            "analyst,     /compliance/user-activity.xhtml,  403",
            "analyst,     /compliance/export?report=user-activity&format=csv&user=frontdesk, 403",
            "admin,       /compliance/audit.xhtml,          403",
            "admin,       /compliance/process.xhtml,        403",
            "admin,       /compliance/integrity.xhtml,      403",
            "admin,       /compliance/export?report=audit-trail&format=csv, 403",
            "integration, /compliance/audit.xhtml,          403",
    })
    void onlyComplianceOpensTheComplianceScreensAndExports(String user, String path, int expected) {
        assertThat(signedIn(user).get(path).statusCode()).isEqualTo(expected);
    }

    @Test
    void theFrontDeskIsDeniedTheClinicalHistoryAndTheComplianceScreens() {
        ScreenSession desk = signedIn("frontdesk");
        assertThat(desk.get("/app/patient.xhtml?id=" + patientId).body())
                .contains("The clinical history is for nurses").doesNotContain("Penicillin");
        assertThat(desk.get("/app/home.xhtml").body()).doesNotContain("nav-audit");
        // over HTTP Basic the exports are not reachable at all: they belong to the screens' session
        assertThat(get("compliance", "/compliance/export?report=audit-trail&format=csv").status()).isEqualTo(302);
    }

    @Test
    void anonymousCallersAreSentToSignIn() {
        HttpResponse<String> response = new ScreenSession(url("")).get("/compliance/export?report=audit-trail&format=csv");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).contains("/login.xhtml");
    }

    private ScreenSession signedIn(String user) {
        ScreenSession session = new ScreenSession(url(""));
        assertThat(session.login(user, PASSWORD).statusCode()).isEqualTo(302);
        return session;
    }

    private int searchesOfThePatient() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'AUDIT_SEARCH' and patient_id = ?",
                Integer.class, patientId);
    }
}
