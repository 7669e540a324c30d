package org.healthcrm.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.ehr.FhirResources;
import org.healthcrm.security.web.CurrentActor;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * DocumentReference: a stored document (the intake packet, a revocation). Read carries the PDF inline (attachment
 * data, size, SHA-1 hash); search by patient lists the documents with a link to their Binary instead. Only the roles
 * that may read documents ({@link DocumentStore}); every document served is audited as read.
 */
@Component
public class DocumentReferenceResourceProvider implements IResourceProvider {

    private final DocumentStore documents;
    private final AuditTrail audit;

    public DocumentReferenceResourceProvider(DocumentStore documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        Document document = documents.read(CurrentActor.get(), FhirIds.of(id, "DocumentReference"));
        audit.read("DOCUMENT_READ", document.getPatientId(), "Document", document.getId().toString());
        DocumentReference resource = FhirResources.documentReference(document, subject(document.getPatientId()));
        resource.getContentFirstRep().getAttachment().setUrl("Binary/" + document.getId());
        resource.setId("DocumentReference/" + document.getId());
        return resource;
    }

    @Search
    public List<DocumentReference> search(@OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
                                          @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject) {
        if (patient == null && subject == null) {
            throw new InvalidRequestException("Search documents by patient (or subject)");
        }
        Long patientId = FhirIds.patientOf(patient != null ? patient : subject);
        if (patientId == null) {
            return List.of();
        }
        return documents.ofPatient(CurrentActor.get(), patientId).stream().map(info -> {
            audit.read("DOCUMENT_LIST", patientId, "Document", info.getId().toString());
            DocumentReference resource = FhirResources.documentReference(info, subject(patientId),
                    "Binary/" + info.getId());
            resource.setId("DocumentReference/" + info.getId());
            return resource;
        }).toList();
    }

    private static Reference subject(Long patientId) {
        return patientId == null ? null : new Reference("Patient/" + patientId);
    }
}
