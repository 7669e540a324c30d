package org.healthcrm.workflow;

import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDraftRepository extends JpaRepository<TaskDraft, TaskDraft.Id> {
}
