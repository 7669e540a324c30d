package org.healthcrm.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.documents.Document;
import org.healthcrm.documents.DocumentStore;
import org.healthcrm.ehr.FhirResources;
import org.healthcrm.security.web.CurrentActor;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Binary: a stored document's bytes, under the document's id. With {@code Accept: application/pdf} the PDF itself,
 * with a FHIR type a Binary resource. Same roles and audit as DocumentReference.
 */
@Component
public class BinaryResourceProvider implements IResourceProvider {

    private final DocumentStore documents;
    private final AuditTrail audit;

    public BinaryResourceProvider(DocumentStore documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    @Override
    public Class<Binary> getResourceType() {
        return Binary.class;
    }

    @Read
    public Binary read(@IdParam IdType id) {
        Document document = documents.read(CurrentActor.get(), FhirIds.of(id, "Binary"));
        audit.read("DOCUMENT_READ", document.getPatientId(), "Document", document.getId().toString());
        Binary binary = new Binary();
        binary.setId("Binary/" + document.getId());
        binary.setContentType(document.getMediaType());
        binary.setDataElement(FhirResources.base64(document.getContent()));
        return binary;
    }
}
