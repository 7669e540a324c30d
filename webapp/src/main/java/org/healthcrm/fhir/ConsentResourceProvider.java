package org.healthcrm.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.consent.Consents;
import org.healthcrm.ehr.FhirResources;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/** Consent: read and search by patient, from {@link Consents}; every consent served is audited as read. */
@Component
public class ConsentResourceProvider implements IResourceProvider {

    private final Consents consents;
    private final AuditTrail audit;

    public ConsentResourceProvider(Consents consents, AuditTrail audit) {
        this.consents = consents;
        this.audit = audit;
    }

    @Override
    public Class<Consent> getResourceType() {
        return Consent.class;
    }

    @Read
    public Consent read(@IdParam IdType id) {
        return toFhir(consents.find(FhirIds.of(id, "Consent")));
    }

    /** The patient's consents, newest first, with their status now (revoked and expired ones are inactive). */
    @Search
    public List<Consent> search(@RequiredParam(name = Consent.SP_PATIENT) ReferenceParam patient) {
        Long patientId = FhirIds.patientOf(patient);
        if (patientId == null) {
            return List.of();
        }
        return consents.of(patientId).stream().map(this::toFhir).toList();
    }

    private Consent toFhir(org.healthcrm.consent.Consent consent) {
        audit.read("CONSENT_READ", consent.getPatientId(), "Consent", consent.getId().toString());
        Consent resource = FhirResources.consent(consent, consents.statusNow(consent),
                new Reference("Patient/" + consent.getPatientId()),
                consent.getDocumentId() == null ? null : new Reference("DocumentReference/" + consent.getDocumentId()));
        resource.setId("Consent/" + consent.getId());
        return resource;
    }
}
