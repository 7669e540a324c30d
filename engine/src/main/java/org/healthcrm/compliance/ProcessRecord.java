package org.healthcrm.compliance;

import java.time.Instant;
import java.util.List;

/**
 * A process instance as its history tells it: who started it, every step with when it ran and who did it, and the
 * form data of each submission.
 *
 * @param state the engine's state: ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED, INTERNALLY_TERMINATED
 */
public record ProcessRecord(String processInstanceId, String processName, Integer processVersion,
                            String businessKey, Long patientId, String patientMrn, Instant startedAt, Instant endedAt,
                            String startedBy, String state, List<Step> steps) {

    /**
     * One step (an activity instance: a task, a service call, an event, a gateway).
     *
     * @param assignee    a user task's last assignee
     * @param completedBy who completed a user task; the process's starter for its start event
     * @param submissions what was submitted on this step, oldest first
     */
    public record Step(String activityId, String name, String type, Instant startedAt, Instant endedAt,
                       String assignee, String completedBy, String taskId, List<Submission> submissions) {
    }

    /**
     * One submitted form, as the archive keeps it.
     *
     * @param withheld the form asks clinical questions and the viewer has no clinical access: no answers are shown
     * @param answers  label and answer of each field, in the form's order
     */
    public record Submission(long id, String formKey, int formVersion, String formTitle, String submittedBy,
                             Instant submittedAt, Long documentId, boolean withheld, List<Answer> answers) {
    }

    public record Answer(String label, String value) {
    }
}
