package org.healthcrm.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.healthcrm.audit.AuditEventRepository;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit trail as FHIR AuditEvents over real HTTP: compliance finds the events of a patient registered through
 * an intake, narrows them by agent and date, pages through them; each bundle is valid R4 (parsed strictly); events
 * map to the BALP patterns; reading the trail is itself audited; the front desk is refused.
 */
class AuditEventFhirTest extends IntegrationTest {

    private static final String FHIR_JSON = "application/fhir+json";
    /** Strict: an unknown element or a code outside its required binding fails the parse. */
    private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());

    @Autowired
    AuditEventRepository auditEvents;

    @Test
    void complianceFindsThePatientsEventsByPatientAgentAndDate() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String key = "audit-fhir-" + System.nanoTime();
        String instance = registerThroughIntake(key, "Ada", "Auditson" + letters(), "05/06/1977", "ada@example.org",
                false);
        long patientId = patientOf(instance);
        awaitProcessEnd(instance);
        // a process about the patient: its start and its task's claim are in the patient's trail
        Response revocation = post("frontdesk", "/api/processes/consent-revocation/instances",
                "{\"businessKey\":\"" + key + "-r\",\"data\":{\"patientId\":" + patientId + "}}");
        assertThat(revocation.status()).isEqualTo(201);
        String task = taskNamed("frontdesk", key + "-r", "Record the revocation").get("id").asText();
        assertThat(post("frontdesk", "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        assertThat(getFhir("nurse", "/fhir/Patient/" + patientId).status()).isEqualTo(200);

        Response response = getFhir("compliance", "/fhir/AuditEvent?patient=Patient/" + patientId + "&_count=200");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith(FHIR_JSON);
        Bundle bundle = PARSER.parseResource(Bundle.class, response.body());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        List<AuditEvent> found = events(bundle);
        assertThat(found).isNotEmpty().allSatisfy(e -> assertThat(patientOf(e)).isEqualTo("Patient/" + patientId));
        assertThat(found).extracting(AuditEventFhirTest::action)
                .contains("PATIENT_CREATE", "CONSENT_GRANT", "COVERAGE_CREATE", "PROCESS_START", "TASK_CLAIM",
                        "PATIENT_READ");
        // newest first
        assertThat(found).extracting(AuditEvent::getRecorded).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // the nurse's FHIR read, as BALP's PatientRead: rest/read, R, success, the user as requestor from an
        // address, this application as destination and observer, the patient, the object and the request id
        AuditEvent read = found.stream().filter(e -> action(e).equals("PATIENT_READ")
                && "nurse".equals(user(e).getWho().getIdentifier().getValue())).findFirst().orElseThrow();
        assertThat(read.getType().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type");
        assertThat(read.getType().getCode()).isEqualTo("rest");
        assertThat(read.getSubtype()).extracting(Coding::getCode).contains("read", "PATIENT_READ");
        assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(read.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        AuditEventAgentComponent nurse = user(read);
        assertThat(nurse.getRequestor()).isTrue();
        assertThat(nurse.getRole()).extracting(r -> r.getCodingFirstRep().getCode()).containsExactly("NURSE");
        assertThat(InetAddress.getByName(nurse.getNetwork().getAddress()).isLoopbackAddress()).isTrue();
        assertThat(nurse.getNetwork().getType()).isEqualTo(AuditEvent.AuditEventAgentNetworkType._2);
        assertThat(read.getAgent()).anySatisfy(a -> {
            assertThat(a.getRequestor()).isFalse();
            assertThat(a.getType().getCodingFirstRep().getCode()).isEqualTo("110152");
        });
        assertThat(read.getSource().getObserver().getDisplay()).isEqualTo("Health CRM");
        assertThat(read.getEntity()).anySatisfy(entity -> {
            assertThat(entity.getWhat().getReference()).isEqualTo("Patient/" + patientId);
            assertThat(entity.getRole().getCode()).isEqualTo("1");
            assertThat(entity.getType().getCode()).isEqualTo("1");
        });
        assertThat(read.getEntity()).anySatisfy(entity -> {
            assertThat(entity.getType().getCode()).isEqualTo("XrequestId");
            assertThat(entity.getWhat().getIdentifier().getValue()).isNotBlank();
        });
        // changes say which fields, never their values
        AuditEvent created = found.stream().filter(e -> action(e).equals("PATIENT_CREATE")).findFirst().orElseThrow();
        assertThat(created.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
        assertThat(response.body()).doesNotContain("Auditson").doesNotContain("ada@example.org");

        // by agent: only the nurse's events of this patient
        List<AuditEvent> nurses = events(PARSER.parseResource(Bundle.class,
                getFhir("compliance", "/fhir/AuditEvent?patient=" + patientId + "&agent=nurse").body()));
        assertThat(nurses).isNotEmpty()
                .allSatisfy(e -> assertThat(user(e).getWho().getIdentifier().getValue()).isEqualTo("nurse"));

        // by date: the events since the test began, and none before it
        String since = "/fhir/AuditEvent?patient=" + patientId + "&date=ge" + before + "&date=le"
                + Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS) + "&_count=200";
        assertThat(ids(events(PARSER.parseResource(Bundle.class, getFhir("compliance", since).body()))))
                .containsAll(ids(found));
        assertThat(events(PARSER.parseResource(Bundle.class, getFhir("compliance",
                "/fhir/AuditEvent?patient=" + patientId + "&date=lt" + before).body()))).isEmpty();
        assertThat(events(PARSER.parseResource(Bundle.class, getFhir("compliance",
                "/fhir/AuditEvent?agent=nurse&date=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        + "&_count=5").body()))).isNotEmpty();

        // paging: two at a time; the next link gives the next two of the same search, although searching (an
        // audited read of this patient's trail) adds events meanwhile
        Bundle first = PARSER.parseResource(Bundle.class,
                getFhir("compliance", "/fhir/AuditEvent?patient=" + patientId + "&_count=2").body());
        assertThat(events(first)).hasSize(2);
        String next = first.getLink(Bundle.LINK_NEXT).getUrl();
        assertThat(next).contains("_offset=2").contains("_count=2").contains("date=lt");
        getFhir("compliance", "/fhir/AuditEvent?patient=" + patientId);
        Bundle second = PARSER.parseResource(Bundle.class, getFhir("compliance", pathOf(next)).body());
        assertThat(events(second)).hasSize(2);
        String anchored = pathOf(next).replace("_offset=2", "_offset=0").replace("_count=2", "_count=4");
        List<String> whole = ids(events(PARSER.parseResource(Bundle.class, getFhir("compliance", anchored).body())));
        List<String> paged = new java.util.ArrayList<>(ids(events(first)));
        paged.addAll(ids(events(second)));
        assertThat(paged).isEqualTo(whole);

        // one event by id, as administrators may too
        String id = read.getIdElement().getIdPart();
        Response one = getFhir("admin", "/fhir/AuditEvent/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(PARSER.parseResource(AuditEvent.class, one.body()).getIdElement().getIdPart()).isEqualTo(id);
        assertThat(getFhir("compliance", "/fhir/AuditEvent/999999999").status()).isEqualTo(404);

        // reading the trail is audited: one event per search, not one per event found
        assertThat(auditEvents.findByUsernameAndActionOrderByIdAsc("compliance", "AUDIT_SEARCH"))
                .filteredOn(e -> Objects.equals(e.getPatientId(), patientId)).hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(e -> assertThat(e.getDetail()).startsWith("agent=nurse"));
        assertThat(auditEvents.findByUsernameAndActionOrderByIdAsc("admin", "AUDIT_READ"))
                .anySatisfy(e -> assertThat(e.getObjectId()).isEqualTo(id));
    }

    @Test
    void signInEventsMapToDicomUserAuthentication() {
        String typed = "stranger-" + System.nanoTime() % 100_000;
        new ScreenSession(url("")).login(typed, "guessing-Passw0rd");

        Bundle bundle = PARSER.parseResource(Bundle.class,
                getFhir("compliance", "/fhir/AuditEvent?agent=" + URLEncoder.encode(typed, StandardCharsets.UTF_8))
                        .body());
        AuditEvent login = events(bundle).get(0);
        assertThat(login.getType().getSystem()).isEqualTo("http://dicom.nema.org/resources/ontology/DCM");
        assertThat(login.getType().getCode()).isEqualTo("110114");
        assertThat(login.getSubtype()).extracting(Coding::getCode).contains("110122", "LOGIN");
        assertThat(login.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
        assertThat(login.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
        assertThat(login.getOutcomeDesc()).contains("wrong user name or password");
        assertThat(user(login).getWho().getIdentifier().getValue()).isEqualTo(typed);
    }

    @Test
    void frontDeskMayNotReadTheTrail() {
        Response refused = getFhir("frontdesk", "/fhir/AuditEvent?agent=nurse");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith(FHIR_JSON);
        OperationOutcome outcome = PARSER.parseResource(OperationOutcome.class, refused.body());
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
        assertThat(getFhir("nurse", "/fhir/AuditEvent/1").status()).isEqualTo(403);
        assertThat(auditEvents.findByUsernameAndActionOrderByIdAsc("frontdesk", "FHIR_ACCESS_DENIED"))
                .anySatisfy(e -> {
                    assertThat(e.getObjectType()).isEqualTo("AuditEvent");
                    assertThat(e.getOutcome()).isEqualTo(org.healthcrm.audit.AuditEvent.Outcome.DENIED);
                });
    }

    @Test
    void badSearchParametersAreRefusedWithAnOperationOutcome() {
        assertThat(getFhir("compliance", "/fhir/AuditEvent?date=ne2026-01-01").status()).isEqualTo(400);
        assertThat(getFhir("compliance", "/fhir/AuditEvent?_offset=20000").status()).isEqualTo(400);
        assertThat(getFhir("compliance", "/fhir/AuditEvent?entity-name=x").status()).isEqualTo(400);
        Response patientOfNobody = getFhir("compliance", "/fhir/AuditEvent?patient=Patient/not-ours");
        assertThat(patientOfNobody.status()).isEqualTo(200);
        assertThat(events(PARSER.parseResource(Bundle.class, patientOfNobody.body()))).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private Response getFhir(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))).header("Accept", FHIR_JSON).GET());
    }

    private static List<String> ids(List<AuditEvent> events) {
        return events.stream().map(e -> e.getIdElement().getIdPart()).toList();
    }

    private static List<AuditEvent> events(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }

    private static String action(AuditEvent event) {
        return event.getSubtype().stream().filter(c -> AuditEventMapping.ACTIONS.equals(c.getSystem()))
                .map(Coding::getCode).findFirst().orElseThrow();
    }

    private static AuditEventAgentComponent user(AuditEvent event) {
        return event.getAgent().stream().filter(AuditEventAgentComponent::getRequestor).findFirst().orElseThrow();
    }

    private static String patientOf(AuditEvent event) {
        return event.getEntity().stream().filter(e -> "1".equals(e.getRole().getCode()))
                .map(AuditEventEntityComponent::getWhat).map(r -> r.getReference()).findFirst().orElse(null);
    }

    private long patientOf(String processInstanceId) {
        HistoricVariableInstance variable = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName("patientId").singleResult();
        return ((Number) variable.getValue()).longValue();
    }

    private static String pathOf(String absolute) {
        URI uri = URI.create(absolute);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String letters() {
        String digits = Long.toString(System.nanoTime() % 100_000_000);
        StringBuilder letters = new StringBuilder();
        digits.chars().forEach(c -> letters.append((char) ('a' + (c - '0'))));
        return letters.toString();
    }
}
