package org.healthcrm.ehr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.healthcrm.IntegrationTest;
import org.healthcrm.consent.Consent;
import org.healthcrm.consent.ConsentRepository;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.consent.Consents;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.ehr.sandbox.EhrSandbox;
import org.healthcrm.patient.Coverage;
import org.healthcrm.patient.CoverageRepository;
import org.healthcrm.patient.Coverages;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.patient.PatientRepository;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.HumanName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The EHR push against the in-process sandbox, over real HTTP through HAPI FHIR's client and the API security chain:
 * what a registration creates there, how an EHR patient is found, that repeating a push creates nothing new, that an
 * outage throws and links nothing, that a retry after a push half done finishes it without duplicates, and the
 * revocation.
 */
class EhrGatewayTest extends IntegrationTest {

    @Autowired
    EhrGateway gateway;
    @Autowired
    EhrSandbox sandbox;
    @Autowired
    EhrSettings settings;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    PatientRepository patients;
    @Autowired
    Coverages coverages;
    @Autowired
    CoverageRepository coverageRepository;
    @Autowired
    Consents consents;
    @Autowired
    ConsentRepository consentRepository;
    @Autowired
    DocumentStore documents;
    @Autowired
    TransactionTemplate transaction;

    @AfterEach
    void sandboxBackUp() {
        sandbox.setAvailable(true);
    }

    /** A registered patient as the intake leaves it: coverage, three consents, the intake packet. */
    private record Registered(long patientId, long packetId, byte[] packet) {
    }

    private Registered register(String given, String family, LocalDate birthDate) {
        return transaction.execute(status -> {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("givenName", given);
            values.put("familyName", family);
            values.put("birthDate", birthDate);
            values.put("administrativeSex", "female");
            values.put("phone", "(555) 610-2030");
            Patient patient = patientRecords.create(values);
            return withIntake(patient.getId(), patient.getMrn());
        });
    }

    private Registered withIntake(long patientId, String mrn) {
        coverages.record(patientId, Map.of("type", "insurance", "payer", "Acme Health Plan", "memberId", "ZX-44821",
                "groupNumber", "G-100", "subscriberRelation", "self"), null);
        consents.grant(patientId, new Consents.Grant(ConsentType.TREATMENT, null, null, "Signer", "self"), null,
                "frontdesk");
        consents.grant(patientId, new Consents.Grant(ConsentType.PRIVACY_NOTICE, null, null, "Signer", "self"), null,
                "frontdesk");
        consents.grant(patientId, new Consents.Grant(ConsentType.CONTACT_SMS, null, null, "Signer", "self"), null,
                "frontdesk");
        byte[] pdf = ("%PDF-1.4\n% intake packet " + mrn + " " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        long packetId = documents.storePdf("INTAKE_PACKET", "Intake packet " + mrn, pdf, patientId, null, "frontdesk", true)
                .getId();
        consentRepository.findByPatientIdOrderByPeriodStartDescIdDesc(patientId)
                .forEach(c -> consents.attachDocument(c.getId(), packetId));
        return new Registered(patientId, packetId, pdf);
    }

    private static String unique(String prefix) {
        String letters = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q");
        return prefix + letters.substring(letters.length() - 6);
    }

    /** A patient as the EHR registered it, with our MRN as its identifier when {@code mrn} is given. */
    private String ehrPatient(String mrn, String family, String given, String birthDate) {
        org.hl7.fhir.r4.model.Patient patient = new org.hl7.fhir.r4.model.Patient();
        if (mrn != null) {
            patient.addIdentifier().setSystem(settings.getMrnSystem()).setValue(mrn);
        }
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given);
        if (birthDate != null) {
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(birthDate));
        }
        return sandbox.addPatient(patient).getIdElement().getIdPart();
    }

    private Patient patient(long id) {
        return patients.findById(id).orElseThrow();
    }

    private int sandboxCount(String ehrPatientId) {
        return sandbox.coveragesOf(ehrPatientId).size() + sandbox.consentsOf(ehrPatientId).size()
                + sandbox.documentsOf(ehrPatientId).size();
    }

    @Test
    void registrationCreatesPatientCoverageConsentsAndPacketInTheEhrAndARepeatCreatesNothing() throws Exception {
        Registered registered = register("Ottilie", unique("Ehrlund"), LocalDate.of(1981, 9, 4));
        int ehrPatientsBefore = sandbox.patients().size();
        long versionBefore = patient(registered.patientId()).getVersion();

        gateway.pushRegistration(registered.patientId(), registered.packetId());

        Patient patient = patient(registered.patientId());
        String ehrId = patient.getEhrPatientId();
        assertThat(ehrId).isNotNull();
        // the link is a change of the record like any other: a concurrent edit of the patient fails, not overwrites it
        assertThat(patient.getVersion()).isEqualTo(versionBefore + 1);
        assertThat(patient.getFamilyName()).as("the record itself unchanged").startsWith("Ehrlund");
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        org.hl7.fhir.r4.model.Patient inEhr = sandbox.patient(ehrId).orElseThrow();
        assertThat(inEhr.getIdentifierFirstRep().getSystem()).isEqualTo(settings.getMrnSystem());
        assertThat(inEhr.getIdentifierFirstRep().getValue()).isEqualTo(patient.getMrn());
        assertThat(inEhr.getNameFirstRep().getFamily()).isEqualTo(patient.getFamilyName());
        assertThat(inEhr.getBirthDateElement().getValueAsString()).isEqualTo("1981-09-04");

        var coverage = sandbox.coveragesOf(ehrId);
        assertThat(coverage).hasSize(1);
        assertThat(coverage.get(0).getSubscriberId()).isEqualTo("ZX-44821");
        assertThat(coverage.get(0).getPayorFirstRep().getDisplay()).isEqualTo("Acme Health Plan");
        assertThat(coverage.get(0).getRelationship().getCodingFirstRep().getCode()).isEqualTo("self");
        assertThat(coverage.get(0).getClass_().get(0).getValue()).isEqualTo("G-100");
        assertThat(coverageRepository.findByPatientIdOrderByIdDesc(registered.patientId()).get(0).getEhrCoverageId())
                .isEqualTo(coverage.get(0).getIdElement().getIdPart());

        var consentsInEhr = sandbox.consentsOf(ehrId);
        assertThat(consentsInEhr).hasSize(3);
        assertThat(consentsInEhr).allSatisfy(c -> {
            assertThat(c.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE);
            assertThat(c.getScope().getCodingFirstRep().getSystem())
                    .isEqualTo("http://terminology.hl7.org/CodeSystem/consentscope");
            assertThat(c.getCategory()).isNotEmpty();
            assertThat(c.hasPolicyRule()).isTrue();
            assertThat(c.getProvision().getPeriod().hasStart()).isTrue();
            assertThat(c.getSourceReference().getReference()).startsWith("DocumentReference/");
        });
        assertThat(consentRepository.findByPatientIdOrderByPeriodStartDescIdDesc(registered.patientId()))
                .extracting(Consent::getEhrConsentId).doesNotContainNull();

        List<DocumentReference> documentsInEhr = sandbox.documentsOf(ehrId);
        assertThat(documentsInEhr).hasSize(1);
        var attachment = documentsInEhr.get(0).getContentFirstRep().getAttachment();
        assertThat(attachment.getContentType()).isEqualTo("application/pdf");
        assertThat(attachment.getData()).isEqualTo(registered.packet());
        assertThat(attachment.getHash()).isEqualTo(MessageDigest.getInstance("SHA-1").digest(registered.packet()));
        assertThat(attachment.getTitle()).startsWith("Intake packet");
        assertThat(documents.readForIntegration(registered.packetId()).getEhrDocumentReferenceId())
                .isEqualTo(documentsInEhr.get(0).getIdElement().getIdPart());

        // a second push (a retried job) finds everything linked and sends nothing
        gateway.pushRegistration(registered.patientId(), registered.packetId());
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandboxCount(ehrId)).isEqualTo(5);
    }

    @Test
    void henryWalkerIsLinkedToTheEhrsPatientByNameAndBirthDate() {
        Patient henry = patientRecords.findByMrn("D000005").orElseThrow();
        assertThat(henry.getEhrPatientId()).as("no other test links the demo patient").isNull();
        Registered registered = transaction.execute(status -> withIntake(henry.getId(), henry.getMrn()));
        String ehrHenry = sandbox.patients().stream()
                .filter(p -> p.getIdentifierFirstRep().getValue().equals("E100004"))
                .findFirst().orElseThrow().getIdElement().getIdPart();
        int ehrPatientsBefore = sandbox.patients().size();

        gateway.pushRegistration(henry.getId(), registered.packetId());

        // the 1947 Henry Walker, not the 1980 one, and no new patient in the EHR
        assertThat(patient(henry.getId()).getEhrPatientId()).isEqualTo(ehrHenry);
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);
        assertThat(sandboxCount(ehrHenry)).isEqualTo(5);
    }

    @Test
    void aPatientTheEhrKnowsByOurMrnIsLinkedByIdentifier() {
        Registered registered = register("Brigid", unique("Mrnlink"), LocalDate.of(1969, 12, 1));
        // the EHR spells the name differently: the MRN decides
        String ehrId = ehrPatient(patient(registered.patientId()).getMrn(), "Different", "Bridget", null);
        int ehrPatientsBefore = sandbox.patients().size();

        gateway.pushRegistration(registered.patientId(), registered.packetId());

        assertThat(patient(registered.patientId()).getEhrPatientId()).isEqualTo(ehrId);
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);
    }

    @Test
    void aNewPatientIsRegisteredWithOneSearchAndOneTransaction() {
        Registered registered = register("Philippa", unique("Tworeq"), LocalDate.of(1984, 5, 17));
        int ehrPatientsBefore = sandbox.patients().size();
        // two requests served, then the EHR is down: a third request would fail the push
        sandbox.failAfterRequests(2);

        gateway.pushRegistration(registered.patientId(), registered.packetId());

        String ehrId = patient(registered.patientId()).getEhrPatientId();
        assertThat(ehrId).isNotNull();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandboxCount(ehrId)).isEqualTo(5);
    }

    @Test
    void ourMrnWinsOverAnotherEhrPatientWithTheSameNameAndBirthDate() {
        String family = unique("Mrnwins");
        Registered registered = register("Cordelia", family, LocalDate.of(1972, 6, 9));
        String namesakeId = ehrPatient(null, family, "Cordelia", "1972-06-09");
        String holderId = ehrPatient(patient(registered.patientId()).getMrn(), "Renamed", "Delia", null);
        int ehrPatientsBefore = sandbox.patients().size();

        gateway.pushRegistration(registered.patientId(), registered.packetId());

        assertThat(patient(registered.patientId()).getEhrPatientId()).isEqualTo(holderId).isNotEqualTo(namesakeId);
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);
        assertThat(sandboxCount(holderId)).isEqualTo(5);
        assertThat(sandboxCount(namesakeId)).isZero();
    }

    @Test
    void twoEhrPatientsWithOurMrnStopThePushWithAMessageToMergeThem() {
        Registered registered = register("Evangeline", unique("Twomrn"), LocalDate.of(1961, 11, 3));
        String mrn = patient(registered.patientId()).getMrn();
        ehrPatient(mrn, "Elsewhere", "Eva", null);
        ehrPatient(mrn, "Elsewhere", "Line", null);
        int ehrPatientsBefore = sandbox.patients().size();

        assertThatThrownBy(() -> gateway.pushRegistration(registered.patientId(), registered.packetId()))
                .isInstanceOf(EhrException.class)
                .hasMessageContaining("more than one")
                .hasMessageContaining("merge")
                .hasMessageContaining("patient " + registered.patientId())
                .hasMessageNotContaining("Evangeline");
        assertThat(patient(registered.patientId()).getEhrPatientId()).isNull();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);
    }

    @Test
    void anOutageThrowsAndLinksNothingAndTheRetryCompletesThePush() {
        Registered registered = register("Wilma", unique("Outage"), LocalDate.of(1958, 3, 30));
        int ehrPatientsBefore = sandbox.patients().size();
        sandbox.setAvailable(false);

        assertThatThrownBy(() -> gateway.pushRegistration(registered.patientId(), registered.packetId()))
                .isInstanceOf(EhrException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("patient " + registered.patientId())
                .hasMessageNotContaining(patient(registered.patientId()).getFamilyName());

        assertThat(patient(registered.patientId()).getEhrPatientId()).isNull();
        assertThat(coverageRepository.findByPatientIdOrderByIdDesc(registered.patientId()))
                .extracting(Coverage::getEhrCoverageId).containsOnlyNulls();
        assertThat(consentRepository.findByPatientIdOrderByPeriodStartDescIdDesc(registered.patientId()))
                .extracting(Consent::getEhrConsentId).containsOnlyNulls();
        assertThat(documents.readForIntegration(registered.packetId()).getEhrDocumentReferenceId()).isNull();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);

        sandbox.setAvailable(true);
        gateway.pushRegistration(registered.patientId(), registered.packetId());
        assertThat(sandboxCount(patient(registered.patientId()).getEhrPatientId())).isEqualTo(5);
    }

    @Test
    void aPushThatFailsHalfWayCreatesNothingAndTheRetrySendsEverythingOnce() {
        Registered registered = register("Halina", unique("Halfway"), LocalDate.of(1990, 7, 7));
        int ehrPatientsBefore = sandbox.patients().size();
        // served: the search by name and birth date; then the EHR goes down before the registration's transaction
        sandbox.failAfterRequests(1);

        assertThatThrownBy(() -> gateway.pushRegistration(registered.patientId(), registered.packetId()))
                .isInstanceOf(EhrException.class).hasMessageContaining("HTTP 503");
        assertThat(patient(registered.patientId()).getEhrPatientId()).isNull();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore);

        sandbox.setAvailable(true);
        gateway.pushRegistration(registered.patientId(), registered.packetId());

        String ehrId = patient(registered.patientId()).getEhrPatientId();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandbox.coveragesOf(ehrId)).hasSize(1);
        assertThat(sandbox.documentsOf(ehrId)).hasSize(1);
        assertThat(sandbox.consentsOf(ehrId)).hasSize(3);
    }

    @Test
    void whenTheEhrAppliedThePushButItsAnswerWasLostTheRetryDuplicatesNothing() {
        Registered registered = register("Lorna", unique("Lostans"), LocalDate.of(1968, 3, 30));
        int ehrPatientsBefore = sandbox.patients().size();
        sandbox.loseAnswerToNextTransaction();

        assertThatThrownBy(() -> gateway.pushRegistration(registered.patientId(), registered.packetId()))
                .isInstanceOf(EhrException.class).hasMessageContaining("HTTP 503");
        assertThat(patient(registered.patientId()).getEhrPatientId()).as("nothing linked: no answer came").isNull();
        assertThat(sandbox.patients()).as("but the EHR has it all").hasSize(ehrPatientsBefore + 1);

        gateway.pushRegistration(registered.patientId(), registered.packetId());

        // the retry finds the patient by MRN and the rest by our record identifiers: linked, not created again
        String ehrId = patient(registered.patientId()).getEhrPatientId();
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandbox.coveragesOf(ehrId)).hasSize(1);
        assertThat(sandbox.documentsOf(ehrId)).hasSize(1);
        assertThat(sandbox.consentsOf(ehrId)).hasSize(3)
                .allSatisfy(c -> assertThat(c.getIdentifierFirstRep().getSystem()).isEqualTo(settings.getRecordSystem()));
        assertThat(consentRepository.findByPatientIdOrderByPeriodStartDescIdDesc(registered.patientId()))
                .extracting(Consent::getEhrConsentId)
                .containsExactlyInAnyOrderElementsOf(sandbox.consentsOf(ehrId).stream()
                        .map(c -> c.getIdElement().getIdPart()).toList());
        assertThat(coverageRepository.findByPatientIdOrderByIdDesc(registered.patientId()).get(0).getEhrCoverageId())
                .isEqualTo(sandbox.coveragesOf(ehrId).get(0).getIdElement().getIdPart());
    }

    @Test
    void aRevocationMakesTheConsentInactiveInTheEhrAndAttachesTheRevocationPdf() {
        Registered registered = register("Renata", unique("Revoca"), LocalDate.of(1975, 1, 15));
        gateway.pushRegistration(registered.patientId(), registered.packetId());
        String ehrId = patient(registered.patientId()).getEhrPatientId();

        // one consent sent at registration, one granted later and never sent
        long later = transaction.execute(status -> consents.grant(registered.patientId(),
                new Consents.Grant(ConsentType.CONTACT_EMAIL, null, null, "Renata", "self"), null, "frontdesk").getId());
        List<Long> revoked = transaction.execute(status -> {
            List<Long> ids = new java.util.ArrayList<>();
            consents.revoke(registered.patientId(), ConsentType.CONTACT_SMS, "no texts", "frontdesk")
                    .forEach(c -> ids.add(c.getId()));
            consents.revoke(registered.patientId(), ConsentType.CONTACT_EMAIL, "no mail", "frontdesk")
                    .forEach(c -> ids.add(c.getId()));
            return ids;
        });
        assertThat(revoked).contains(later).hasSize(2);
        long revocationPdf = transaction.execute(status -> documents.storePdf("CONSENT_REVOCATION",
                "Consent revocation", "%PDF-1.4\n% revocation\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                registered.patientId(), null, "frontdesk", false).getId());

        gateway.pushRevocation(registered.patientId(), revoked, revocationPdf);

        for (long consentId : revoked) {
            String ehrConsentId = consents.find(consentId).getEhrConsentId();
            assertThat(ehrConsentId).isNotNull();
            var inEhr = sandbox.consent(ehrConsentId).orElseThrow();
            assertThat(inEhr.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
            assertThat(inEhr.getProvision().getPeriod().hasEnd()).isTrue();
        }
        assertThat(sandbox.consentsOf(ehrId)).hasSize(4)
                .filteredOn(c -> c.getStatus() == org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE).hasSize(2);
        assertThat(sandbox.documentsOf(ehrId)).hasSize(2);

        // repeated: the same state, nothing new
        gateway.pushRevocation(registered.patientId(), revoked, revocationPdf);
        assertThat(sandbox.consentsOf(ehrId)).hasSize(4);
        assertThat(sandbox.documentsOf(ehrId)).hasSize(2);
    }

    @Test
    void aRevocationForAPatientNeverSentCreatesThePatientInTheEhrOnce() {
        Registered registered = register("Ximena", unique("Unsent"), LocalDate.of(1988, 8, 18));
        int ehrPatientsBefore = sandbox.patients().size();
        List<Long> revoked = transaction.execute(status -> {
            List<Long> ids = new java.util.ArrayList<>();
            consents.revoke(registered.patientId(), ConsentType.CONTACT_SMS, "no texts", "frontdesk")
                    .forEach(c -> ids.add(c.getId()));
            return ids;
        });
        long revocationPdf = transaction.execute(status -> documents.storePdf("CONSENT_REVOCATION",
                "Consent revocation", "%PDF-1.4\n% revocation\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                registered.patientId(), null, "frontdesk", false).getId());

        gateway.pushRevocation(registered.patientId(), revoked, revocationPdf);

        String ehrId = patient(registered.patientId()).getEhrPatientId();
        assertThat(ehrId).isNotNull();
        assertThat(sandbox.patient(ehrId).orElseThrow().getIdentifierFirstRep().getValue())
                .isEqualTo(patient(registered.patientId()).getMrn());
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandbox.consentsOf(ehrId)).singleElement()
                .satisfies(c -> assertThat(c.getStatus()).isEqualTo(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE));
        assertThat(sandbox.documentsOf(ehrId)).hasSize(1);

        // repeated: linked now, nothing new
        gateway.pushRevocation(registered.patientId(), revoked, revocationPdf);
        assertThat(sandbox.patients()).hasSize(ehrPatientsBefore + 1);
        assertThat(sandbox.consentsOf(ehrId)).hasSize(1);
        assertThat(sandbox.documentsOf(ehrId)).hasSize(1);
    }

    @Test
    void withoutABaseUrlThePushFailsNamingTheSetting() {
        Registered registered = register("Nadia", unique("Nourl"), LocalDate.of(1999, 2, 2));
        String baseUrl = settings.getBaseUrl();
        settings.setBaseUrl(" ");
        try {
            assertThatThrownBy(() -> gateway.pushRegistration(registered.patientId(), registered.packetId()))
                    .isInstanceOf(EhrException.class).hasMessageContaining("healthcrm.ehr.base-url");
        } finally {
            settings.setBaseUrl(baseUrl);
        }
        assertThat(patient(registered.patientId()).getEhrPatientId()).isNull();
    }
}
