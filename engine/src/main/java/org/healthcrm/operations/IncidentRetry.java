package org.healthcrm.operations;

/** A retry given to the failed job of an incident: the job executor runs the job again with {@code retries} tries. */
public record IncidentRetry(String incidentId, String jobId, String processInstanceId, int retries) {
}
