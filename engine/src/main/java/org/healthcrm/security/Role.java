package org.healthcrm.security;

/**
 * The roles of the Health CRM. Each role is also an engine group of the same name, so that a BPMN user task with
 * {@code camunda:candidateGroups="FRONT_DESK"} is offered to every front-desk user.
 */
public enum Role {
    FRONT_DESK("Front desk"),
    /** Front-desk supervisors: overdue intakes escalate to them. */
    FRONT_DESK_SUPERVISOR("Front-desk supervisor"),
    NURSE("Nurse"),
    ANALYST("Operations analyst"),
    COMPLIANCE("Compliance officer"),
    ADMIN("Administrator"),
    INTEGRATION("Integration (system account)");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The engine group id that BPMN candidate groups and starter groups name. */
    public String group() {
        return name();
    }
}
