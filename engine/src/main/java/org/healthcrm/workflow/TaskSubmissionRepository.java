package org.healthcrm.workflow;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    List<TaskSubmission> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);
}
