package org.healthcrm.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.healthcrm.ehr.EhrException;
import org.junit.jupiter.api.Test;

/** What operators are told about a failed job: the EHR's own messages, never a trace or another exception's message. */
class FailureSummaryTest {

    private static String traceOf(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void anEhrFailureShowsItsMessageWithoutTheTrace() {
        String trace = traceOf(new EhrException("EHR call 'create Patient' for patient 42 failed: HTTP 503"));

        assertThat(FailureSummary.ofStacktrace(trace))
                .isEqualTo("EHR call 'create Patient' for patient 42 failed: HTTP 503");
    }

    @Test
    void anyOtherFailureIsNamedByItsTypeOnly() {
        String trace = traceOf(new IllegalStateException("Could not send mail to zoe.angstrom@example.org",
                new RuntimeException("Zoë Ångström, born 1984-03-14")));

        String summary = FailureSummary.ofStacktrace(trace);

        assertThat(summary).startsWith("IllegalStateException").contains("withheld")
                .doesNotContain("zoe").doesNotContain("Zoë").doesNotContain("1984").doesNotContain("\tat");
    }

    @Test
    void aMessageCannotSmuggleAShownTypeIntoTheTrace() {
        // a message that looks like a cause further down: only the first line, the thrown type, counts
        String trace = traceOf(new IllegalArgumentException("bad value\nCaused by: " + EhrException.class.getName()
                + ": Zoë Ångström"));

        assertThat(FailureSummary.ofStacktrace(trace)).startsWith("IllegalArgumentException").doesNotContain("Zoë");
    }

    @Test
    void aLongEhrMessageKeepsItsFirstLineCutShort() {
        String trace = traceOf(new EhrException("x".repeat(500) + "\nsecond line"));

        String summary = FailureSummary.ofStacktrace(trace);

        assertThat(summary).hasSize(FailureSummary.MAX_LENGTH).endsWith("…").doesNotContain("second");
    }

    @Test
    void noTraceAtAllSaysSo() {
        assertThat(FailureSummary.ofStacktrace(null)).isEqualTo("Failed (no details recorded)");
        assertThat(FailureSummary.ofStacktrace("  ")).isEqualTo("Failed (no details recorded)");
    }

    @Test
    void aNestedTypeIsNamedByItsOwnName() {
        String trace = traceOf(new Outer.Failure("secret"));

        assertThat(FailureSummary.ofStacktrace(trace)).startsWith("Failure (details withheld").doesNotContain("secret");
    }

    static final class Outer {
        static final class Failure extends RuntimeException {
            Failure(String message) {
                super(message);
            }
        }
    }
}
