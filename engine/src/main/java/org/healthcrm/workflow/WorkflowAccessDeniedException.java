package org.healthcrm.workflow;

/** The user may not work on this task or start this process. */
public class WorkflowAccessDeniedException extends RuntimeException {

    public WorkflowAccessDeniedException(String message) {
        super(message);
    }
}
