package org.healthcrm.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;

import org.healthcrm.audit.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Our audit events as FHIR R4 AuditEvents, following the IHE Basic Audit Log Patterns (BALP) where they fit:
 * reads, searches, creates, updates and deletes of records as RESTful operations ({@code rest} with the FHIR
 * interaction as subtype), sign-in and sign-out as DICOM User Authentication, security events (refusals,
 * break-glass, account and role changes, deployments) as DICOM Security Alerts, reading the trail as DICOM Audit Log
 * Used. Every event also carries our own action code as a subtype, so that nothing is lost in the mapping.
 *
 * <p>Agents: the user (who by user name, requestor, roles, client address) as the source of the request, and this
 * application as its destination. Entities: the patient ({@code Patient/{id}}, role Patient), the object acted on
 * (a FHIR reference where the object is one of our FHIR resources, else an identifier of its type) and the request
 * id (BALP {@code XrequestId}), which correlates the event with the application's log lines.
 */
final class AuditEventMapping {

    static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String EVENT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    static final String BALP_ENTITY_TYPE = "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    /** Our audit action codes ({@code PATIENT_READ}, {@code TASK_CLAIM}, ...): docs/compliance.md lists them. */
    static final String ACTIONS = "https://healthcrm.org/fhir/CodeSystem/audit-action";
    static final String ROLES = "https://healthcrm.org/fhir/CodeSystem/role";
    static final String USERS = "https://healthcrm.org/fhir/sid/username";
    /** Identifier systems of objects that are not FHIR resources here: this prefix and the object type. */
    static final String OBJECTS = "https://healthcrm.org/fhir/sid/object/";
    static final String APPLICATION = "Health CRM";

    /** The FHIR interactions (restful-interaction codes) that a refused FHIR request may have asked for. */
    private static final Set<String> INTERACTIONS = Set.of("read", "vread", "update", "patch", "delete", "history",
            "history-instance", "history-type", "history-system", "create", "search", "search-type", "search-system",
            "capabilities", "transaction", "batch", "operation");

    private AuditEventMapping() {
    }

    /** How an action is classified: event type, standard subtype (or none) and action code. */
    record Kind(Coding type, Coding subtype, AuditEventAction action) {
    }

    static org.hl7.fhir.r4.model.AuditEvent toFhir(AuditEvent event) {
        org.hl7.fhir.r4.model.AuditEvent resource = new org.hl7.fhir.r4.model.AuditEvent();
        resource.setId("AuditEvent/" + event.getId());
        Kind kind = kindOf(event.getAction(), event.getReason());
        resource.setType(kind.type());
        if (kind.subtype() != null) {
            resource.addSubtype(kind.subtype());
        }
        resource.addSubtype(new Coding(ACTIONS, event.getAction(), null));
        resource.setAction(kind.action());
        resource.setRecorded(Date.from(event.getOccurredAt()));
        resource.setOutcome(switch (event.getOutcome()) {
            case SUCCESS -> AuditEventOutcome._0;
            case DENIED -> AuditEventOutcome._4;
            case FAILED -> AuditEventOutcome._8;
        });
        if (event.getOutcome() != AuditEvent.Outcome.SUCCESS) {
            resource.setOutcomeDesc(event.getOutcome() == AuditEvent.Outcome.DENIED
                    ? "Denied" + (event.getDetail() == null ? "" : ": " + event.getDetail()) : "Failed");
        }
        boolean reasonIsInteraction = "FHIR_ACCESS_DENIED".equals(event.getAction());
        if (event.getReason() != null && !reasonIsInteraction) {
            CodeableConcept purpose = new CodeableConcept().setText(event.getReason());
            if (event.getAction().startsWith("BREAK_GLASS")) {
                purpose.addCoding(new Coding(ACT_REASON, "BTG", "break the glass"));
            }
            resource.addPurposeOfEvent(purpose);
        }
        resource.addAgent(user(event));
        resource.addAgent(new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DCM, "110152", "Destination Role ID")))
                .setWho(new Reference().setDisplay(APPLICATION))
                .setRequestor(false));
        resource.getSource().setObserver(new Reference().setDisplay(APPLICATION)
                        .setIdentifier(new Identifier().setValue("healthcrm")))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
        if (event.getPatientId() != null) {
            resource.addEntity()
                    .setWhat(new Reference("Patient/" + event.getPatientId()))
                    .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        AuditEventEntityComponent object = object(event);
        if (object != null) {
            resource.addEntity(object);
        }
        if (event.getRequestId() != null) {
            AuditEventEntityComponent request = resource.addEntity()
                    .setWhat(new Reference().setIdentifier(new Identifier().setValue(event.getRequestId())))
                    .setType(new Coding(BALP_ENTITY_TYPE, "XrequestId",
                            "transport specific unique identifier where http X-Request-Id is used"));
            if (object == null && event.getDetail() != null && event.getOutcome() == AuditEvent.Outcome.SUCCESS) {
                request.addDetail().setType("detail").setValue(new org.hl7.fhir.r4.model.StringType(event.getDetail()));
            }
        }
        return resource;
    }

    /** The user as the requestor: user name, roles, and the address the request came from. */
    private static AuditEventAgentComponent user(AuditEvent event) {
        AuditEventAgentComponent agent = new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DCM, "110153", "Source Role ID")))
                .setWho(new Reference().setIdentifier(new Identifier().setSystem(USERS).setValue(event.getUsername()))
                        .setDisplay(event.getUsername()))
                .setAltId(event.getUsername())
                .setRequestor(true);
        if (event.getRoles() != null && !event.getRoles().isBlank()) {
            for (String role : event.getRoles().split(",")) {
                agent.addRole(new CodeableConcept(new Coding(ROLES, role.strip(), null)));
            }
        }
        if (event.getClientAddress() != null) {
            agent.getNetwork().setAddress(event.getClientAddress()).setType(AuditEventAgentNetworkType._2);
        }
        return agent;
    }

    /** The object acted on, with what changed (field names) as its detail. */
    private static AuditEventEntityComponent object(AuditEvent event) {
        if (event.getObjectType() == null) {
            return null;
        }
        AuditEventEntityComponent entity = new AuditEventEntityComponent()
                .setType(new Coding(ENTITY_TYPE, "2", "System Object"));
        String resourceType = fhirType(event.getObjectType());
        if (event.getAction().equals("AUDIT_SEARCH")) {
            // the search's criteria, as BALP records a query
            entity.setRole(new Coding(OBJECT_ROLE, "24", "Query"));
            entity.setQuery((event.getDetail() == null ? "" : event.getDetail()).getBytes(StandardCharsets.UTF_8));
            return entity;
        }
        if (event.getObjectId() != null) {
            if (resourceType != null) {
                entity.setWhat(new Reference(resourceType + "/" + event.getObjectId()));
                entity.setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"));
            } else {
                entity.setWhat(new Reference().setIdentifier(new Identifier()
                        .setSystem(OBJECTS + event.getObjectType()).setValue(event.getObjectId())
                        .setType(new CodeableConcept().setText(event.getObjectType()))));
            }
        } else {
            entity.setDescription(event.getObjectType());
        }
        if (event.getDetail() != null && event.getOutcome() == AuditEvent.Outcome.SUCCESS) {
            entity.addDetail().setType("detail").setValue(new org.hl7.fhir.r4.model.StringType(event.getDetail()));
        }
        return entity;
    }

    /** Our object types that are FHIR resources of our API. */
    private static String fhirType(String objectType) {
        return switch (objectType) {
            case "Patient", "Consent", "Coverage", "AuditEvent" -> objectType;
            case "Document" -> "DocumentReference";
            default -> null;
        };
    }

    static Kind kindOf(String action, String reason) {
        return switch (action) {
            case "LOGIN" -> dcm("110114", "User Authentication", "110122", "Login", AuditEventAction.E);
            case "LOGOUT", "SESSION_TIMEOUT", "SESSION_END" ->
                    dcm("110114", "User Authentication", "110123", "Logout", AuditEventAction.E);
            case "ACCESS_DENIED" -> securityAlert("110132", "Use of Restricted Function", AuditEventAction.E);
            case "BREAK_GLASS" -> securityAlert("110127", "Emergency Override Started", AuditEventAction.E);
            case "USER_ROLES_CHANGE" -> securityAlert("110136", "Security Roles Changed", AuditEventAction.U);
            case "USER_CREATE" -> securityAlert("110137", "User Security Attributes Changed", AuditEventAction.C);
            case "USER_UPDATE", "USER_PASSWORD_RESET", "USER_DEACTIVATE", "USER_REACTIVATE" ->
                    securityAlert("110137", "User Security Attributes Changed", AuditEventAction.U);
            case "DEPLOYMENT" -> securityAlert("110131", "Software Configuration", AuditEventAction.C);
            case "AUDIT_SEARCH" -> new Kind(new Coding(DCM, "110101", "Audit Log Used"), null, AuditEventAction.E);
            case "AUDIT_READ" -> new Kind(new Coding(DCM, "110101", "Audit Log Used"), null, AuditEventAction.R);
            case "MESSAGE_SEND" -> new Kind(new Coding(DCM, "110106", "Export"), null, AuditEventAction.R);
            case "INCIDENT_RETRY" -> rest("operation", AuditEventAction.E);
            case "FHIR_ACCESS_DENIED" -> reason != null && INTERACTIONS.contains(reason)
                    ? rest(reason, actionOf(reason)) : rest(null, AuditEventAction.E);
            case "CLINICAL_ACCESS_DENIED", "TASK_READ", "HEALTH_HISTORY_READ" -> rest("read", AuditEventAction.R);
            case "PROCESS_START" -> rest("create", AuditEventAction.C);
            case "PROCESS_CANCEL" -> rest("delete", AuditEventAction.D);
            default -> bySuffix(action);
        };
    }

    private static Kind bySuffix(String action) {
        if (action.endsWith("_READ")) {
            return rest("read", AuditEventAction.R);
        }
        if (action.endsWith("_SEARCH_RESULT") || action.endsWith("_LIST") || action.endsWith("_SEARCH")) {
            return rest("search", AuditEventAction.E);
        }
        if (action.endsWith("_CREATE") || action.endsWith("_GRANT") || action.endsWith("_RAISE")) {
            return rest("create", AuditEventAction.C);
        }
        if (action.endsWith("_DELETE")) {
            return rest("delete", AuditEventAction.D);
        }
        return rest("update", AuditEventAction.U);
    }

    private static AuditEventAction actionOf(String interaction) {
        return switch (interaction) {
            case "read", "vread", "history", "history-instance", "history-type", "history-system" -> AuditEventAction.R;
            case "create" -> AuditEventAction.C;
            case "update", "patch" -> AuditEventAction.U;
            case "delete" -> AuditEventAction.D;
            default -> AuditEventAction.E;
        };
    }

    private static Kind rest(String interaction, AuditEventAction action) {
        return new Kind(new Coding(EVENT_TYPE, "rest", "Restful Operation"),
                interaction == null ? null : new Coding(INTERACTION, interaction, interaction), action);
    }

    private static Kind dcm(String type, String typeDisplay, String subtype, String subtypeDisplay,
                            AuditEventAction action) {
        return new Kind(new Coding(DCM, type, typeDisplay), new Coding(DCM, subtype, subtypeDisplay), action);
    }

    private static Kind securityAlert(String subtype, String display, AuditEventAction action) {
        return dcm("110113", "Security Alert", subtype, display, action);
    }
}
