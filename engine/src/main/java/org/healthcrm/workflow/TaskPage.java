package org.healthcrm.workflow;

import java.util.List;

/** One page of tasks and the total count for the same filter. */
public record TaskPage(List<TaskView> items, long total, int first, int size) {
}
