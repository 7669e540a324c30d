package org.healthcrm.workflow;

import java.time.Instant;

/** One task as the inbox and the API show it. */
public record TaskView(
        String id,
        String name,
        String taskDefinitionKey,
        String processKey,
        String processName,
        String processInstanceId,
        String businessKey,
        Long patientId,
        Instant created,
        Instant due,
        String assignee,
        int priority,
        String formKey) {
}
