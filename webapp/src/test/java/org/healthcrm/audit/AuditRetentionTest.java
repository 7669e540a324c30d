package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine's history cleanup removes expired process history, never audit events. */
class AuditRetentionTest extends IntegrationTest {

    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theHistoryCleanupLeavesTheAuditTrailAlone() {
        awaitProcessEnd(registerThroughIntake("retention-" + System.nanoTime(), "Rhea", "Retain"
                + System.nanoTime() % 100_000, "04/04/1944", "rhea@example.org", false));
        long events = jdbc.queryForObject("select count(*) from audit_event", Long.class);
        long links = jdbc.queryForObject("select count(*) from audit_chain", Long.class);

        Job cleanup = history.cleanUpHistoryAsync(true);
        try {
            management.executeJob(cleanup.getId());
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
            // the job executor ran the same cleanup job at that moment: the cleanup ran either way
        }

        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isGreaterThanOrEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from audit_chain", Long.class)).isGreaterThanOrEqualTo(links);
    }
}
