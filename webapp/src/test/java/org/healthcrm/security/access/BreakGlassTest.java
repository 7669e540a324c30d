package org.healthcrm.security.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.healthcrm.IntegrationTest;
import org.healthcrm.ScreenSession;
import org.healthcrm.audit.AuditEvent;
import org.healthcrm.audit.AuditEventRepository;
import org.healthcrm.compliance.AuditIntegrity;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientQuery;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkflowAccessDeniedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Minimum necessary: the front desk does not see the clinical history, unless it breaks the glass with a reason,
 * for a limited time, and compliance reviews every use.
 */
class BreakGlassTest extends IntegrationTest {

    static final Actor FRONT_DESK = Actor.of("frontdesk", Role.FRONT_DESK);
    static final Actor COMPLIANCE = Actor.of("compliance", Role.COMPLIANCE);

    @Autowired
    ClinicalAccess access;
    @Autowired
    PatientRecords patients;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    AuditIntegrity integrity;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void theFrontDeskBreaksTheGlassWithAReasonAndComplianceReviewsIt() {
        String family = "Glass" + System.nanoTime() % 100_000;
        awaitProcessEnd(registerThroughIntake("glass-" + System.nanoTime(), "Ravi", family, "08/08/1958",
                "ravi@example.org", false));
        Patient patient = patients.search(new PatientQuery("Ravi " + family, null, null, null)).get(0);
        ScreenSession desk = new ScreenSession(url(""));
        desk.login("frontdesk", PASSWORD);
        assertThat(desk.get("/app/patient.xhtml?id=" + patient.getId()).body())
                .contains("The clinical history is for nurses", "Break the glass").doesNotContain("Penicillin");
        assertThat(access.allows(FRONT_DESK, patient.getId())).isFalse();

        assertThatThrownBy(() -> access.breakGlass(FRONT_DESK, patient.getId(), "need it"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Say why");
        // as the web layer does for each request: the engine's current user is who the audit names
        identityService.setAuthentication("frontdesk", java.util.List.of("FRONT_DESK"));
        BreakGlassGrant grant;
        try {
            grant = access.breakGlass(FRONT_DESK, patient.getId(),
                    "Patient reports a reaction at the desk; ambulance crew asks for allergies");
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(grant.getExpiresAt()).isEqualTo(grant.getGrantedAt().plus(Duration.ofMinutes(30)));
        assertThat(grant.isActiveAt(grant.getExpiresAt())).as("time-limited").isFalse();
        assertThat(desk.get("/app/patient.xhtml?id=" + patient.getId()).body())
                .contains("Penicillin", "Break-glass access").doesNotContain("The clinical history is for nurses");
        // only for that patient
        assertThat(access.allows(FRONT_DESK, patient.getId() + 100_000)).isFalse();
        assertThat(audit.findByPatientIdOrderByIdAsc(patient.getId())).filteredOn(e -> e.getAction().equals("BREAK_GLASS"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getUsername()).isEqualTo("frontdesk");
                    assertThat(e.getReason()).contains("ambulance crew");
                    assertThat(e.getOutcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
                });

        // compliance sees it in the queue until reviewed, and having seen it is in the patient's trail
        assertThat(access.awaitingReview(500)).extracting(BreakGlassGrant::getId).contains(grant.getId());
        assertThat(integrity.awaitingReview(COMPLIANCE, 500)).extracting(AuditIntegrity.BreakGlassUse::id)
                .contains(grant.getId());
        assertThat(audit.findByPatientIdOrderByIdAsc(patient.getId())).extracting(AuditEvent::getAction)
                .contains("AUDIT_SEARCH");
        assertThatThrownBy(() -> access.review(FRONT_DESK, grant.getId()))
                .isInstanceOf(WorkflowAccessDeniedException.class);
        identityService.setAuthentication("compliance", java.util.List.of("COMPLIANCE"));
        try {
            access.review(COMPLIANCE, grant.getId());
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(access.awaitingReview(500)).extracting(BreakGlassGrant::getId).doesNotContain(grant.getId());
        assertThat(audit.findByPatientIdOrderByIdAsc(patient.getId())).extracting(e -> e.getAction() + ":" + e.getUsername())
                .contains("HEALTH_HISTORY_READ:frontdesk", "BREAK_GLASS_REVIEW:compliance");
    }
}
