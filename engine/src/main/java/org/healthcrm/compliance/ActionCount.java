package org.healthcrm.compliance;

/** How many events of one action a user has in a date range. */
public record ActionCount(String action, long count) implements java.io.Serializable {
}
