package org.healthcrm.processes.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.healthcrm.processes.DelegateDouble;
import org.healthcrm.processes.EhrSettingsDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A patient revokes a consent at the front desk: the revocation and its PDF happen in the transaction of the form's
 * submission, the EHR is told afterwards in a job of its own, retried with back-off and ending in an incident when
 * the EHR stays down. The delegates are doubles ({@link DelegateDouble}) that set what the real ones document.
 */
@Deployment(resources = {
        "processes/consent/consent-revocation.bpmn",
        "processes/intake/red-flags.dmn",
        "processes/consent/required-consents.dmn"})
class ConsentRevocationProcessTest {

    private static final String PROCESS_KEY = "consent-revocation";
    private static final String FRONT_DESK_USER = "frontdesk";
    private static final Instant REQUESTED_AT = Instant.parse("2025-03-10T14:00:00Z");

    private static final long PATIENT_ID = 1001L;
    private static final String REVOKED_CONSENT_IDS = "502";
    private static final long REVOCATION_DOCUMENT_ID = 8001L;

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .ensureCleanAfterTest(true)
            .build();

    private DelegateDouble revokeConsent;
    private DelegateDouble documentRevocation;
    private DelegateDouble pushRevocationToEhr;

    @BeforeEach
    void openTheClinic() {
        init(engine.getProcessEngine());
        engine.setCurrentTime(Date.from(REQUESTED_AT));
        // Each double sets what the real delegate's Javadoc says it sets (engine module, org.healthcrm.consent).
        revokeConsent = DelegateDouble.register("revokeConsent").sets("revokedConsentIds", REVOKED_CONSENT_IDS);
        documentRevocation = DelegateDouble.register("documentRevocation")
                .sets("revocationDocumentId", REVOCATION_DOCUMENT_ID);
        pushRevocationToEhr = DelegateDouble.register("pushRevocationToEhr");
        EhrSettingsDouble.register();
    }

    @AfterEach
    void closeTheClinic() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
        reset();
    }

    @Test
    void revocationTakesEffectWhenTheFrontDeskSubmitsItAndTheEhrIsToldAfterwards() {
        ProcessInstance revocation = startRevocationFor(PATIENT_ID);

        assertThat(revocation).isWaitingAtExactly("Task_RecordRevocation");
        Task record = task(revocation);
        assertThat(record)
                .hasName("Record the revocation")
                .hasCandidateGroup("FRONT_DESK")
                .hasFormKey("formio:consent-revocation")
                .hasDueDate(Date.from(REQUESTED_AT.plus(Duration.ofHours(24))));
        assertThat(revokeConsent.wasCalled()).isFalse();

        complete(record, revocationForm());

        // Revoked and documented in the submission's transaction; the EHR has not been called yet.
        assertThat(revokeConsent.lastCall()).containsEntry("patientId", PATIENT_ID);
        assertThat(documentRevocation.lastCall()).containsEntry("revokedConsentIds", REVOKED_CONSENT_IDS);
        assertThat(revocation).variables()
                .containsEntry("revokedConsentIds", REVOKED_CONSENT_IDS)
                .containsEntry("revocationDocumentId", REVOCATION_DOCUMENT_ID);
        assertThat(revocation).isWaitingAtExactly("ServiceTask_PushRevocationToEhr");
        assertThat(pushRevocationToEhr.wasCalled()).isFalse();

        managementService().executeJob(job("ServiceTask_PushRevocationToEhr", revocation).getId());

        assertThat(pushRevocationToEhr.lastCall()).contains(
                entry("patientId", PATIENT_ID),
                entry("revokedConsentIds", REVOKED_CONSENT_IDS),
                entry("revocationDocumentId", REVOCATION_DOCUMENT_ID));
        assertThat(revocation).isEnded().hasPassedInOrder("Task_RecordRevocation", "ServiceTask_RevokeConsent",
                "ServiceTask_DocumentRevocation", "ServiceTask_PushRevocationToEhr", "EndEvent_ConsentRevoked");
    }

    @Test
    void revocationThatCannotBeDocumentedIsNotRecordedAndTheTaskStaysOpen() {
        documentRevocation.failsWith("PDF store unavailable");
        ProcessInstance revocation = startRevocationFor(PATIENT_ID);
        Task record = task(revocation);

        assertThatThrownBy(() -> complete(record, revocationForm())).hasMessageContaining("PDF store unavailable");

        // One transaction: the front desk sees the error and can submit again; nothing half-done is kept.
        assertThat(revokeConsent.timesCalled()).isEqualTo(1);
        assertThat(revocation).isWaitingAtExactly("Task_RecordRevocation");
        assertThat(taskService().createTaskQuery().taskId(record.getId()).count()).isEqualTo(1);
        assertThat(revocation).variables().doesNotContainKeys("revokedConsentIds", "revocationDocumentId");
    }

    @Test
    void ehrOutageLeavesTheRevocationInForceAndRaisesAnIncidentAfterTheLastRetry() {
        pushRevocationToEhr.failsWith("EHR unavailable: connection refused");
        ProcessInstance revocation = startRevocationFor(PATIENT_ID);
        complete(task(revocation), revocationForm());
        String pushJob = job("ServiceTask_PushRevocationToEhr", revocation).getId();

        Instant attempt = REQUESTED_AT.plus(Duration.ofMinutes(10));
        for (Duration waitBeforeNext : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(5)}) {
            engine.setCurrentTime(Date.from(attempt));
            assertThatThrownBy(() -> managementService().executeJob(pushJob)).hasMessageContaining("EHR unavailable");
            assertThat(job("ServiceTask_PushRevocationToEhr", revocation))
                    .hasDueDate(Date.from(attempt.plus(waitBeforeNext)));
            attempt = attempt.plus(waitBeforeNext);
        }
        engine.setCurrentTime(Date.from(attempt));
        assertThatThrownBy(() -> managementService().executeJob(pushJob)).hasMessageContaining("EHR unavailable");

        assertThat(job("ServiceTask_PushRevocationToEhr", revocation)).hasRetries(0);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(revocation.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_PushRevocationToEhr");
        assertThat(incident.getIncidentMessage()).contains("EHR unavailable");
        assertThat(pushRevocationToEhr.timesCalled()).isEqualTo(3);
        // The consent stays revoked: only the EHR step waits for the operators.
        assertThat(revokeConsent.timesCalled()).isEqualTo(1);
        assertThat(revocation).isWaitingAtExactly("ServiceTask_PushRevocationToEhr");
        assertThat(revocation).variables().containsEntry("revokedConsentIds", REVOKED_CONSENT_IDS);

        pushRevocationToEhr.works();
        managementService().setJobRetries(pushJob, 1);
        managementService().executeJob(pushJob);

        assertThat(revocation).isEnded().hasPassed("EndEvent_ConsentRevoked");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(revocation.getId()).count()).isZero();
    }

    private static ProcessInstance startRevocationFor(long patientId) {
        engine.getIdentityService().setAuthenticatedUserId(FRONT_DESK_USER);
        try {
            return runtimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables("patientId", patientId));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static Map<String, Object> revocationForm() {
        return withVariables(
                "consentType", "contactEmail",
                "reason", "Prefers to be contacted by phone",
                "receivedVia", "inPerson",
                "requestedBy", "self",
                "effectExplained", true);
    }
}
