package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose transaction commits after events written later were sealed still gets its link, from the sealer's
 * look back over the last events every {@link AuditSealing#LATE_SWEEP}, and the chain stays intact. The look back is
 * driven by a sealer of the test's own with a clock the test moves, next to the application's.
 */
class LateCommitSealingTest extends IntegrationTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    AuditChain chain;
    @Autowired
    AuditVerification verification;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anEventCommittedAfterLaterOnesWereSealedIsSealedByTheNextLookBack() throws Exception {
        long slowPatient = 910_000_000 + System.nanoTime() % 10_000_000;
        long fastPatient = slowPatient + 1;
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T12:00:00Z"));
        AuditSealing sealer = new AuditSealing(chain, clock);
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    // a change is audited in the transaction that makes it (a read commits its event at once)
                    audit.change("PATIENT_UPDATE", slowPatient, "Patient", Long.toString(slowPatient), null);
                    written.countDown();
                    await(commit);
                }));
        try {
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            audit.read("PATIENT_READ", fastPatient, "Patient", Long.toString(fastPatient));
            assertThat(sealedWithin(fastPatient, Duration.ofSeconds(5)))
                    .as("the event written later and committed first is sealed by the application's sealer").isTrue();
            sealer.seal(); // this sealer's first run looks back (nothing of the open transaction to see yet)
        } finally {
            commit.countDown();
        }
        slow.get(30, TimeUnit.SECONDS);
        long slowEvent = jdbc.queryForObject("select id from audit_event where patient_id = ?", Long.class, slowPatient);
        long fastEvent = jdbc.queryForObject("select id from audit_event where patient_id = ?", Long.class, fastPatient);
        assertThat(slowEvent).as("the slow transaction's event has the lower id").isLessThan(fastEvent);

        clock.advance(Duration.ofSeconds(1));
        sealer.seal(); // new events only
        clock.advance(AuditSealing.LATE_SWEEP);
        sealer.seal(); // the look back, ten seconds after the last one
        assertThat(sealed(slowPatient)).as("the look back finds the late event").isTrue();
        assertThat(verification.verifyAll().problem()).isNull();
    }

    /** A clock the test moves on. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private boolean sealedWithin(long patientId, Duration time) throws InterruptedException {
        long deadline = System.nanoTime() + time.toNanos();
        while (!sealed(patientId)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private boolean sealed(long patientId) {
        return jdbc.queryForObject("select count(*) from audit_chain c join audit_event e on e.id = c.event_id "
                + "where e.patient_id = ?", Long.class, patientId) == 1;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
