package org.healthcrm.operations;

import java.util.Set;

import org.healthcrm.ehr.EhrException;
import org.healthcrm.platform.NotFoundException;

/**
 * What the incident screen and API may say about a failure. A failed job keeps the exception message and the stack
 * trace of its last try; the message can hold whatever the failing code put in it (a mail server quoting the
 * recipient, a parser quoting the document), and the trace shows our code. Neither is shown as it is.
 *
 * <p>Only exceptions whose messages are written to be shown keep their message: {@link EhrException} (the call, our
 * internal patient id and the HTTP status) and {@link NotFoundException} (an internal id). Of those, the first line,
 * cut to {@value #MAX_LENGTH} characters. Any other failure is named by its exception type alone; its message stays
 * in the engine and the application log.
 */
public final class FailureSummary {

    static final int MAX_LENGTH = 200;

    private static final Set<String> SHOWN_MESSAGES = Set.of(EhrException.class.getName(),
            NotFoundException.class.getName());

    private FailureSummary() {
    }

    /**
     * The summary of a job's last failure, from its stack trace. Only the trace's first line is read: the thrown
     * exception's class and message as {@link Throwable#toString()} wrote them. Lines further down, such as
     * "Caused by: ...", could be part of a message and are not trusted.
     */
    public static String ofStacktrace(String stacktrace) {
        if (stacktrace == null || stacktrace.isBlank()) {
            return "Failed (no details recorded)";
        }
        String first = stacktrace.strip().lines().findFirst().orElse("");
        int colon = first.indexOf(": ");
        String type = (colon < 0 ? first : first.substring(0, colon)).strip();
        if (!type.matches("[\\p{javaJavaIdentifierPart}.$]+")) {
            return "Failed (no details recorded)";
        }
        String message = colon < 0 ? "" : first.substring(colon + 2);
        if (SHOWN_MESSAGES.contains(type) && !message.isBlank()) {
            return shorten(message);
        }
        return simpleName(type) + " (details withheld: they may hold patient data; see the application log)";
    }

    /** For incidents that are not failed jobs: their message is not ours to vouch for. */
    public static String ofIncidentType(String incidentType) {
        return "Incident of type " + incidentType + " (details withheld)";
    }

    private static String simpleName(String type) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    private static String shorten(String message) {
        StringBuilder clean = new StringBuilder();
        message.codePoints().forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String text = clean.toString().strip();
        if (text.codePointCount(0, text.length()) <= MAX_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
