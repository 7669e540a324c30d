package org.healthcrm.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/** Drafts: a user's unvalidated data for a task, kept server-side until they submit it. */
@Component
class TaskDrafts {

    /** The largest draft kept (serialized JSON): generous for forms, small enough to refuse abuse. */
    static final int MAX_CHARS = 2 * 1024 * 1024;

    private final TaskDraftRepository drafts;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    TaskDrafts(TaskDraftRepository drafts, ObjectMapper objectMapper, Clock clock) {
        this.drafts = drafts;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    Instant save(String taskId, String username, ObjectNode data) {
        String json = data.toString();
        if (json.length() > MAX_CHARS) {
            throw new InvalidInputException("data", "The draft is too large to keep (at most 2 MB)");
        }
        Instant now = clock.instant();
        drafts.findById(new TaskDraft.Id(taskId, username)).ifPresentOrElse(
                draft -> draft.replace(json, now),
                () -> drafts.save(new TaskDraft(taskId, username, json, now)));
        return now;
    }

    Optional<Draft> find(String taskId, String username) {
        return drafts.findById(new TaskDraft.Id(taskId, username)).map(draft -> {
            try {
                return new Draft(objectMapper.readValue(draft.getData(), new TypeReference<Map<String, Object>>() { }),
                        draft.getSavedAt());
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable draft of task " + taskId, e);
            }
        });
    }

    void discardAll(String taskId) {
        drafts.deleteByTaskId(taskId);
    }

    record Draft(Map<String, Object> data, Instant savedAt) {
    }
}
