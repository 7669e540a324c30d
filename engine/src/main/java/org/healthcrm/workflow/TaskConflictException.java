package org.healthcrm.workflow;

/** The task changed under the user: completed already, or claimed by someone else. */
public class TaskConflictException extends RuntimeException {

    public TaskConflictException(String message) {
        super(message);
    }
}
