package org.healthcrm.fhir;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.security.web.CurrentActor;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * Which role may do which FHIR operation, checked as soon as HAPI knows the operation (before the body is read and
 * before the provider runs): reads (read, search, the capability
 * statement) for front desk, nurses, compliance, administrators and the integration account; Patient create and
 * update for front desk, administrators and the integration account; the audit trail (AuditEvent) for compliance and
 * administrators only; nothing else. A refusal is audited and answered 403 with an OperationOutcome. (Documents are
 * further limited by {@link org.healthcrm.documents.DocumentStore}.)
 */
@Component
@Interceptor
public class FhirAccessInterceptor {

    static final Set<Role> READERS = EnumSet.of(Role.FRONT_DESK, Role.NURSE, Role.COMPLIANCE, Role.ADMIN,
            Role.INTEGRATION);
    static final Set<Role> PATIENT_WRITERS = EnumSet.of(Role.FRONT_DESK, Role.ADMIN, Role.INTEGRATION);
    static final Set<Role> AUDITORS = EnumSet.of(Role.COMPLIANCE, Role.ADMIN);

    private final AuditTrail audit;

    public FhirAccessInterceptor(AuditTrail audit) {
        this.audit = audit;
    }

    /** First of our hooks once HAPI knows the operation: before the body is even looked at. */
    @Hook(value = Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED, order = 10)
    public boolean check(RequestDetails request, HttpServletResponse response) throws IOException {
        RestOperationTypeEnum operation = request.getRestOperationType() == null ? RestOperationTypeEnum.EXTENDED_OPERATION_SERVER
                : request.getRestOperationType();
        Actor actor = CurrentActor.get();
        String resourceType = request.getResourceName();
        Set<Role> allowed = switch (operation) {
            case READ, VREAD, SEARCH_TYPE -> "AuditEvent".equals(resourceType) ? AUDITORS : READERS;
            case METADATA -> READERS;
            case CREATE, UPDATE -> "Patient".equals(resourceType) ? PATIENT_WRITERS : Set.of();
            default -> Set.of();
        };
        if (allowed.stream().noneMatch(actor::has)) {
            String id = request.getId() == null || request.getId().getIdPart() == null ? null
                    : request.getId().getIdPart().substring(0, Math.min(64, request.getId().getIdPart().length()));
            audit.event("FHIR_ACCESS_DENIED", actor.userId(), AuditEvent.Outcome.DENIED, null, resourceType, id,
                    operation.getCode());
            FhirErrorInterceptor.respond(request, response, 403, FhirErrorInterceptor.outcome(IssueType.FORBIDDEN,
                    "Your roles do not allow " + operation.getCode() + (resourceType == null ? "" : " on " + resourceType),
                    null));
            return false;
        }
        return true;
    }
}
