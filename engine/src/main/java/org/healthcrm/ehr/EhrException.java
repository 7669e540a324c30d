package org.healthcrm.ehr;

/**
 * A push to the EHR failed (no connection, timeout, an error status, an ambiguous match, no base URL). The job that
 * made the call fails with it, so the engine retries on the EHR back-off and ends in an incident after the last try.
 * The message names the call, our internal ids and the HTTP status, never patient data; the client's own exception is
 * not kept as the cause, because its message can quote what the EHR answered.
 */
public class EhrException extends RuntimeException {

    /** The HTTP status the EHR answered, or 0 (no answer, or no call). */
    private final int status;

    public EhrException(String message) {
        this(message, 0);
    }

    public EhrException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
