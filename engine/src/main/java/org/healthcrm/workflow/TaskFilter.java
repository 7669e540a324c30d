package org.healthcrm.workflow;

import java.time.Instant;

/**
 * What the inbox asks for. {@code mine}: tasks assigned to me; {@code groupTasks}: unassigned tasks offered to my
 * roles; neither: both. The other fields narrow the result; null means "any".
 *
 * @param group       only tasks offered to this candidate group (must be one of the user's)
 * @param patientText MRN, or the start of the patient's family name
 */
public record TaskFilter(
        boolean mine,
        boolean groupTasks,
        String group,
        String processKey,
        String taskName,
        String patientText,
        Instant dueAfter,
        Instant dueBefore) {

    public static TaskFilter all() {
        return new TaskFilter(false, false, null, null, null, null, null, null);
    }

    public static TaskFilter mineOnly() {
        return new TaskFilter(true, false, null, null, null, null, null, null);
    }

    public TaskFilter withGroup(String candidateGroup) {
        return new TaskFilter(mine, groupTasks, candidateGroup, processKey, taskName, patientText, dueAfter, dueBefore);
    }
}
