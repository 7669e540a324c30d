package org.healthcrm.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.IntegrationTest;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditEventRepository;
import org.healthcrm.consent.ConsentType;
import org.healthcrm.consent.Consents;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.ehr.EhrSettings;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.patient.PatientRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Our FHIR API over real HTTP: Patient create, read, search and update as the front desk; the published R4 example
 * Patients are accepted; bad input is refused with an OperationOutcome and stores nothing; each role gets what it
 * may; consents and documents of a patient.
 */
@ExtendWith(OutputCaptureExtension.class)
class FhirApiTest extends IntegrationTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Autowired
    PatientRepository patients;
    @Autowired
    PatientRecords patientRecords;
    @Autowired
    Consents consents;
    @Autowired
    DocumentStore documents;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    EhrSettings ehrSettings;
    @Autowired
    TransactionTemplate transaction;

    private Response postFhir(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response putFhir(String user, String path, String body) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response getFhir(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))).header("Accept", FHIR_JSON).GET());
    }

    private static String resource(String name) {
        try (InputStream in = FhirApiTest.class.getResourceAsStream("/fhir/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String patientJson(String given, String family, String birthDate, String gender, String phone) {
        return """
                {"resourceType": "Patient",
                 "name": [{"use": "official", "family": "%s", "given": ["%s"]}],
                 "gender": "%s",
                 "birthDate": "%s",
                 "telecom": [{"system": "phone", "value": "%s", "use": "home"},
                             {"system": "email", "value": "%s@example.org"}],
                 "address": [{"use": "home", "line": ["12 Harbor Street"], "city": "Portland", "state": "ME",
                              "postalCode": "04101"}],
                 "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es"}]},
                                    "preferred": true}],
                 "contact": [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131",
                                                            "code": "C"}]}, {"text": "sister"}],
                              "name": {"text": "Lena %s"},
                              "telecom": [{"system": "phone", "value": "(555) 301-7788"}]}]}
                """.formatted(family, given, gender, birthDate, phone, given.toLowerCase(), family);
    }

    private static void assertOperationOutcome(Response response) {
        assertThat(response.header("Content-Type")).startsWith(FHIR_JSON);
        JsonNode outcome = response.json();
        assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("severity").asText()).isEqualTo("error");
        assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    private static String unique(String prefix) {
        String letters = Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "x");
        return prefix + letters.substring(letters.length() - 6);
    }

    @Test
    void frontDeskCreatesReadsSearchesAndUpdatesAPatient() throws Exception {
        String family = unique("Fhirson");
        Response created = postFhir("frontdesk", "/fhir/Patient",
                patientJson("Maren", family, "1988-06-15", "female", "(555) 301-1234"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).contains("/fhir/Patient/");
        String id = created.json().path("id").asText();
        assertThat(id).matches("\\d+");
        Patient stored = patients.findById(Long.parseLong(id)).orElseThrow();
        assertThat(stored.getMrn()).startsWith(PatientRecords.MRN_PREFIX);
        assertThat(stored.getGivenName()).isEqualTo("Maren");
        assertThat(stored.getFamilyName()).isEqualTo(family);
        assertThat(stored.getBirthDate()).isEqualTo(LocalDate.of(1988, 6, 15));
        assertThat(stored.getAdministrativeSex()).isEqualTo("female");
        assertThat(stored.getPhone()).isEqualTo("(555) 301-1234");
        assertThat(stored.getEmail()).isEqualTo("maren@example.org");
        assertThat(stored.getAddressLine1()).isEqualTo("12 Harbor Street");
        assertThat(stored.getCity()).isEqualTo("Portland");
        assertThat(stored.getPreferredLanguage()).isEqualTo("es");
        assertThat(stored.getEmergencyContactName()).isEqualTo("Lena " + family);
        assertThat(stored.getEmergencyContactPhone()).isEqualTo("(555) 301-7788");
        assertThat(stored.getEmergencyContactRelationship()).isEqualTo("sister");

        Response read = getFhir("nurse", "/fhir/Patient/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode patient = read.json();
        assertThat(patient.path("name").get(0).path("family").asText()).isEqualTo(family);
        assertThat(patient.path("birthDate").asText()).isEqualTo("1988-06-15");
        assertThat(patient.path("gender").asText()).isEqualTo("female");
        assertThat(patient.path("identifier").get(0).path("system").asText()).isEqualTo(ehrSettings.getMrnSystem());
        assertThat(patient.path("identifier").get(0).path("value").asText()).isEqualTo(stored.getMrn());
        assertThat(patient.path("contact").get(0).path("name").path("text").asText()).isEqualTo("Lena " + family);

        // search by family name and birth date, by MRN, by phone, by name words
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?family=" + family + "&birthdate=1988-06-15")))
                .containsExactly(id);
        assertThat(ids(getFhir("compliance", "/fhir/Patient?identifier=" + ehrSettings.getMrnSystem() + "%7C"
                + stored.getMrn()))).containsExactly(id);
        assertThat(ids(getFhir("integration", "/fhir/Patient?identifier=" + stored.getMrn()))).containsExactly(id);
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?identifier=urn:other%7C" + stored.getMrn()))).isEmpty();
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?phone=555-301-1234"))).contains(id);
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?name=maren%20" + family.toLowerCase())))
                .containsExactly(id);
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?given=Maren&family=" + family))).containsExactly(id);
        assertThat(ids(getFhir("frontdesk", "/fhir/Patient?given=Other&family=" + family))).isEmpty();
        // a search without criteria is refused, not a list of everyone
        Response everyone = getFhir("frontdesk", "/fhir/Patient");
        assertThat(everyone.status()).isEqualTo(400);
        assertOperationOutcome(everyone);

        // update: a new phone, the e-mail left out (and so cleared)
        ObjectNode changed = (ObjectNode) read.json();
        changed.withArray("telecom").removeAll();
        changed.withArray("telecom").addObject().put("system", "phone").put("value", "(555) 301-9999");
        Response updated = putFhir("frontdesk", "/fhir/Patient/" + id, changed.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Patient after = patients.findById(Long.parseLong(id)).orElseThrow();
        assertThat(after.getPhone()).isEqualTo("(555) 301-9999");
        assertThat(after.getEmail()).isNull();
        assertThat(after.getMrn()).isEqualTo(stored.getMrn());
        assertThat(getFhir("frontdesk", "/fhir/Patient/" + id).json().path("telecom").get(0).path("value").asText())
                .isEqualTo("(555) 301-9999");

        // an update without a family name is refused and changes nothing
        ObjectNode nameless = changed.deepCopy();
        ((ObjectNode) nameless.withArray("name").get(0)).remove("family");
        Response refused = putFhir("frontdesk", "/fhir/Patient/" + id, nameless.toString());
        assertThat(refused.status()).isEqualTo(422);
        assertOperationOutcome(refused);
        assertThat(refused.json().path("issue").get(0).path("expression").get(0).asText())
                .isEqualTo("Patient.name.family");
        assertThat(patients.findById(Long.parseLong(id)).orElseThrow().getFamilyName()).isEqualTo(family);

        // an update whose id is not the URL's is refused
        assertThat(putFhir("frontdesk", "/fhir/Patient/" + (Long.parseLong(id) + 100000), changed.toString())
                .status()).isEqualTo(400);
        ObjectNode withoutId = changed.deepCopy();
        withoutId.remove("id");
        assertThat(putFhir("frontdesk", "/fhir/Patient/" + id, withoutId.toString()).status()).isEqualTo(400);
        // every read is audited
        assertThat(auditEvents.findByPatientIdOrderByIdAsc(Long.parseLong(id)))
                .extracting(AuditEvent::getAction).contains("PATIENT_CREATE", "PATIENT_READ",
                        "PATIENT_SEARCH_RESULT", "PATIENT_UPDATE");
    }

    private List<String> ids(Response bundle) {
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        assertThat(bundle.json().path("resourceType").asText()).isEqualTo("Bundle");
        List<String> ids = new ArrayList<>();
        bundle.json().path("entry").forEach(entry -> ids.add(entry.path("resource").path("id").asText()));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "patient-example.json,                  Chalmers,      Peter James, 1974-12-25, (03) 3410 5613",
            "patient-example-f001-pieter.json,      van de Heuvel, Pieter,      1944-11-17, 0648352638",
            "patient-example-f201-roel.json,        Bor,           Roel,        1960-03-13, +31201234567",
            "patient-example-xds.json,              Doe,           John,        1956-05-27, ",
            "patient-contained-and-extensions.json, Shaw,          Amy V.,      1987-02-20, 555-555-5555",
    })
    void publishedExamplePatientsAreAccepted(String file, String family, String given, String birthDate, String phone) {
        Response created = postFhir("frontdesk", "/fhir/Patient", resource(file));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        Patient stored = patients.findById(id).orElseThrow();
        assertThat(stored.getFamilyName()).isEqualTo(family);
        assertThat(stored.getGivenName()).isEqualTo(given);
        assertThat(stored.getBirthDate()).isEqualTo(LocalDate.parse(birthDate));
        assertThat(stored.getPhone()).isEqualTo(phone);
        // our MRN, never the example's identifier
        assertThat(stored.getMrn()).startsWith(PatientRecords.MRN_PREFIX);
    }

    @Test
    void examplesKeepWhatTheRecordHasFieldsFor() {
        Response pieter = postFhir("frontdesk", "/fhir/Patient", resource("patient-example-f001-pieter.json"));
        Patient dutch = patients.findById(pieter.json().path("id").asLong()).orElseThrow();
        assertThat(dutch.getPreferredLanguage()).isEqualTo("nl");
        assertThat(dutch.getEmail()).isEqualTo("p.heuvel@gmail.com");
        assertThat(dutch.getEmergencyContactName()).isEqualTo("Sarah Abels");
        assertThat(dutch.getEmergencyContactPhone()).isEqualTo("0690383372");
        assertThat(dutch.getPostalCode()).isEqualTo("1024 RJ");

        Response amy = postFhir("frontdesk", "/fhir/Patient", resource("patient-contained-and-extensions.json"));
        Patient shaw = patients.findById(amy.json().path("id").asLong()).orElseThrow();
        assertThat(shaw.getAddressLine1()).isEqualTo("49 Meadow St, Apt 2");
        assertThat(shaw.getPreferredLanguage()).isEqualTo("es");
        assertThat(shaw.isInterpreterNeeded()).isTrue();

        Response peter = postFhir("frontdesk", "/fhir/Patient", resource("patient-example.json"));
        Patient chalmers = patients.findById(peter.json().path("id").asLong()).orElseThrow();
        assertThat(chalmers.getEmergencyContactName()).isEqualTo("Bénédicte du Marché");
        assertThat(chalmers.getEmergencyContactRelationship()).isEqualTo("Next-of-Kin");
        assertThat(chalmers.getCity()).isEqualTo("PleasantVille");
    }

    @Test
    void xmlIsAcceptedAndCheckedAsStrictly() {
        String family = unique("Xmlson");
        Response created = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/fhir/Patient")))
                .header("Content-Type", "application/fhir+xml").header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        <Patient xmlns="http://hl7.org/fhir">
                          <name><use value="official"/><family value="%s"/><given value="Ines"/></name>
                          <gender value="female"/><birthDate value="1966-10-10"/>
                        </Patient>""".formatted(family))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(patients.findById(created.json().path("id").asLong()).orElseThrow().getFamilyName())
                .isEqualTo(family);

        long before = patients.count();
        Response refused = send("frontdesk", HttpRequest.newBuilder(URI.create(url("/fhir/Patient")))
                .header("Content-Type", "application/fhir+xml").header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        <Patient xmlns="http://hl7.org/fhir">
                          <name><family value="Doe"/><given value="Jo"/></name><gender value="Qzxvmarker"/>
                        </Patient>""")));
        assertThat(refused.status()).isEqualTo(400);
        assertOperationOutcome(refused);
        assertThat(refused.body()).contains("gender").doesNotContain("Qzxvmarker");
        assertThat(patients.count()).isEqualTo(before);
    }

    @Test
    void aPatientWithoutFamilyNameIsRefusedWith422() {
        long before = patients.count();
        Response response = postFhir("frontdesk", "/fhir/Patient", resource("patient-example-animal.json"));
        assertThat(response.status()).isEqualTo(422);
        assertOperationOutcome(response);
        assertThat(response.json().path("issue").get(0).path("diagnostics").asText()).contains("family name");
        assertThat(response.json().path("issue").get(0).path("expression").get(0).asText())
                .isEqualTo("Patient.name.family");
        assertThat(patients.count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON            | 400 | {"resourceType": "Patient", "name": [{"family": "Qzxvmarker"  | well-formed
            unknown element           | 400 | {"resourceType": "Patient", "favouriteColour": "Qzxvmarker", "name": [{"family": "Doe", "given": ["Jo"]}]} | favouriteColour
            invalid gender            | 400 | {"resourceType": "Patient", "gender": "Qzxvmarker", "name": [{"family": "Doe", "given": ["Jo"]}]} | gender
            birth date not a date     | 400 | {"resourceType": "Patient", "birthDate": "Qzxvmarker", "name": [{"family": "Doe", "given": ["Jo"]}]} | birthDate
            birth date in the future  | 422 | {"resourceType": "Patient", "birthDate": "2999-01-01", "name": [{"family": "Qzxvmarker", "given": ["Jo"]}]} | future
            birth date without a day  | 422 | {"resourceType": "Patient", "birthDate": "1970-05", "name": [{"family": "Qzxvmarker", "given": ["Jo"]}]} | birthDate
            no given name             | 422 | {"resourceType": "Patient", "name": [{"family": "Qzxvmarker"}]} | given name
            not a Patient             | 400 | {"resourceType": "Observation", "status": "final", "code": {"text": "Qzxvmarker"}} | Patient resource
            unknown modifier extension| 422 | {"resourceType": "Patient", "modifierExtension": [{"url": "http://example.org/x", "valueBoolean": true}], "name": [{"family": "Qzxvmarker", "given": ["Jo"]}]} | modifierExtension
            name longer than 200      | 422 | {"resourceType": "Patient", "name": [{"family": "Qzxvmarker%s", "given": ["Jo"]}]} | 200 characters
            empty body                | 400 |  | no body
            """)
    void invalidInputIsRefusedWithAnOperationOutcomeAndStoresNothing(String name, int status, String body,
                                                                     String expected, CapturedOutput output) {
        long before = patients.count();
        String payload = body == null ? "" : body.replace("%s", "x".repeat(300));
        Response response = postFhir("frontdesk", "/fhir/Patient", payload);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertOperationOutcome(response);
        assertThat(response.json().path("issue").get(0).path("diagnostics").asText()).as(name).contains(expected);
        // never a submitted value in the answer or the log
        assertThat(response.body()).doesNotContain("Qzxvmarker");
        assertThat(output.getAll()).doesNotContain("Qzxvmarker");
        assertThat(patients.count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "analyst,     GET,  /fhir/Patient/1,              403",
            "analyst,     GET,  /fhir/metadata,               403",
            "anonymous,   GET,  /fhir/Patient/1,              401",
            "nurse,       GET,  /fhir/Patient/1,              200",
            "compliance,  GET,  /fhir/Patient/1,              200",
            "admin,       GET,  /fhir/Patient/1,              200",
            "integration, GET,  /fhir/Patient/1,              200",
            "frontdesk,   GET,  /fhir/metadata,               200",
            "nurse,       POST, /fhir/Patient,                403",
            "compliance,  POST, /fhir/Patient,                403",
            "analyst,     POST, /fhir/Patient,                403",
            "anonymous,   POST, /fhir/Patient,                401",
            "admin,       POST, /fhir/Patient,                201",
            "integration, POST, /fhir/Patient,                201",
            // operations we do not offer at all: HAPI's 400, whatever the role
            "frontdesk,   POST, /fhir/Consent,                400",
            "frontdesk,   GET,  /fhir/Patient/999999999,      404",
            "frontdesk,   GET,  /fhir/Patient/abc,            404",
            "frontdesk,   GET,  /fhir/Observation/1,          404",
            // the audit trail: compliance and administrators only
            "compliance,  GET,  /fhir/AuditEvent?agent=nurse, 200",
            "admin,       GET,  /fhir/AuditEvent?agent=nurse, 200",
            "frontdesk,   GET,  /fhir/AuditEvent?agent=nurse, 403",
            "nurse,       GET,  /fhir/AuditEvent?agent=nurse, 403",
            "integration, GET,  /fhir/AuditEvent?agent=nurse, 403",
            "analyst,     GET,  /fhir/AuditEvent?agent=nurse, 403",
            "admin,       GET,  /ehr-sandbox/fhir/Patient/1001, 403",
            "integration, GET,  /ehr-sandbox/fhir/Patient/1001, 200",
    })
    void eachRoleGetsWhatItMay(String user, String method, String path, int expected) {
        String who = "anonymous".equals(user) ? null : user;
        Response response = "GET".equals(method) ? getFhir(who, path)
                : postFhir(who, path, path.endsWith("Consent") ? "{\"resourceType\":\"Consent\"}"
                        : patientJson("Rhea", unique("Rolecheck"), "1970-01-01", "female", "(555) 401-0000"));
        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertOperationOutcome(response);
        }
        if (expected == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    @Test
    void consentsOfAPatientAreSearchedByPatientAndAudited() {
        long patientId = transaction.execute(status -> {
            Patient patient = patientRecords.create(Map.of("givenName", "Cora", "familyName", unique("Consentia"),
                    "birthDate", LocalDate.of(1979, 4, 2)));
            consents.grant(patient.getId(), new Consents.Grant(ConsentType.TREATMENT, null, null, "Cora", "self"),
                    null, "frontdesk");
            consents.grant(patient.getId(), new Consents.Grant(ConsentType.CONTACT_SMS, null, null, "Cora", "self"),
                    null, "frontdesk");
            consents.revoke(patient.getId(), ConsentType.CONTACT_SMS, "asked to stop", "frontdesk");
            return patient.getId();
        });

        Response bundle = getFhir("nurse", "/fhir/Consent?patient=Patient/" + patientId);
        assertThat(bundle.status()).as(bundle.body()).isEqualTo(200);
        Map<String, String> statusByType = new LinkedHashMap<>();
        for (JsonNode entry : bundle.json().path("entry")) {
            JsonNode consent = entry.path("resource");
            assertThat(consent.path("patient").path("reference").asText()).isEqualTo("Patient/" + patientId);
            assertThat(consent.path("scope").path("coding").get(0).path("system").asText())
                    .isEqualTo("http://terminology.hl7.org/CodeSystem/consentscope");
            String type = null;
            for (JsonNode category : consent.path("category")) {
                if (category.path("coding").get(0).path("system").asText().endsWith("consent-type")) {
                    type = category.path("coding").get(0).path("code").asText();
                }
            }
            statusByType.put(type, consent.path("status").asText());
        }
        assertThat(statusByType).containsEntry("TREATMENT", "active").containsEntry("CONTACT_SMS", "inactive")
                .hasSize(2);

        String consentId = bundle.json().path("entry").get(0).path("resource").path("id").asText();
        Response one = getFhir("compliance", "/fhir/Consent/" + consentId);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("provision").path("period").path("start").asText()).isNotBlank();
        assertThat(getFhir("frontdesk", "/fhir/Consent?patient=Patient/999999999").json().path("entry").size())
                .isZero();
        assertThat(auditEvents.findByPatientIdOrderByIdAsc(patientId)).extracting(AuditEvent::getAction)
                .contains("CONSENT_READ");
    }

    @Test
    void aDocumentReferenceCarriesThePdfAndBinaryServesItsBytes() throws Exception {
        byte[] pdf = ("%PDF-1.4\n% a stand-in document for the FHIR API test " + System.nanoTime() + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        long[] ids = transaction.execute(status -> {
            Patient patient = patientRecords.create(Map.of("givenName", "Dov", "familyName", unique("Documento")));
            Document document = documents.storePdf("SIGNED_CONSENTS", "Signed consents " + patient.getMrn(), pdf,
                    patient.getId(), null, "frontdesk", false);
            return new long[] {patient.getId(), document.getId()};
        });
        long clinical = transaction.execute(status -> documents.storePdf("INTAKE_PACKET", "Intake packet", pdf, ids[0],
                null, "frontdesk", true).getId());
        // a clinical document (the health history in it) is for nurses: the front desk is refused, naming why
        Response refused = getFhir("frontdesk", "/fhir/DocumentReference/" + clinical);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("OperationOutcome", "clinical history is for nurses");
        assertThat(getFhir("nurse", "/fhir/DocumentReference/" + clinical).status()).isEqualTo(200);

        Response read = getFhir("frontdesk", "/fhir/DocumentReference/" + ids[1]);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode attachment = read.json().path("content").get(0).path("attachment");
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(Base64.getDecoder().decode(attachment.path("data").asText())).isEqualTo(pdf);
        assertThat(Base64.getDecoder().decode(attachment.path("hash").asText()))
                .isEqualTo(MessageDigest.getInstance("SHA-1").digest(pdf));
        assertThat(attachment.path("size").asInt()).isEqualTo(pdf.length);
        assertThat(read.json().path("subject").path("reference").asText()).isEqualTo("Patient/" + ids[0]);

        Response list = getFhir("nurse", "/fhir/DocumentReference?patient=" + ids[0]);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("entry")).hasSize(2);
        assertThat(list.json().path("entry")).extracting(e -> e.path("resource").path("content").get(0)
                .path("attachment").path("url").asText()).containsExactlyInAnyOrder("Binary/" + ids[1], "Binary/" + clinical);

        HttpResponse<byte[]> binary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/fhir/Binary/" + ids[1])))
                .header("Authorization", basic("compliance", PASSWORD)).header("Accept", "application/pdf").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(binary.statusCode()).isEqualTo(200);
        assertThat(binary.body()).isEqualTo(pdf);
        Response binaryResource = getFhir("compliance", "/fhir/Binary/" + ids[1]);
        assertThat(binaryResource.status()).isEqualTo(200);
        assertThat(binaryResource.json().path("resourceType").asText()).isEqualTo("Binary");
        assertThat(Base64.getDecoder().decode(binaryResource.json().path("data").asText())).isEqualTo(pdf);

        // documents are for the roles that read documents: not the integration account
        Response integration = getFhir("integration", "/fhir/DocumentReference/" + ids[1]);
        assertThat(integration.status()).isEqualTo(403);
        assertOperationOutcome(integration);
        assertThat(auditEvents.findByPatientIdOrderByIdAsc(ids[0])).extracting(AuditEvent::getAction)
                .contains("DOCUMENT_READ", "DOCUMENT_LIST");
    }

    @Test
    void theCapabilityStatementListsOurResources() {
        Response response = getFhir("frontdesk", "/fhir/metadata");
        assertThat(response.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        response.json().path("rest").get(0).path("resource").forEach(r -> types.add(r.path("type").asText()));
        assertThat(types).contains("Patient", "Consent", "DocumentReference", "Binary", "AuditEvent");
    }
}
