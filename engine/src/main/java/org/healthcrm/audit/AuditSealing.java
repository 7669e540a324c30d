package org.healthcrm.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Seals new audit events into the chain every {@code healthcrm.audit.seal-interval} (one second by default), and
 * every {@link #LATE_SWEEP} also those that committed after events with higher ids had been sealed (a transaction that
 * took longer). Looking back for those reads the last {@link AuditChain#LATE_WINDOW} events, which under load cost
 * the database more than sealing itself: once a second it was about 2% of the server's time during an intake benchmark.
 */
@Configuration
@EnableScheduling
public class AuditSealing {

    private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

    /** How often the sealer looks back for late-committing events; well within the verification's minute of grace. */
    static final Duration LATE_SWEEP = Duration.ofSeconds(10);

    private final AuditChain chain;
    private final Clock clock;
    private Instant lastSweep = Instant.MIN;

    public AuditSealing(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${healthcrm.audit.seal-interval:PT1S}",
            fixedDelayString = "${healthcrm.audit.seal-interval:PT1S}")
    public void seal() {
        try {
            Instant now = clock.instant();
            if (now.isAfter(lastSweep.plus(LATE_SWEEP))) {
                chain.sealPending();
                lastSweep = now;
            } else {
                chain.sealNew();
            }
        } catch (RuntimeException e) {
            // the events stay in the table and are sealed on the next run; the verification reports a lasting stop
            log.warn("Sealing audit events failed, will retry: {}", e.getClass().getSimpleName());
        }
    }
}
