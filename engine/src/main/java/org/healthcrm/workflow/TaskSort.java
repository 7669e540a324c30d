package org.healthcrm.workflow;

/** Orders the inbox can be sorted in. */
public record TaskSort(Field field, boolean ascending) {

    public enum Field { CREATED, DUE, NAME, PRIORITY, ASSIGNEE }

    public static TaskSort newestFirst() {
        return new TaskSort(Field.CREATED, false);
    }
}
