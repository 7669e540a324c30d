package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whoever changes or deletes audit rows directly in the database is found out: the verification names the first
 * broken link. Each test tampers with rows of its own and puts them back, because the database is shared.
 */
class TamperEvidenceTest extends IntegrationTest {

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

    private List<Long> events;

    @BeforeEach
    void threeSealedEvents() {
        long patient = 900_000_000 + System.nanoTime() % 100_000_000;
        for (int i = 0; i < 3; i++) {
            audit.read("PATIENT_READ", patient, "Patient", Long.toString(patient));
        }
        events = jdbc.queryForList("select id from audit_event where patient_id = ? order by id", Long.class, patient);
        chain.sealPending();
        chain.checkpointNow();
        assertThat(verification.verifyAll().problem()).as("the trail is intact before tampering").isNull();
    }

    @Test
    void aChangedRowIsNamed() {
        long victim = events.get(1);
        String original = jdbc.queryForObject("select username from audit_event where id = ?", String.class, victim);
        try {
            jdbc.update("update audit_event set username = 'someone-else' where id = ?", victim);

            AuditVerification.Report report = verification.verifyAll();

            assertThat(report.problem().kind()).isEqualTo(AuditVerification.Kind.EVENT_CHANGED);
            assertThat(report.problem().eventId()).isEqualTo(victim);
            assertThat(report.problem().message()).contains("Event " + victim).contains("changed after it was recorded");
            // the command says so too, and fails
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            assertThat(command("all").run(new java.io.PrintStream(printed, true))).isEqualTo(2);
            assertThat(printed.toString()).contains("BROKEN: Event " + victim + " (link");
        } finally {
            jdbc.update("update audit_event set username = ? where id = ?", original, victim);
        }
        assertThat(verification.verifyAll().intact()).as("put back, the trail verifies again").isTrue();
    }

    @Test
    void aDeletedRowIsNamed() {
        long victim = events.get(0);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where id = ?", victim);
        try {
            jdbc.update("delete from audit_event where id = ?", victim);

            AuditVerification.Problem problem = verification.verifyAll().problem();

            assertThat(problem.kind()).isEqualTo(AuditVerification.Kind.EVENT_DELETED);
            assertThat(problem.message()).isEqualTo("Event " + victim + " (link " + problem.seq() + ") was deleted.");
        } finally {
            reinsert("audit_event", row);
        }
        assertThat(verification.verifyAll().intact()).isTrue();
    }

    @Test
    void aRowDeletedWithItsLinkLeavesAGap() {
        long victim = events.get(1);
        Map<String, Object> row = jdbc.queryForMap("select * from audit_event where id = ?", victim);
        Map<String, Object> link = jdbc.queryForMap("select * from audit_chain where event_id = ?", victim);
        try {
            jdbc.update("delete from audit_chain where event_id = ?", victim);
            jdbc.update("delete from audit_event where id = ?", victim);

            AuditVerification.Problem problem = verification.verifyAll().problem();

            assertThat(problem.kind()).isEqualTo(AuditVerification.Kind.LINK_MISSING);
            assertThat(problem.seq()).isEqualTo(((Number) link.get("seq")).longValue());
            assertThat(problem.message()).startsWith("Link " + link.get("seq") + " is missing");
        } finally {
            reinsert("audit_event", row);
            reinsert("audit_chain", link);
        }
        assertThat(verification.verifyAll().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointIsNamed() {
        Map<String, Object> checkpoint = jdbc.queryForMap("select * from audit_checkpoint order by seq desc limit 1");
        try {
            jdbc.update("update audit_checkpoint set created_at = created_at - interval 1 day where id = ?",
                    checkpoint.get("id"));

            AuditVerification.Problem problem = verification.verifyAll().problem();

            assertThat(problem.kind()).isEqualTo(AuditVerification.Kind.CHECKPOINT_INVALID);
            assertThat(problem.message()).contains("link " + checkpoint.get("seq")).contains("forged or altered");
        } finally {
            jdbc.update("update audit_checkpoint set created_at = ? where id = ?", checkpoint.get("created_at"),
                    checkpoint.get("id"));
        }
    }

    @Test
    void aDayOfTheChainVerifiesOnItsOwn() {
        AuditVerification.Report today = verification.verifyDay(java.time.LocalDate.now(java.time.ZoneOffset.UTC));

        assertThat(today.intact()).isTrue();
        assertThat(today.linksChecked()).isGreaterThanOrEqualTo(3);
        assertThat(today.checkpointsChecked()).isPositive();
    }

    @Test
    void theCommandReportsAnIntactTrailAndRefusesAnUnknownScope() {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        assertThat(command("all").run(new java.io.PrintStream(printed, true))).isZero();
        assertThat(printed.toString()).startsWith("Audit trail verification (all): links 1 to ").contains("INTACT");

        assertThat(command("last week").run(new java.io.PrintStream(new java.io.ByteArrayOutputStream()))).isEqualTo(64);
    }

    private AuditVerifyCommand command(String scope) {
        return new AuditVerifyCommand(chain, verification, null, scope);
    }

    @Test
    void aSecondsWorthOfEventsIsSealedEventByEventAndAChangeAmongThemIsNamed() {
        // 341 events committed together: the sealer writes their links 256, 64, 16, 4 and 1 to a statement
        long patient = 900_000_000 + System.nanoTime() % 100_000_000;
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < 341; i++) {
                audit.change("PATIENT_UPDATE", patient, "Patient", Long.toString(patient), "field" + i);
            }
        });
        chain.sealPending();

        List<Long> written = jdbc.queryForList("select id from audit_event where patient_id = ? order by id",
                Long.class, patient);
        List<Long> linked = jdbc.queryForList("select c.event_id from audit_chain c join audit_event e "
                + "on e.id = c.event_id where e.patient_id = ? order by c.seq", Long.class, patient);
        assertThat(written).hasSize(341);
        assertThat(linked).as("one link per event, in id order").containsExactlyElementsOf(written);
        assertThat(verification.verifyAll().intact()).isTrue();

        long victim = written.get(300);
        try {
            jdbc.update("update audit_event set detail = 'field-x' where id = ?", victim);
            AuditVerification.Problem problem = verification.verifyAll().problem();
            assertThat(problem.kind()).isEqualTo(AuditVerification.Kind.EVENT_CHANGED);
            assertThat(problem.eventId()).isEqualTo(victim);
        } finally {
            jdbc.update("update audit_event set detail = 'field300' where id = ?", victim);
        }
        assertThat(verification.verifyAll().intact()).isTrue();
    }

    private void reinsert(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
        jdbc.update("insert into " + table + " (" + columns + ") values (" + marks + ")", row.values().toArray());
    }
}
