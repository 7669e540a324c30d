package org.healthcrm.ehr.sandbox;

import java.util.List;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.healthcrm.ehr.FhirResources;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/** The sandbox's resource providers: create, read, update, and the searches an EHR client needs. */
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
            // every patient in the store is looked at: the cheap comparisons first, names (normalized) last
            String day = birthDate == null ? null : birthDate.getValueAsString();
            return store.find(p -> (day == null || p.hasBirthDate()
                            && day.equals(p.getBirthDateElement().getValueAsString()))
                    && (identifier == null || p.getIdentifier().stream().anyMatch(i ->
                            (identifier.getSystem() == null || identifier.getSystem().equals(i.getSystem()))
                                    && identifier.getValue() != null && identifier.getValue().equals(i.getValue())))
                    && (family == null || p.getName().stream().anyMatch(n -> startsWith(n.getFamily(), family)))
                    && (given == null || p.getName().stream().flatMap(n -> n.getGiven().stream())
                            .map(StringType::getValue).anyMatch(g -> startsWith(g, given))));
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
            return store.find(c -> who == null || refersTo(c.getBeneficiary(), who));
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
            return store.find(c -> patient == null || refersTo(c.getPatient(), patient));
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
            return store.find(d -> who == null || refersTo(d.getSubject(), who));
        }
    }
}
