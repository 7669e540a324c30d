package org.healthcrm.documents;

import java.time.Clock;
import java.util.Set;

import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores generated documents with the SHA-256 of their bytes, and hands them out to the roles that may read them. */
@Service
public class DocumentStore {

    public static final String PDF = "application/pdf";
    /** Roles that may read stored documents. */
    static final Set<Role> READERS = Set.of(Role.FRONT_DESK, Role.NURSE, Role.COMPLIANCE, Role.ADMIN);

    private final DocumentRepository documents;
    private final Clock clock;
    private final org.healthcrm.audit.AuditTrail audit;

    public DocumentStore(DocumentRepository documents, Clock clock, org.healthcrm.audit.AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Document storePdf(String type, String title, byte[] pdf, Long patientId, String processInstanceId,
                             String createdBy) {
        return documents.save(new Document(type, title, PDF, pdf, DocumentHash.sha256Hex(pdf), patientId, processInstanceId,
                createdBy, clock.instant()));
    }

    /** The documents of a patient, newest first (their content is loaded only when read). */
    @Transactional(readOnly = true)
    public java.util.List<Document> ofPatient(long patientId) {
        return documents.findByPatientIdOrderByIdDesc(patientId);
    }

    @Transactional(readOnly = true)
    public Document read(Actor actor, long id) {
        if (READERS.stream().noneMatch(actor::has)) {
            throw new WorkflowAccessDeniedException("Your roles may not read documents");
        }
        Document document = documents.findById(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
        document.getContent();
        audit.read("DOCUMENT_READ", document.getPatientId(), "Document", Long.toString(id));
        return document;
    }
}
