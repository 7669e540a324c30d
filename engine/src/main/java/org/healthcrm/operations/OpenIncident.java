package org.healthcrm.operations;

import java.time.Instant;

/**
 * An open incident as operators see it: where it happened and a failure summary that holds no patient data
 * ({@link FailureSummary}). {@code jobId} and {@code retriesLeft} are set for failed jobs, the incidents that can be
 * retried; {@code patientId} is the internal id of the process's patient, when it has one.
 */
public record OpenIncident(String id, String type, Instant time, String processInstanceId, String processKey,
                           String processName, int processVersion, String businessKey, String activityId,
                           String activityName, String failure, String jobId, Integer retriesLeft, Long patientId,
                           boolean retryable) {
}
