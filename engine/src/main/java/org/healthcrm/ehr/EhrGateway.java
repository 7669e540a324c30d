package org.healthcrm.ehr;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PreferReturnEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.consent.Consent;
import org.healthcrm.consent.Consents;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.patient.Coverage;
import org.healthcrm.patient.Coverages;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.platform.NotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends registrations and consent revocations to the EHR over FHIR R4 (HAPI FHIR's generic client, HTTP Basic).
 *
 * <p>A registration is one FHIR {@code transaction}: the patient (unless the EHR already has it: see
 * {@link #linkedOrFound}), the coverage, the intake packet as a DocumentReference and each consent, created
 * together or not at all, each a conditional create ({@code ifNoneExist}) on our identifier for it (the MRN, or
 * {@code healthcrm.ehr.record-system} with {@code coverage-<id>}, {@code document-<id>}, {@code consent-<id>}).
 * What the EHR accepted is then linked (our patient's EHR id, our coverage's, the document's, each consent's) in one
 * committed database transaction, and a later try sends only what has no link yet.
 *
 * <p>Safe to repeat: a push that fails (connection refused, 5xx, timeout) throws, the engine retries the job on the
 * EHR back-off, and the retry sends what is not linked yet. Even when the EHR applied a transaction whose answer
 * never arrived, the retry's conditional creates find what it created and nothing is duplicated.
 *
 * <p>Runs on the job executor as the system, with no HTTP call inside a database transaction. Logs and exception
 * messages carry internal ids and HTTP statuses only.
 */
@Service
public class EhrGateway {

    private static final Logger log = LoggerFactory.getLogger(EhrGateway.class);
    private static final int SEARCH_COUNT = 10;

    private final EhrSettings settings;
    private final Environment environment;
    private final PatientRepository patients;
    private final PatientRecords patientRecords;
    private final Coverages coverages;
    private final Consents consents;
    private final DocumentStore documents;
    private final AuditTrail audit;
    private final TransactionTemplate newTransaction;
    private volatile boolean clientFactoryConfigured;

    public EhrGateway(EhrSettings settings, Environment environment, PatientRepository patients,
                      PatientRecords patientRecords, Coverages coverages, Consents consents, DocumentStore documents,
                      AuditTrail audit, PlatformTransactionManager transactionManager) {
        this.settings = settings;
        this.environment = environment;
        this.patients = patients;
        this.patientRecords = patientRecords;
        this.coverages = coverages;
        this.consents = consents;
        this.documents = documents;
        this.audit = audit;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The patient (found in the EHR by our MRN, else by family name, given name and birth date, else created), the
     * coverage in force, the intake packet as a DocumentReference, and every consent of the patient the EHR does not
     * have yet: what is not linked yet in one FHIR transaction.
     */
    public void pushRegistration(long patientId, long packetDocumentId) {
        IGenericClient ehr = client();
        Patient patient = patient(patientId);
        Registration registration = new Registration(patientId);

        Reference subject = linkedOrFound(ehr, patient).map(id -> new Reference("Patient/" + id))
                .orElseGet(() -> registration.add(FhirResources.patient(patient, settings.getMrnSystem()),
                        FhirResources.mrn(settings.getMrnSystem(), patient.getMrn()),
                        id -> patientRecords.linkToEhr(patientId, id)));

        Coverage coverage = coverages.active(patientId).orElse(null);
        if (coverage != null && coverage.getEhrCoverageId() == null) {
            Identifier record = recordId("coverage", coverage.getId());
            registration.add(FhirResources.coverage(coverage, subject).addIdentifier(record), record,
                    id -> coverages.linkToEhr(patientId, coverage.getId(), id));
        }

        Document packet = documentOf(patientId, packetDocumentId);
        Identifier packetRecord = recordId("document", packet.getId());
        Reference packetReference = packet.getEhrDocumentReferenceId() != null
                ? new Reference("DocumentReference/" + packet.getEhrDocumentReferenceId())
                : registration.add(FhirResources.documentReference(packet, subject).addIdentifier(packetRecord),
                        packetRecord, id -> linkDocument(packet, id));

        for (Consent consent : consents.of(patientId)) {
            if (consent.getEhrConsentId() != null) {
                continue;
            }
            // signed at this intake: the packet sent with it holds the signatures (the local "Signed consents"
            // document is the same packet without its clinical sections)
            Reference source = consent.getDocumentId() != null ? packetReference.copy() : null;
            Identifier record = recordId("consent", consent.getId());
            registration.add(FhirResources.consent(consent, consents.statusNow(consent), subject, source)
                    .addIdentifier(record), record, id -> consents.linkToEhr(patientId, consent.getId(), id));
        }

        if (registration.isEmpty()) {
            log.info("EHR: registration of patient {} was sent already", patientId);
            return;
        }
        List<String> ids = send(ehr, registration, "registration transaction");
        log.info("EHR: registration of patient {} sent ({} resources)", patientId, ids.size());
    }

    /**
     * Sends a transaction and links what the EHR named, in a committed transaction of our own; the EHR's ids in the
     * order of the entries. A conditional create that matches more than one resource is refused by the EHR (412),
     * reported as such.
     */
    private List<String> send(IGenericClient ehr, Registration registration, String operation) {
        long patientId = registration.patientId;
        Bundle answer;
        try {
            answer = call(operation, patientId, () -> ehr.transaction()
                    .withBundle(registration.bundle).withAdditionalHeader("Prefer", "return=minimal").execute());
        } catch (EhrException e) {
            if (e.status() == 412) {
                throw new EhrException("The EHR has more than one resource with one of our identifiers for patient "
                        + patientId + " (its MRN, or a record id of ours): the EHR must merge them before the push "
                        + "can go on");
            }
            throw e;
        }
        List<String> ids = registration.idsIn(answer);
        inNewTransaction(() -> registration.link(ids));
        return ids;
    }

    /**
     * A registration's transaction as it is built: each entry with a temporary {@code urn:uuid} the others refer to,
     * and what to link once the EHR has named its id.
     */
    private static final class Registration {
        private final long patientId;
        private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        private final List<Consumer<String>> links = new ArrayList<>();

        Registration(long patientId) {
            this.patientId = patientId;
        }

        /**
         * Adds a create conditional on the resource's identifier {@code key} (none yet with it); returns a reference
         * to the resource for the other entries.
         */
        Reference add(Resource resource, Identifier key, Consumer<String> link) {
            String fullUrl = "urn:uuid:" + UUID.randomUUID();
            String token = URLEncoder.encode(key.getSystem() + "|" + key.getValue(), StandardCharsets.UTF_8);
            bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                    .setMethod(Bundle.HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist("identifier=" + token);
            links.add(link);
            return new Reference(fullUrl);
        }

        boolean isEmpty() {
            return links.isEmpty();
        }

        /** The EHR's id of each entry, in the order sent (a transaction response answers entry by entry). */
        List<String> idsIn(Bundle answer) {
            if (answer == null || answer.getEntry().size() != bundle.getEntry().size()) {
                throw new EhrException("The EHR answered the registration transaction of patient " + patientId
                        + " with " + (answer == null ? 0 : answer.getEntry().size()) + " entries for "
                        + bundle.getEntry().size() + " sent");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < answer.getEntry().size(); i++) {
                String location = answer.getEntry().get(i).getResponse().getLocation();
                IdType id = location == null || location.isBlank() ? null : new IdType(location);
                String type = bundle.getEntry().get(i).getResource().fhirType();
                if (id == null || !id.hasIdPart() || id.hasResourceType() && !type.equals(id.getResourceType())) {
                    throw new EhrException("The EHR accepted a " + type + " for patient " + patientId
                            + " but named no id for it");
                }
                ids.add(id.getIdPart());
            }
            return ids;
        }

        void link(List<String> ids) {
            for (int i = 0; i < ids.size(); i++) {
                links.get(i).accept(ids.get(i));
            }
        }
    }

    /** Our identifier of one of our records in the EHR: {@code healthcrm.ehr.record-system}, {@code <kind>-<id>}. */
    private Identifier recordId(String kind, long id) {
        return new Identifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(settings.getRecordSystem())
                .setValue(kind + "-" + id);
    }

    /**
     * Each revoked consent becomes inactive in the EHR (created there, inactive, if it was never sent), then the
     * revocation PDF is attached to the patient as a DocumentReference.
     */
    public void pushRevocation(long patientId, List<Long> consentIds, long revocationDocumentId) {
        IGenericClient ehr = client();
        Reference patient = new Reference("Patient/" + ensurePatient(ehr, patientId));

        for (long consentId : consentIds) {
            Consent consent = consents.find(consentId);
            if (consent.getPatientId() != patientId) {
                throw new IllegalArgumentException("Consent " + consentId + " is not one of patient " + patientId);
            }
            Consent.Status status = consents.statusNow(consent);
            if (consent.getEhrConsentId() == null) {
                String id = create(ehr, FhirResources.consent(consent, status, patient, null)
                        .addIdentifier(recordId("consent", consentId)), patientId);
                inNewTransaction(() -> consents.linkToEhr(patientId, consentId, id));
                continue;
            }
            String ehrId = consent.getEhrConsentId();
            org.hl7.fhir.r4.model.Consent current = call("read Consent", patientId, () -> ehr.read()
                    .resource(org.hl7.fhir.r4.model.Consent.class).withId(ehrId).execute());
            if (status != Consent.Status.ACTIVE) {
                current.setStatus(org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
            }
            if (consent.getRevokedAt() != null) {
                current.getProvision().getPeriod().setEnd(java.util.Date.from(consent.getRevokedAt()));
            }
            current.setId(ehrId);
            call("update Consent", patientId, () -> ehr.update().resource(current).execute());
            inNewTransaction(() -> audit.change("CONSENT_EHR_UPDATE", patientId, "Consent", Long.toString(consentId),
                    "status"));
        }

        ensureDocument(ehr, patientId, revocationDocumentId, patient);
        log.info("EHR: revocation of {} consent(s) of patient {} sent", consentIds.size(), patientId);
    }

    /**
     * The EHR id of our patient: the stored link, or found now, or created (conditionally on our MRN, as in a
     * registration), and stored.
     */
    private String ensurePatient(IGenericClient ehr, long patientId) {
        Patient patient = patient(patientId);
        Optional<String> found = linkedOrFound(ehr, patient);
        if (found.isPresent()) {
            return found.get();
        }
        Registration registration = new Registration(patientId);
        registration.add(FhirResources.patient(patient, settings.getMrnSystem()),
                FhirResources.mrn(settings.getMrnSystem(), patient.getMrn()),
                id -> patientRecords.linkToEhr(patientId, id));
        String ehrId = send(ehr, registration, "create Patient").get(0);
        log.info("EHR: patient {} linked to EHR patient {} (created, or found by MRN)", patientId, ehrId);
        return ehrId;
    }

    private Patient patient(long patientId) {
        return patients.findById(patientId).orElseThrow(() -> new NotFoundException("No patient with id " + patientId));
    }

    /**
     * The EHR id of our patient: the stored link, or found now and stored; empty when nobody in the EHR has the
     * patient's name and birth date, for the caller to create the patient conditionally on our MRN.
     *
     * <p>Our MRN decides over name and birth date: an EHR patient that holds it is ours whatever its name. It is
     * searched for only when the name and birth date found someone. Otherwise the caller's conditional create
     * ({@code ifNoneExist} on the MRN) does that search in the EHR: it takes the patient that holds the MRN (after a
     * push whose answer was lost, say) and creates one only when none does. A new patient's registration is so one
     * search and one transaction.
     */
    private Optional<String> linkedOrFound(IGenericClient ehr, Patient patient) {
        long patientId = patient.getId();
        if (patient.getEhrPatientId() != null) {
            return Optional.of(patient.getEhrPatientId());
        }
        List<org.hl7.fhir.r4.model.Patient> byName = patient.getBirthDate() == null ? List.of()
                : search(ehr, org.hl7.fhir.r4.model.Patient.class, "find Patient by name and birth date", patientId, () -> ehr.search()
                        .forResource(org.hl7.fhir.r4.model.Patient.class)
                        .where(org.hl7.fhir.r4.model.Patient.FAMILY.matches().value(patient.getFamilyName()))
                        .and(org.hl7.fhir.r4.model.Patient.GIVEN.matches().value(patient.getGivenName()))
                        .and(org.hl7.fhir.r4.model.Patient.BIRTHDATE.exactly().day(patient.getBirthDate().toString()))
                        .count(SEARCH_COUNT).returnBundle(Bundle.class).execute())
                .stream().filter(candidate -> samePerson(candidate, patient)).toList();
        if (byName.isEmpty()) {
            return Optional.empty();
        }
        List<org.hl7.fhir.r4.model.Patient> byMrn = search(ehr, org.hl7.fhir.r4.model.Patient.class, "find Patient by MRN", patientId, () -> ehr.search()
                .forResource(org.hl7.fhir.r4.model.Patient.class)
                .where(org.hl7.fhir.r4.model.Patient.IDENTIFIER.exactly()
                        .systemAndIdentifier(settings.getMrnSystem(), patient.getMrn()))
                .count(SEARCH_COUNT).returnBundle(Bundle.class).execute());
        if (byMrn.size() > 1) {
            throw new EhrException("The EHR has " + byMrn.size() + " patients with the MRN of patient " + patientId
                    + " (EHR ids " + ids(byMrn) + "): the EHR must merge them before the push can go on");
        }
        String how;
        String ehrId;
        if (byMrn.size() == 1) {
            ehrId = byMrn.get(0).getIdElement().getIdPart();
            how = "by MRN";
        } else if (byName.size() > 1) {
            throw new EhrException("The EHR has " + byName.size() + " patients with the name and birth date of "
                    + "patient " + patientId + " (EHR ids " + ids(byName) + "): add our MRN to the right one in "
                    + "the EHR, then retry");
        } else {
            ehrId = byName.get(0).getIdElement().getIdPart();
            how = "by name and birth date";
        }
        inNewTransaction(() -> patientRecords.linkToEhr(patientId, ehrId));
        log.info("EHR: patient {} linked to EHR patient {} ({})", patientId, ehrId, how);
        return Optional.of(ehrId);
    }

    /** The EHR id of the DocumentReference carrying the document: the stored link, or created now and stored. */
    private String ensureDocument(IGenericClient ehr, long patientId, long documentId, Reference patient) {
        Document document = documentOf(patientId, documentId);
        if (document.getEhrDocumentReferenceId() != null) {
            return document.getEhrDocumentReferenceId();
        }
        String id = create(ehr, FhirResources.documentReference(document, patient)
                .addIdentifier(recordId("document", documentId)), patientId);
        inNewTransaction(() -> linkDocument(document, id));
        return id;
    }

    private Document documentOf(long patientId, long documentId) {
        Document document = documents.readForIntegration(documentId);
        if (document.getPatientId() == null || document.getPatientId() != patientId) {
            throw new IllegalArgumentException("Document " + documentId + " is not one of patient " + patientId);
        }
        return document;
    }

    private void linkDocument(Document document, String ehrId) {
        documents.linkToEhr(document.getPatientId(), document.getId(), ehrId);
        audit.change("DOCUMENT_EHR_LINK", document.getPatientId(), "Document", Long.toString(document.getId()),
                document.getType());
    }

    private static boolean samePerson(org.hl7.fhir.r4.model.Patient candidate, Patient patient) {
        if (!candidate.hasBirthDate() || !patient.getBirthDate().toString()
                .equals(candidate.getBirthDateElement().getValueAsString())) {
            return false;
        }
        String family = FhirResources.normalizedName(patient.getFamilyName());
        String given = FhirResources.normalizedName(patient.getGivenName());
        for (HumanName name : candidate.getName()) {
            if (!family.equals(FhirResources.normalizedName(name.getFamily()))) {
                continue;
            }
            List<String> givens = name.getGiven().stream().map(StringType::getValue)
                    .map(FhirResources::normalizedName).toList();
            if (givens.contains(given) || String.join(" ", givens).equals(given)) {
                return true;
            }
        }
        return false;
    }

    private static String ids(List<? extends Resource> resources) {
        return String.join(", ", resources.stream().map(r -> r.getIdElement().getIdPart()).toList());
    }

    private String create(IGenericClient ehr, Resource resource, long patientId) {
        String type = resource.fhirType();
        // return=minimal: the id is in the Location header; the EHR need not send back what we just sent it
        // (for the intake packet, the whole PDF again)
        MethodOutcome outcome = call("create " + type, patientId, () -> ehr.create().resource(resource)
                .prefer(PreferReturnEnum.MINIMAL).execute());
        IIdType id = outcome.getId();
        if (id == null || !id.hasIdPart()) {
            throw new EhrException("The EHR accepted a " + type + " for patient " + patientId + " but named no id");
        }
        return id.getIdPart();
    }

    /** The matches of a search (first page only: more than a few is ambiguous anyway). */
    private <T extends Resource> List<T> search(IGenericClient ehr, Class<T> type, String operation, long patientId,
                                                Supplier<Bundle> search) {
        Bundle bundle = call(operation, patientId, search);
        List<T> found = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (type.isInstance(entry.getResource()) && (!entry.hasSearch()
                    || entry.getSearch().getMode() != Bundle.SearchEntryMode.INCLUDE)) {
                found.add(type.cast(entry.getResource()));
            }
        }
        return found;
    }

    /** One EHR call; any failure becomes an {@link EhrException} naming the call, the patient id and the status. */
    private <T> T call(String operation, long patientId, Supplier<T> call) {
        try {
            return call.get();
        } catch (BaseServerResponseException e) {
            String outcome = e.getStatusCode() > 0 ? "HTTP " + e.getStatusCode()
                    : "no answer (" + rootCause(e).getClass().getSimpleName() + ")";
            log.warn("EHR: '{}' for patient {} failed: {}", operation, patientId, outcome);
            throw new EhrException("EHR call '" + operation + "' for patient " + patientId + " failed: " + outcome,
                    Math.max(0, e.getStatusCode()));
        } catch (DataFormatException e) {
            log.warn("EHR: '{}' for patient {} failed: the answer is not valid FHIR", operation, patientId);
            throw new EhrException("EHR call '" + operation + "' for patient " + patientId
                    + " failed: the answer is not valid FHIR");
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private void inNewTransaction(Runnable work) {
        newTransaction.executeWithoutResult(status -> work.run());
    }

    /** A client for the configured EHR; the base URL's placeholders are resolved now (the sandbox's port). */
    private IGenericClient client() {
        String configured = settings.getBaseUrl();
        if (configured == null || configured.isBlank()) {
            throw new EhrException("The EHR base URL is not configured: set healthcrm.ehr.base-url "
                    + "(environment HEALTHCRM_EHR_BASE_URL)");
        }
        String baseUrl;
        try {
            baseUrl = environment.resolveRequiredPlaceholders(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new EhrException("healthcrm.ehr.base-url cannot be resolved yet: " + e.getMessage());
        }
        IGenericClient client = context().newRestfulGenericClient(baseUrl);
        if (settings.getUsername() != null && !settings.getUsername().isBlank()) {
            client.registerInterceptor(new BasicAuthInterceptor(settings.getUsername(),
                    settings.getPassword() == null ? "" : settings.getPassword()));
        }
        return client;
    }

    private FhirContext context() {
        FhirContext context = FhirContext.forR4Cached();
        if (!clientFactoryConfigured) {
            synchronized (this) {
                if (!clientFactoryConfigured) {
                    IRestfulClientFactory factory = context.getRestfulClientFactory();
                    int timeout = (int) Math.min(Integer.MAX_VALUE, settings.getTimeout().toMillis());
                    factory.setConnectTimeout(timeout);
                    factory.setConnectionRequestTimeout(timeout);
                    factory.setSocketTimeout(timeout);
                    // no CapabilityStatement round trip before the first call: it would need its own retry story
                    factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
                    clientFactoryConfigured = true;
                }
            }
        }
        return context;
    }
}
