package org.healthcrm.operations;

/** What became of a retried job: still waiting, done (the process went on), or failed again (a new incident). */
public record RetryProgress(State state, String failure) {

    public enum State { WAITING, DONE, FAILED_AGAIN }
}
