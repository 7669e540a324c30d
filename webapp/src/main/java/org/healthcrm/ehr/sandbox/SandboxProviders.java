package org.healthcrm.ehr.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import org.healthcrm.ehr.FhirResources;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/** The sandbox's providers: create, read, update, the searches an EHR client needs, and transactions. */
final class SandboxProviders {

    private SandboxProviders() {
    }

    static MethodOutcome created(Resource resource) {
        MethodOutcome outcome = new MethodOutcome(resource.getIdElement(), true);
        outcome.setResource(resource);
        return outcome;
    }

    static MethodOutcome updated(Resource resource) {
        MethodOutcome outcome = new MethodOutcome(resource.getIdElement(), false);
        outcome.setResource(resource);
        return outcome;
    }

    static <T extends Resource> T found(SandboxStore<T> store, IdType id) {
        return store.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** Whether a reference names the patient of a {@code patient=} parameter ("Patient/7" or "7"). */
    static boolean refersTo(Reference reference, ReferenceParam patient) {
        if (reference == null || !reference.hasReference()) {
            return false;
        }
        IdType id = new IdType(reference.getReference());
        return "Patient".equals(id.getResourceType()) && id.getIdPart().equals(patient.getIdPart());
    }

    /** FHIR's default string search: the start of the value, ignoring case and accents. */
    static boolean startsWith(String value, StringParam param) {
        if (value == null) {
            return false;
        }
        String wanted = FhirResources.normalizedName(param.getValue());
        String actual = FhirResources.normalizedName(value);
        return param.isExact() ? value.equals(param.getValue()) : actual.startsWith(wanted);
    }

    static final class Patients implements IResourceProvider {
        private final SandboxStore<Patient> store;

        Patients(SandboxStore<Patient> store) {
            this.store = store;
        }

        @Override
        public Class<Patient> getResourceType() {
            return Patient.class;
        }

        @Read
        public Patient read(@IdParam IdType id) {
            return found(store, id);
        }

        @Create
        public MethodOutcome create(@ResourceParam Patient patient) {
            return created(store.create(patient));
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Patient patient) {
            return updated(store.update(id.getIdPart(), patient));
        }

        @Search
        public List<Patient> search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                    @OptionalParam(name = Patient.SP_FAMILY) StringParam family,
                                    @OptionalParam(name = Patient.SP_GIVEN) StringParam given,
                                    @OptionalParam(name = Patient.SP_BIRTHDATE) DateParam birthDate) {
            if (birthDate != null && birthDate.getPrefix() != null && birthDate.getPrefix() != ParamPrefixEnum.EQUAL) {
                throw new InvalidRequestException("The sandbox searches birthdate by one day only");
            }
            // through the index by identifier or birth date where the search has one; names (normalized) last
            String day = birthDate == null ? null : birthDate.getValueAsString();
            Predicate<Patient> matches = p -> (day == null || p.hasBirthDate()
                            && day.equals(p.getBirthDateElement().getValueAsString()))
                    && (identifier == null || p.getIdentifier().stream().anyMatch(i ->
                            (identifier.getSystem() == null || identifier.getSystem().equals(i.getSystem()))
                                    && identifier.getValue() != null && identifier.getValue().equals(i.getValue())))
                    && (family == null || p.getName().stream().anyMatch(n -> startsWith(n.getFamily(), family)))
                    && (given == null || p.getName().stream().flatMap(n -> n.getGiven().stream())
                            .map(StringType::getValue).anyMatch(g -> startsWith(g, given)));
            if (identifier != null && identifier.getSystem() != null && identifier.getValue() != null) {
                return store.find(SandboxStore.identifierKey(identifier.getSystem(), identifier.getValue()), matches);
            }
            return day != null ? store.find(SandboxStore.birthDateKey(day), matches) : store.find(matches);
        }
    }

    static final class Coverages implements IResourceProvider {
        private final SandboxStore<Coverage> store;

        Coverages(SandboxStore<Coverage> store) {
            this.store = store;
        }

        @Override
        public Class<Coverage> getResourceType() {
            return Coverage.class;
        }

        @Read
        public Coverage read(@IdParam IdType id) {
            return found(store, id);
        }

        @Create
        public MethodOutcome create(@ResourceParam Coverage coverage) {
            return created(store.create(coverage));
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Coverage coverage) {
            return updated(store.update(id.getIdPart(), coverage));
        }

        @Search
        public List<Coverage> search(@OptionalParam(name = Coverage.SP_PATIENT) ReferenceParam patient,
                                     @OptionalParam(name = Coverage.SP_BENEFICIARY) ReferenceParam beneficiary) {
            ReferenceParam who = patient != null ? patient : beneficiary;
            return who == null ? store.find(c -> true)
                    : store.find(SandboxStore.patientKey(who.getIdPart()), c -> refersTo(c.getBeneficiary(), who));
        }
    }

    static final class Consents implements IResourceProvider {
        private final SandboxStore<Consent> store;

        Consents(SandboxStore<Consent> store) {
            this.store = store;
        }

        @Override
        public Class<Consent> getResourceType() {
            return Consent.class;
        }

        @Read
        public Consent read(@IdParam IdType id) {
            return found(store, id);
        }

        @Create
        public MethodOutcome create(@ResourceParam Consent consent) {
            return created(store.create(consent));
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam Consent consent) {
            return updated(store.update(id.getIdPart(), consent));
        }

        @Search
        public List<Consent> search(@OptionalParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
            return patient == null ? store.find(c -> true)
                    : store.find(SandboxStore.patientKey(patient.getIdPart()), c -> refersTo(c.getPatient(), patient));
        }
    }

    static final class DocumentReferences implements IResourceProvider {
        private final SandboxStore<DocumentReference> store;

        DocumentReferences(SandboxStore<DocumentReference> store) {
            this.store = store;
        }

        @Override
        public Class<DocumentReference> getResourceType() {
            return DocumentReference.class;
        }

        @Read
        public DocumentReference read(@IdParam IdType id) {
            return found(store, id);
        }

        @Create
        public MethodOutcome create(@ResourceParam DocumentReference document) {
            return created(store.create(document));
        }

        @Update
        public MethodOutcome update(@IdParam IdType id, @ResourceParam DocumentReference document) {
            return updated(store.update(id.getIdPart(), document));
        }

        @Search
        public List<DocumentReference> search(
                @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
                @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject) {
            ReferenceParam who = patient != null ? patient : subject;
            return who == null ? store.find(d -> true)
                    : store.find(SandboxStore.patientKey(who.getIdPart()), d -> refersTo(d.getSubject(), who));
        }
    }

    /**
     * The system-level {@code transaction} interaction: creates only (POST), each optionally conditional on
     * {@code ifNoneExist=identifier=system|value}, with {@code urn:uuid} references between the entries resolved to the
     * ids given. All entries are checked before any is stored, and one transaction runs at a time, so it is applied
     * whole or not at all.
     */
    static final class Transactions {
        private final FhirContext context;
        private final Map<String, SandboxStore<? extends Resource>> stores;
        private final AtomicBoolean loseNextAnswer;

        Transactions(FhirContext context, List<SandboxStore<? extends Resource>> stores, AtomicBoolean loseNextAnswer) {
            this.context = context;
            this.stores = stores.stream().collect(Collectors.toMap(SandboxStore::type, store -> store));
            this.loseNextAnswer = loseNextAnswer;
        }

        @Transaction
        public synchronized Bundle transaction(@TransactionParam Bundle bundle) {
            if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
                throw new InvalidRequestException("Bundle.type must be transaction");
            }
            /** An entry to create, or ({@code existingVersion} set) one that ifNoneExist found. */
            record Planned(Bundle.BundleEntryComponent entry, SandboxStore<? extends Resource> store, String id,
                           String existingVersion) {
                boolean exists() {
                    return existingVersion != null;
                }
            }
            List<Planned> plan = new ArrayList<>();
            Map<String, String> resolved = new HashMap<>();
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                Resource resource = entry.getResource();
                if (entry.getRequest().getMethod() != Bundle.HTTPVerb.POST || resource == null) {
                    throw new InvalidRequestException("The sandbox's transactions create resources (POST) only");
                }
                SandboxStore<? extends Resource> store = stores.get(resource.fhirType());
                if (store == null) {
                    throw new InvalidRequestException("The sandbox keeps no " + resource.fhirType());
                }
                List<? extends Resource> existing = entry.getRequest().hasIfNoneExist()
                        ? matches(store, entry.getRequest().getIfNoneExist()) : List.of();
                if (existing.size() > 1) {
                    throw new PreconditionFailedException("ifNoneExist " + entry.getRequest().getIfNoneExist()
                            + " matches " + existing.size() + " resources");
                }
                String id = existing.isEmpty() ? store.nextId() : existing.get(0).getIdElement().getIdPart();
                if (entry.hasFullUrl()) {
                    resolved.put(entry.getFullUrl(), store.type() + "/" + id);
                }
                plan.add(new Planned(entry, store, id,
                        existing.isEmpty() ? null : existing.get(0).getMeta().getVersionId()));
            }
            Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
            for (Planned planned : plan) {
                if (!planned.exists()) {
                    // the request's own resource, parsed for this request: the store takes it as it is
                    Resource resource = planned.entry().getResource();
                    for (Reference reference : context.newTerser().getAllPopulatedChildElementsOfType(resource,
                            Reference.class)) {
                        String target = reference.hasReference() ? resolved.get(reference.getReference()) : null;
                        if (target != null) {
                            reference.setReference(target);
                        }
                    }
                    adopt(planned.store(), planned.id(), resource);
                }
                answer.addEntry().getResponse()
                        .setStatus(planned.exists() ? "200 OK" : "201 Created")
                        .setLocation(planned.store().type() + "/" + planned.id() + "/_history/"
                                + (planned.exists() ? planned.existingVersion() : "1"));
            }
            if (loseNextAnswer.getAndSet(false)) {
                throw new UnclassifiedServerFailureException(503, "The answer was lost (simulated failure)");
            }
            return answer;
        }

        @SuppressWarnings("unchecked")
        private static <T extends Resource> void adopt(SandboxStore<T> store, String id, Resource resource) {
            store.adopt(id, (T) resource);
        }

        /** The resources an {@code identifier=system|value} query (URL-encoded or not) matches. */
        private static List<? extends Resource> matches(SandboxStore<? extends Resource> store, String query) {
            String token = query.startsWith("identifier=")
                    ? URLDecoder.decode(query.substring("identifier=".length()), StandardCharsets.UTF_8) : "";
            if (!token.contains("|")) {
                throw new InvalidRequestException("The sandbox understands ifNoneExist=identifier=system|value only");
            }
            String system = token.substring(0, token.indexOf('|'));
            String value = token.substring(token.indexOf('|') + 1);
            return store.find(SandboxStore.identifierKey(system, value), resource -> true);
        }
    }
}
