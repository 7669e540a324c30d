package org.healthcrm.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Seals new audit events into the chain every {@code healthcrm.audit.seal-interval} (one second by default). */
@Configuration
@EnableScheduling
public class AuditSealing {

    private static final Logger log = LoggerFactory.getLogger(AuditSealing.class);

    private final AuditChain chain;

    public AuditSealing(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(initialDelayString = "${healthcrm.audit.seal-interval:PT1S}",
            fixedDelayString = "${healthcrm.audit.seal-interval:PT1S}")
    public void seal() {
        try {
            chain.sealPending();
        } catch (RuntimeException e) {
            // the events stay in the table and are sealed on the next run; the verification reports a lasting stop
            log.warn("Sealing audit events failed, will retry: {}", e.getClass().getSimpleName());
        }
    }
}
