package org.healthcrm.workflow;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    List<TaskSubmission> findByProcessInstanceIdOrderByIdAsc(String processInstanceId);

    /** The latest submission of one form in a process instance (the one row decrypted and parsed). */
    Optional<TaskSubmission> findFirstByProcessInstanceIdAndFormKeyOrderByIdDesc(String processInstanceId,
                                                                               String formKey);
}
