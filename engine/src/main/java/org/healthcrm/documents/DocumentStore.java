package org.healthcrm.documents;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.healthcrm.audit.AuditTrail;
import org.healthcrm.security.access.ClinicalAccess;
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
    static final Set<Role> READERS = Set.of(Role.FRONT_DESK, Role.FRONT_DESK_SUPERVISOR, Role.NURSE, Role.COMPLIANCE, Role.ADMIN);

    private final DocumentRepository documents;
    private final Clock clock;
    private final AuditTrail audit;

    private final ClinicalAccess clinicalAccess;

    public DocumentStore(DocumentRepository documents, Clock clock, AuditTrail audit, ClinicalAccess clinicalAccess) {
        this.clinicalAccess = clinicalAccess;
        this.documents = documents;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores a PDF; a {@code clinical} one (a health history in it) is read only by clinical roles or after a break-glass. */
    @Transactional
    public Document storePdf(String type, String title, byte[] pdf, Long patientId, String processInstanceId,
                             String createdBy, boolean clinical) {
        return documents.save(new Document(type, title, PDF, pdf, DocumentHash.sha256Hex(pdf), patientId, processInstanceId,
                createdBy, clock.instant(), clinical));
    }

    @Transactional(readOnly = true)
    public Document read(Actor actor, long id) {
        requireReader(actor, null, Long.toString(id));
        Document document = documents.findById(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
        if (document.isClinical()) {
            clinicalAccess.require(actor, document.getPatientId(), "Document");
        }
        document.getContent();
        audit.read("DOCUMENT_READ", document.getPatientId(), "Document", Long.toString(id));
        return document;
    }

    /** The patient's documents without their bytes, newest first. */
    @Transactional(readOnly = true)
    public List<DocumentInfo> ofPatient(Actor actor, long patientId) {
        requireReader(actor, patientId, null);
        return documents.findByPatientIdOrderByIdDesc(patientId);
    }

    /**
     * A document with its bytes for a system integration (the EHR push on the job executor), which acts for no
     * person: no role check. Never call it on behalf of a user; users go through {@link #read(Actor, long)}.
     */
    @Transactional(readOnly = true)
    public Document readForIntegration(long id) {
        Document document = documents.findById(id).orElseThrow(() -> new NotFoundException("No document with id " + id));
        document.getContent();
        return document;
    }

    /**
     * Records the id of the DocumentReference that carries the document in the EHR (the PDF is not read, nor
     * decrypted, for it).
     */
    @Transactional
    public void linkToEhr(long patientId, long id, String ehrDocumentReferenceId) {
        if (documents.linkToEhr(patientId, id, ehrDocumentReferenceId) == 0) {
            throw new NotFoundException("No document with id " + id + " of patient " + patientId);
        }
    }

    private void requireReader(Actor actor, Long patientId, String documentId) {
        if (READERS.stream().noneMatch(actor::has)) {
            audit.denied("ACCESS_DENIED", actor.userId(), actor.groups(), patientId, "Document", documentId,
                    "documents");
            throw new WorkflowAccessDeniedException("Your roles may not read documents");
        }
    }
}
