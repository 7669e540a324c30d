package org.healthcrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.healthcrm.IntegrationTest;
import org.healthcrm.Submissions;
import org.healthcrm.audit.AuditEventRepository;
import org.healthcrm.consent.Consent;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.consent.Consents;
import org.healthcrm.patient.CoverageRepository;
import org.healthcrm.patient.HealthHistoryRepository;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientQuery;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.ehr.sandbox.EhrSandbox;
import org.healthcrm.messaging.sandbox.MailSandbox;
import org.healthcrm.triage.SafetyAlerts;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A whole intake through the API as the front desk does it, task by task, and what it leaves behind: the patient
 * record (encrypted at rest), coverage, health history, consents with the signed intake packet, the confirmation
 * e-mail and the audit trail.
 */
class IntakeApiTest extends IntegrationTest {

    @Autowired
    PatientRepository patients;
    @Autowired
    org.healthcrm.patient.PatientRecords patientRecords;
    @Autowired
    Consents consents;
    @Autowired
    CoverageRepository coverages;
    @Autowired
    HealthHistoryRepository histories;
    @Autowired
    SafetyAlerts alerts;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    EhrSandbox ehr;
    @Autowired
    MailSandbox mail;

    @Test
    void frontDeskRegistersAnAdultAndEverythingIsOnRecord() throws Exception {
        String key = "api-intake-" + System.nanoTime();
        String family = "Ångström" + (System.nanoTime() % 100_000);
        String instance = startIntake(key);

        submitTask("frontdesk", key, "Collect demographics",
                Submissions.demographics("Zoë", family, "03/14/1984", Submissions.uniquePhone(), "zoe@example.org"));
        submitTask("frontdesk", key, "Collect health history", Submissions.healthHistory(false));
        submitTask("frontdesk", key, "Collect consents", Submissions.consentsByPatient("Zoë " + family, true));
        submitTask("frontdesk", key, "Collect insurance or payment", Submissions.insurance());
        // the review registers the patient in the same transaction; the EHR push and the e-mail follow as jobs
        submitTask("frontdesk", key, "Review registration", Submissions.review());

        List<Patient> found = patientRecords.search(new PatientQuery("Zoë " + family, null, null, null));
        assertThat(found).hasSize(1);
        Patient patient = found.get(0);
        assertThat(patient.getMrn()).startsWith("HC");
        assertThat(patient.getBirthDate()).hasToString("1984-03-14");
        assertThat(patient.getCity()).isEqualTo("Portland");
        // encrypted at rest: the row holds no readable name, and search by another spelling still finds it
        Map<String, Object> row = jdbc.queryForMap("select given_name, family_name, birth_date from patient where id = ?",
                patient.getId());
        // (whole values: a random ciphertext's base64 holds a short fragment such as "Zo" by chance, one run in 30)
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v)).doesNotContain("Zoë")
                .doesNotContain(family).doesNotContain("1984-03-14").doesNotContain("03/14/1984"));
        assertThat(patientRecords.search(new PatientQuery("zoe " + family.replace("Å", "A").replace("ö", "o"), null, null, null)))
                .extracting(Patient::getId).containsExactly(patient.getId());

        assertThat(coverages.findByPatientIdOrderByIdDesc(patient.getId())).singleElement()
                .satisfies(c -> assertThat(c.getMemberId()).isEqualTo("XJ-4471-09"));
        assertThat(histories.findByPatientIdOrderByRecordedAtDesc(patient.getId())).singleElement()
                .satisfies(h -> assertThat(h.getAllergies()).contains("Penicillin"));

        List<Consent> given = consents.of(patient.getId());
        assertThat(given).extracting(Consent::getType).containsExactlyInAnyOrder(ConsentType.TREATMENT,
                ConsentType.PRIVACY_NOTICE, ConsentType.CONTACT_SMS, ConsentType.CONTACT_EMAIL,
                ConsentType.RELEASE_OF_INFORMATION);
        assertThat(given).allSatisfy(c -> assertThat(consents.statusNow(c)).isEqualTo(Consent.Status.ACTIVE));
        Long signedId = given.get(0).getDocumentId();
        assertThat(given).extracting(Consent::getDocumentId).containsOnly(signedId);
        assertThat(given).filteredOn(c -> c.getType() == ConsentType.TREATMENT).singleElement()
                .satisfies(c -> assertThat(c.getPeriodEnd()).isAfter(Instant.now().plus(Duration.ofDays(700))));

        // the signed consents, for the front desk: demographics, every consent with its signature, no clinical history
        try (PDDocument document = Loader.loadPDF(fetchBytes("frontdesk", "/api/documents/" + signedId))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Signed consents", "Zoë", family, patient.getMrn(), "Consents",
                    "Insurance and payment").doesNotContain("Penicillin", "Health history");
        }
        // the whole intake packet holds the health history: for nurses; the front desk is refused
        long packetId = ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("intakePacketDocumentId").singleResult().getValue()).longValue();
        assertThat(get("frontdesk", "/api/documents/" + packetId).status()).isEqualTo(403);
        try (PDDocument document = Loader.loadPDF(fetchBytes("nurse", "/api/documents/" + packetId))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Intake packet", "Zoë", family, patient.getMrn(), "Penicillin",
                    "Consents", "Insurance and payment", "Dr. Alex Rivera");
        }

        // the patient page shows the record, the consents with their status and the packet; analysts may not open it
        org.healthcrm.ScreenSession screen = new org.healthcrm.ScreenSession(url(""));
        screen.login("frontdesk", PASSWORD);
        var page = screen.get("/app/patient.xhtml?id=" + patient.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(patient.getMrn(), "Release of information", "ACTIVE", "Signed consents",
                "/app/document?id=" + signedId, "Update registration", "Record a consent revocation",
                "The clinical history is for nurses").doesNotContain("Penicillin");
        org.healthcrm.ScreenSession nurse = new org.healthcrm.ScreenSession(url(""));
        nurse.login("nurse", PASSWORD);
        assertThat(nurse.get("/app/patient.xhtml?id=" + patient.getId()).body()).contains(patient.getMrn(), "Penicillin")
                .doesNotContain("Record a consent revocation", "Break the glass");
        var search = screen.get("/app/patients.xhtml");
        assertThat(search.statusCode()).isEqualTo(200);
        org.healthcrm.ScreenSession analyst = new org.healthcrm.ScreenSession(url(""));
        analyst.login("analyst", PASSWORD);
        assertThat(analyst.get("/app/patient.xhtml?id=" + patient.getId()).statusCode()).isEqualTo(403);

        // then, as jobs: the push to the EHR and the confirmation e-mail; the process ends
        awaitProcessEnd(instance);
        Patient pushed = patientRecords.read(patient.getId());
        assertThat(pushed.getEhrPatientId()).as("linked to the patient the EHR holds").isNotBlank();
        org.hl7.fhir.r4.model.Patient inEhr = ehr.patient(pushed.getEhrPatientId()).orElseThrow();
        assertThat(inEhr.getNameFirstRep().getFamily()).isEqualTo(family);
        assertThat(inEhr.getBirthDateElement().getValueAsString()).isEqualTo("1984-03-14");
        assertThat(inEhr.getIdentifier()).anySatisfy(id -> assertThat(id.getValue()).isEqualTo(patient.getMrn()));
        assertThat(ehr.coveragesOf(pushed.getEhrPatientId())).hasSize(1);
        assertThat(ehr.consentsOf(pushed.getEhrPatientId())).hasSize(5);
        assertThat(ehr.documentsOf(pushed.getEhrPatientId())).singleElement().satisfies(d -> assertThat(
                d.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf"));
        assertThat(Arrays.stream(mail.received())).anySatisfy(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("zoe@example.org");
            assertThat(m.getSubject()).contains("registration").contains("complete");
            assertThat(GreenMailUtil.getBody(m)).contains(patient.getMrn());
        });

        // our own FHIR API finds the patient by name
        var fhir = get("frontdesk", "/fhir/Patient?name=" + java.net.URLEncoder.encode("zoe " + family,
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.json().path("total").asInt()).isEqualTo(1);
        assertThat(fhir.body()).contains(patient.getMrn());

        assertThat(audit.findByPatientIdOrderByIdAsc(patient.getId()))
                .extracting(e -> e.getAction() + ":" + e.getUsername())
                .contains("PATIENT_CREATE:frontdesk", "CONSENT_GRANT:frontdesk", "COVERAGE_CREATE:frontdesk",
                        "DOCUMENT_READ:frontdesk", "PATIENT_READ:frontdesk", "PATIENT_EHR_LINK:system", "MESSAGE_SEND:system",
                        "CLINICAL_ACCESS_DENIED:frontdesk", "HEALTH_HISTORY_READ:nurse", "DOCUMENT_READ:nurse");
    }

    @Test
    void withoutEmailConsentNoMessageIsSentAndTheIntakeStillEnds() {
        String key = "api-noemail-" + System.nanoTime();
        String family = "Nomail" + System.nanoTime() % 100_000;
        String address = "nomail." + System.nanoTime() + "@example.org";
        String instance = registerThroughIntake(key, "Ines", family, "07/01/1990", address, false);

        awaitProcessEnd(instance);
        assertThat(Arrays.stream(mail.received())).noneSatisfy(m ->
                assertThat(m.getAllRecipients()[0].toString()).isEqualTo(address));
    }

    @Test
    void chestPainRaisesABannerAndAnImmediateNurseTaskWhileRegistrationGoesOn() {
        String key = "api-redflag-" + System.nanoTime();
        String instance = startIntake(key);
        submitTask("frontdesk", key, "Collect demographics", Submissions.demographics("Henrik", "Redflag" + System.nanoTime() % 100_000));
        submitTask("frontdesk", key, "Collect health history", Submissions.healthHistory(true));

        JsonNode nurseTask = taskNamed("nurse", key, "Review red flag now");
        assertThat(nurseTask).as("an immediate task for the nurses").isNotNull();
        assertThat(nurseTask.path("priority").asInt()).isEqualTo(100);
        assertThat(alerts.openForProcess(instance)).singleElement()
                .satisfies(a -> assertThat(a.getFindings()).contains("Chest pain").contains("AHA"));
        // the front desk goes on meanwhile
        assertThat(taskNamed("frontdesk", key, "Collect consents")).isNotNull();
        // front desk cannot take the nurse's task
        assertThat(taskNamed("frontdesk", key, "Review red flag now")).isNull();
    }

    @Test
    void aMinorNeedsTheGuardianToSign() {
        String key = "api-minor-" + System.nanoTime();
        startIntake(key);
        submitTask("frontdesk", key, "Collect demographics", Submissions.demographics("Amara", "Minor" + System.nanoTime() % 100_000,
                "05/09/2015", Submissions.uniquePhone(), "parent@example.org"));
        submitTask("frontdesk", key, "Collect health history", Submissions.healthHistory(false));
        // the patient signing for themselves is refused: the guardian's signature is required
        var bySelf = post("frontdesk", "/api/tasks/" + taskNamed("frontdesk", key, "Collect consents").get("id").asText()
                + "/submission", Submissions.consentsByPatient("Amara", false));
        assertThat(bySelf.status()).isEqualTo(422);
        assertThat(bySelf.body()).contains("guardianSignerName");
        submitTask("frontdesk", key, "Collect consents", Submissions.consentsByGuardian("Ngozi Okafor"));
        assertThat(taskNamed("frontdesk", key, "Collect insurance or payment")).isNotNull();
    }

    @Test
    void aPatientRecordChangedWhileTheReviewIsSubmittedIsStillUpdatedOnce() throws Exception {
        String family = "Racine" + System.nanoTime() % 100_000;
        Patient existing = patientRecords.create(Map.of("givenName", "Marie", "familyName", family,
                "birthDate", LocalDate.of(1970, 1, 2)));
        String key = "api-race-" + System.nanoTime();
        startIntake(key);
        submitTask("frontdesk", key, "Collect demographics", Submissions.demographics("Marie", family, "01/02/1970",
                Submissions.uniquePhone(), "marie.race@example.org"));
        linkToExistingAndFillTheForms(key, existing, "Marie " + family);

        // Another transaction (an earlier intake's EHR link, say) holds the patient's row while the review is
        // submitted, and changes the record after the registration read it: the registration's update finds a
        // newer version, and the submission is done again on the newer record instead of failing.
        CountDownLatch locked = new CountDownLatch(1);
        var other = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select id from patient where id = ? for update", Long.class, existing.getId());
            locked.countDown();
            sleep(1500);
            jdbc.update("update patient set version = version + 1 where id = ?", existing.getId());
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        submitTask("frontdesk", key, "Review registration", Submissions.review());
        other.get(10, TimeUnit.SECONDS);

        assertThat(patientRecords.search(new PatientQuery(family, null, null, null))).singleElement().satisfies(p -> {
            assertThat(p.getId()).isEqualTo(existing.getId());
            assertThat(p.getEmail()).isEqualTo("marie.race@example.org");
            assertThat(p.getVersion()).as("the other change, then this registration's").isEqualTo(existing.getVersion() + 2);
        });
        assertThat(jdbc.queryForList("select type from consent where patient_id = ?", String.class, existing.getId()))
                .as("each consent registered once").isNotEmpty().doesNotHaveDuplicates();
    }

    /** From the duplicate review (the existing patient is the one) to the registration review. */
    private void linkToExistingAndFillTheForms(String businessKey, Patient existing, String signer) {
        submitTask("frontdesk", businessKey, "Review possible duplicate", Submissions.linkExisting(existing.getMrn()));
        submitTask("frontdesk", businessKey, "Collect health history", Submissions.healthHistory(false));
        submitTask("frontdesk", businessKey, "Collect consents", Submissions.consentsByPatient(signer, false));
        submitTask("frontdesk", businessKey, "Collect insurance or payment", Submissions.insurance());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLikelyDuplicateIsReviewedAndLinkedNotCreatedTwice() {
        String family = "Dupont" + System.nanoTime() % 100_000;
        String phone = Submissions.uniquePhone();
        String first = "api-dup-a-" + System.nanoTime();
        startIntake(first);
        submitTask("frontdesk", first, "Collect demographics", Submissions.demographics("Marie", family, "01/02/1970", phone, "m@example.org"));
        submitTask("frontdesk", first, "Collect health history", Submissions.healthHistory(false));
        submitTask("frontdesk", first, "Collect consents", Submissions.consentsByPatient("Marie " + family, false));
        submitTask("frontdesk", first, "Collect insurance or payment", Submissions.insurance());
        submitTask("frontdesk", first, "Review registration", Submissions.review());
        Patient existing = patientRecords.search(new PatientQuery(family, null, null, null)).get(0);

        String second = "api-dup-b-" + System.nanoTime();
        startIntake(second);
        submitTask("frontdesk", second, "Collect demographics", Submissions.demographics("Marie", family, "01/02/1970",
                Submissions.uniquePhone(), "marie.new@example.org"));
        JsonNode review = taskNamed("frontdesk", second, "Review possible duplicate");
        assertThat(review).as("same name and birth date: a review task").isNotNull();
        // the reviewer sees who the candidate is, read from the record (no name is kept in the process)
        String shown = get("frontdesk", "/api/tasks/" + review.get("id").asText()).json().path("data")
                .path("duplicateCandidates").asText();
        assertThat(shown).contains(existing.getMrn(), family + ", Marie", "1970-01-02");
        // an MRN that does not exist is refused at its field
        var wrong = post("frontdesk", "/api/tasks/" + review.get("id").asText() + "/submission",
                Submissions.linkExisting("HC0000000"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("existingPatientMrn").contains("HC0000000");
        linkToExistingAndFillTheForms(second, existing, "Marie " + family);
        submitTask("frontdesk", second, "Review registration", Submissions.review());

        assertThat(patientRecords.search(new PatientQuery(family, null, null, null))).singleElement()
                .satisfies(p -> {
                    assertThat(p.getId()).isEqualTo(existing.getId());
                    assertThat(p.getEmail()).isEqualTo("marie.new@example.org");
                });
        assertThat(coverages.findByPatientIdOrderByIdDesc(existing.getId())).hasSize(2);
    }

    @Test
    void aRevokedEmailConsentIsRevokedAtOnceDocumentedAndSentToTheEhr() throws Exception {
        String key = "api-revoke-" + System.nanoTime();
        String family = "Revoke" + System.nanoTime() % 100_000;
        String instance = registerThroughIntake(key, "Olu", family, "02/02/1982", "olu@example.org", true);
        awaitProcessEnd(instance);
        Patient patient = patientRecords.search(new PatientQuery("Olu " + family, null, null, null)).get(0);
        assertThat(consents.hasActive(patient.getId(), ConsentType.CONTACT_EMAIL)).isTrue();

        var started = post("frontdesk", "/api/processes/consent-revocation/instances",
                "{\"businessKey\":\"" + key + "-r\",\"data\":{\"patientId\":" + patient.getId() + "}}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String revocation = started.json().get("id").asText();
        submitTask("frontdesk", key + "-r", "Record the revocation", """
                {"data": {"consentType": "contactEmail", "reason": "Prefers letters.", "receivedVia": "phone",
                          "requestedBy": "self", "contactPhone": "(617) 555-0142", "effectExplained": true,
                          "processedBy": "Dana Whitfield"}}""");

        // revoked at once: what messages the patient reads it in the same moment
        assertThat(consents.hasActive(patient.getId(), ConsentType.CONTACT_EMAIL)).isFalse();
        assertThat(consents.hasActive(patient.getId(), ConsentType.CONTACT_SMS)).isTrue();
        Consent revoked = consents.of(patient.getId()).stream()
                .filter(c -> c.getType() == ConsentType.CONTACT_EMAIL).findFirst().orElseThrow();
        assertThat(consents.statusNow(revoked)).isEqualTo(Consent.Status.REVOKED);
        try (PDDocument pdf = Loader.loadPDF(fetchBytes("frontdesk", "/api/documents/" + revoked.getRevocationDocumentId()))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains(patient.getMrn()).containsIgnoringCase("revo")
                    .contains("Prefers letters.");
        }
        // and the EHR is told: its Consent for e-mail contact is inactive
        awaitProcessEnd(revocation);
        String ehrPatient = patientRecords.read(patient.getId()).getEhrPatientId();
        assertThat(ehr.consentsOf(ehrPatient)).filteredOn(c -> c.getStatus()
                == org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE).hasSize(1);
        assertThat(audit.findByPatientIdOrderByIdAsc(patient.getId())).extracting(e -> e.getAction() + ":" + e.getUsername())
                .contains("CONSENT_REVOKE:frontdesk");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private byte[] fetchBytes(String user, String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, PASSWORD)).GET().build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
    }
}
