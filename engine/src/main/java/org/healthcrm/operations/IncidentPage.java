package org.healthcrm.operations;

import java.util.List;

/** One page of open incidents, newest first, and how many are open in all. */
public record IncidentPage(List<OpenIncident> items, long total) {
}
