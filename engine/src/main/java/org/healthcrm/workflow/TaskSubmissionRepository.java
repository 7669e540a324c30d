package org.healthcrm.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    Optional<TaskSubmission> findByTaskId(String taskId);

    List<TaskSubmission> findByProcessInstanceIdOrderBySubmittedAtAsc(String processInstanceId);
}
