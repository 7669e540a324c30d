package org.healthcrm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the one writer appends is what the readers (JPA, UTC) find: same instant, same fields. */
class AuditTrailTest extends IntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditEventRepository events;

    @Test
    void anEventIsReadBackWithItsInstantAndFields() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        trail.event("SIGN_IN_CHECK", "auditwriter", AuditEvent.Outcome.DENIED, 4242L, "Thing", "t-1", "because");
        Instant after = Instant.now();

        AuditEvent event = events.findByUsernameAndActionOrderByIdAsc("auditwriter", "SIGN_IN_CHECK").get(0);
        assertThat(event.getOccurredAt()).isBetween(before, after);
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(event.getPatientId()).isEqualTo(4242L);
        assertThat(event.getObjectType()).isEqualTo("Thing");
        assertThat(event.getObjectId()).isEqualTo("t-1");
        assertThat(event.getReason()).isEqualTo("because");
    }
}
