package org.healthcrm.ehr.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;

/**
 * An EHR stand-in for demos and tests: a real FHIR R4 server (HAPI FHIR plain server) in this process, at
 * {@code /ehr-sandbox/fhir}, keeping Patient, Coverage, Consent and DocumentReference in memory (gone at restart).
 * It starts with a few patients of its own, among them Henry Walker born 1947-01-21, the demo patient D000005, whom
 * the EHR push links by name and birth date (a second Henry Walker with another birth date shows that the name alone
 * is not enough). {@link #setAvailable(boolean) setAvailable(false)} simulates an outage: every request gets 503.
 */
public class EhrSandbox {

    /** The sandbox EHR's own MRNs (not ours: our MRN system is healthcrm.ehr.mrn-system). */
    public static final String EHR_MRN_SYSTEM = "urn:oid:2.16.840.1.113883.3.9999.99";

    private final SandboxStore<Patient> patients = new SandboxStore<>("Patient", 1001);
    private final SandboxStore<Coverage> coverages = new SandboxStore<>("Coverage", 5001);
    private final SandboxStore<Consent> consents = new SandboxStore<>("Consent", 7001);
    private final SandboxStore<DocumentReference> documents = new SandboxStore<>("DocumentReference", 9001);
    private volatile boolean available = true;
    /** Requests still served before an outage begins; negative: no outage planned. */
    private final AtomicInteger servedBeforeOutage = new AtomicInteger(-1);
    private final AtomicBoolean loseNextTransactionAnswer = new AtomicBoolean();

    public EhrSandbox() {
        seed();
    }

    /** Forgets everything received, back to the seeded patients (with new ids): for a benchmark's next round. */
    public synchronized void reset() {
        List.of(patients, coverages, consents, documents).forEach(SandboxStore::clear);
        seed();
    }

    private void seed() {
        seed("Rosa", "Delgado", "1962-04-03", AdministrativeGender.FEMALE, "E100001");
        seed("Samuel", "Okoro", "1978-10-12", AdministrativeGender.MALE, "E100002");
        seed("Ingrid", "Larsen", "1990-02-28", AdministrativeGender.FEMALE, "E100003");
        seed("Henry", "Walker", "1947-01-21", AdministrativeGender.MALE, "E100004");
        seed("Henry", "Walker", "1980-08-08", AdministrativeGender.MALE, "E100005");
    }

    private void seed(String given, String family, String birthDate, AdministrativeGender gender, String ehrMrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem(EHR_MRN_SYSTEM).setValue(ehrMrn);
        patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).addGiven(given);
        patient.setBirthDateElement(new DateType(birthDate));
        patient.setGender(gender);
        patients.create(patient);
    }

    /** False: every request is answered 503, as an EHR that is down. True: back up (and no outage planned). */
    public void setAvailable(boolean available) {
        servedBeforeOutage.set(-1);
        loseNextTransactionAnswer.set(false);
        this.available = available;
    }

    /** Serves the next {@code requests} requests, then goes down (as {@code setAvailable(false)}): a push half done. */
    public void failAfterRequests(int requests) {
        servedBeforeOutage.set(requests);
        this.available = true;
    }

    /**
     * The next transaction is applied but answered 503, as when the connection drops after the EHR committed: the
     * client must not create it all again when it retries.
     */
    public void loseAnswerToNextTransaction() {
        loseNextTransactionAnswer.set(true);
    }

    public boolean isAvailable() {
        return available;
    }

    /** Adds a patient as if the EHR had registered it; returns it with its id. */
    public Patient addPatient(Patient patient) {
        return patients.create(patient);
    }

    public Optional<Patient> patient(String id) {
        return patients.read(id);
    }

    public List<Patient> patients() {
        return patients.find(p -> true);
    }

    public Optional<Consent> consent(String id) {
        return consents.read(id);
    }

    public List<Coverage> coveragesOf(String patientId) {
        return coverages.find(SandboxStore.patientKey(patientId), c -> true);
    }

    public List<Consent> consentsOf(String patientId) {
        return consents.find(SandboxStore.patientKey(patientId), c -> true);
    }

    public List<DocumentReference> documentsOf(String patientId) {
        return documents.find(SandboxStore.patientKey(patientId), d -> true);
    }

    /** The FHIR server over this sandbox's stores. */
    RestfulServer server(FhirContext context) {
        RestfulServer server = new RestfulServer(context);
        server.setServerName("Health CRM EHR sandbox");
        server.setResourceProviders(List.of(new SandboxProviders.Patients(patients),
                new SandboxProviders.Coverages(coverages), new SandboxProviders.Consents(consents),
                new SandboxProviders.DocumentReferences(documents)));
        server.registerProvider(new SandboxProviders.Transactions(context,
                List.of(patients, coverages, consents, documents), loseNextTransactionAnswer));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.registerInterceptor(new Outage());
        return server;
    }

    @Interceptor
    final class Outage {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (available && servedBeforeOutage.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
                return true;
            }
            available = false;
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setContentType("application/fhir+json;charset=UTF-8");
            response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                    + "\"error\",\"code\":\"transient\",\"diagnostics\":\"The EHR sandbox is unavailable "
                    + "(simulated outage)\"}]}").getBytes(StandardCharsets.UTF_8));
            return false;
        }
    }
}
