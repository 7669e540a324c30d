package org.healthcrm.processes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
 * Patient intake as the front desk and the nurses live it: demographics, a duplicate check, health history with the
 * red-flag screening (the real DMN red-flags), the consents the real DMN required-consents asks for, insurance and a
 * review; then the patient record and intake packet in the review's transaction, the EHR push as its own job with
 * back-off, and the e-mail confirmation where the patient agreed to e-mail. The delegates are doubles
 * ({@link DelegateDouble}) that set what the real ones document; the engine clock is fixed so that due dates and
 * timers can be asserted exactly.
 */
@Deployment(resources = {
        "processes/intake/patient-intake.bpmn",
        "processes/intake/red-flags.dmn",
        "processes/consent/required-consents.dmn"})
class PatientIntakeProcessTest {

    private static final String PROCESS_KEY = "patient-intake";
    private static final String FRONT_DESK = "FRONT_DESK";
    private static final String NURSE = "NURSE";
    private static final String FRONT_DESK_USER = "frontdesk";

    /** A Monday morning at the clinic. */
    private static final Instant INTAKE_REQUESTED_AT = Instant.parse("2025-03-10T08:30:00Z");

    private static final long NEW_PATIENT_ID = 1001L;
    private static final long EXISTING_PATIENT_ID = 42L;
    private static final long INTAKE_PACKET_ID = 7001L;

    private static final String CHEST_PAIN = "redFlagChestPain";
    private static final String DIFFICULTY_BREATHING = "redFlagDifficultyBreathing";
    private static final List<String> RED_FLAGS = List.of(CHEST_PAIN, DIFFICULTY_BREATHING, "redFlagStrokeSigns",
            "redFlagSevereBleeding", "redFlagSuicidalThoughts");

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .ensureCleanAfterTest(true)
            .build();

    private DelegateDouble derivePatientAge;
    private DelegateDouble findDuplicatePatients;
    private DelegateDouble applyDuplicateDecision;
    private DelegateDouble redFlagScreening;
    private DelegateDouble resolveSafetyAlerts;
    private DelegateDouble registerPatient;
    private DelegateDouble generateIntakePacket;
    private DelegateDouble pushIntakeToEhr;
    private DelegateDouble sendIntakeConfirmation;

    @BeforeEach
    void openTheClinic() {
        init(engine.getProcessEngine());
        engine.setCurrentTime(Date.from(INTAKE_REQUESTED_AT));

        // Each double sets what the real delegate's Javadoc says it sets (engine module, org.healthcrm.intake).
        derivePatientAge = DelegateDouble.register("derivePatientAge").sets("ageYears", 40);
        findDuplicatePatients = DelegateDouble.register("findDuplicatePatients")
                .sets("duplicateCandidateCount", 0)
                .sets("candidateCount", "0")
                .sets("duplicateCandidateIds", "");
        applyDuplicateDecision = DelegateDouble.register("applyDuplicateDecision").does(execution -> {
            if ("linkExisting".equals(execution.getVariable("resolution"))) {
                execution.setVariable("patientId", EXISTING_PATIENT_ID);
            } else {
                execution.removeVariable("patientId");
            }
        });
        redFlagScreening = DelegateDouble.register("redFlagScreening").does(execution -> {
            // The real table decides: this double only reads its result the way the real delegate does.
            List<Map<String, Object>> rows = execution.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionByKey("red-flags")
                    .variables(execution.getVariables())
                    .evaluate()
                    .getResultList();
            boolean emergency = rows.stream().anyMatch(row -> "EMERGENCY".equals(row.get("disposition")));
            execution.setVariable("disposition", emergency ? "EMERGENCY" : "ROUTINE");
            execution.setVariable("redFlagFindings",
                    rows.stream().map(row -> (String) row.get("finding")).collect(Collectors.joining("\n")));
        });
        resolveSafetyAlerts = DelegateDouble.register("resolveSafetyAlerts");
        registerPatient = DelegateDouble.register("registerPatient").does(execution -> {
            // Updates the patient the duplicate review linked, or creates a new one.
            Object linked = execution.getVariable("patientId");
            execution.setVariable("patientId", linked instanceof Number id ? id.longValue() : NEW_PATIENT_ID);
        }).sets("consentIds", "501,502");
        generateIntakePacket = DelegateDouble.register("generateIntakePacket")
                .sets("intakePacketDocumentId", INTAKE_PACKET_ID);
        pushIntakeToEhr = DelegateDouble.register("pushIntakeToEhr");
        sendIntakeConfirmation = DelegateDouble.register("sendIntakeConfirmation").sets("confirmationSent", true);
        EhrSettingsDouble.register();
    }

    @AfterEach
    void closeTheClinic() {
        // The extension resets the engine's clock; the doubles and the authenticated user are thread-locals of ours.
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
        reset();
    }

    @Test
    void walkInIsRegisteredSentToTheEhrAndEmailedAConfirmation() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectDemographics");
        assertThat(intake).variables().containsEntry("initiator", FRONT_DESK_USER);
        assertThat(task(intake))
                .hasName("Collect demographics")
                .isNotAssigned()
                .hasCandidateGroup(FRONT_DESK)
                .hasFormKey("formio:intake-demographics")
                .hasDueDate(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(24))));

        complete(task(intake), demographics("primaryCare"));
        // No likely duplicate: straight on to the health history.
        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectHealthHistory")
                .hasPassed("ServiceTask_DeriveAge", "ServiceTask_FindDuplicates")
                .hasNotPassed("Task_ReviewDuplicate", "ServiceTask_ApplyDuplicateDecision");
        assertThat(task(intake)).hasCandidateGroup(FRONT_DESK).hasFormKey("formio:intake-health-history");

        complete(task(intake), healthHistoryWith(/* no red flag */));
        // Nothing urgent: no nurse is called, the front desk goes on to the consents.
        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents")
                .hasNotPassed("ThrowEvent_RedFlagRaised", "Task_EmergencyNurseReview");
        assertThat(intake).variables().containsEntry("disposition", "ROUTINE");
        assertThat(taskQuery().taskCandidateGroup(NURSE).count()).isZero();
        assertThat(task(intake)).hasCandidateGroup(FRONT_DESK).hasFormKey("formio:intake-consents");

        complete(task(intake), consents(true));
        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectInsurance");
        assertThat(task(intake)).hasCandidateGroup(FRONT_DESK).hasFormKey("formio:intake-insurance");

        complete(task(intake), selfPay());
        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_ReviewRegistration");
        assertThat(task(intake)).hasCandidateGroup(FRONT_DESK).hasFormKey("formio:intake-registration-review");
        assertThat(registerPatient.wasCalled()).as("patient registered before the review").isFalse();

        complete(task(intake), reviewConfirmed());
        // The review's transaction registers the patient and makes the packet; the EHR waits for its own job.
        assertThat(registerPatient.timesCalled()).isEqualTo(1);
        assertThat(generateIntakePacket.timesCalled()).isEqualTo(1);
        assertThat(intake).variables()
                .containsEntry("patientId", NEW_PATIENT_ID)
                .containsEntry("intakePacketDocumentId", INTAKE_PACKET_ID);
        assertThat(intake).isWaitingAtExactly("ServiceTask_PushToEhr");
        assertThat(pushIntakeToEhr.wasCalled()).as("EHR called in the front desk's transaction").isFalse();

        managementService().executeJob(job("ServiceTask_PushToEhr", intake).getId());
        assertThat(pushIntakeToEhr.lastCall())
                .contains(entry("patientId", NEW_PATIENT_ID), entry("intakePacketDocumentId", INTAKE_PACKET_ID));
        // The patient said yes to e-mail: the confirmation is its own job too.
        assertThat(intake).isWaitingAtExactly("ServiceTask_SendConfirmation");
        assertThat(sendIntakeConfirmation.wasCalled()).isFalse();

        managementService().executeJob(job("ServiceTask_SendConfirmation", intake).getId());
        assertThat(sendIntakeConfirmation.timesCalled()).isEqualTo(1);
        assertThat(intake).isEnded()
                .hasPassedInOrder("Task_CollectDemographics", "Task_CollectHealthHistory", "Task_CollectConsents",
                        "Task_CollectInsurance", "Task_ReviewRegistration", "ServiceTask_RegisterPatient",
                        "ServiceTask_GenerateIntakePacket", "ServiceTask_PushToEhr", "ServiceTask_SendConfirmation",
                        "EndEvent_IntakeRegistered");
        assertThat(endActivityOf(intake)).isEqualTo("EndEvent_IntakeRegistered");
        assertThat(historicVariable(intake, "confirmationSent")).isEqualTo(true);
    }

    @Test
    void patientWhoDeclinedEmailGetsNoConfirmation() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        registerUpToTheEhr(intake);
        managementService().executeJob(job("ServiceTask_PushToEhr", intake).getId());

        assertThat(pushIntakeToEhr.timesCalled()).isEqualTo(1);
        assertThat(sendIntakeConfirmation.wasCalled()).isFalse();
        assertThat(intake).isEnded()
                .hasPassed("ServiceTask_PushToEhr", "EndEvent_IntakeRegistered")
                .hasNotPassed("ServiceTask_SendConfirmation");
    }

    @Test
    void likelyDuplicateIsReviewedByTheFrontDeskBeforeTheHealthHistory() {
        findDuplicatePatients
                .sets("duplicateCandidateCount", 1)
                .sets("candidateCount", "1")
                .sets("duplicateCandidateIds", "42");
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        complete(task(intake), demographics("primaryCare"));

        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_ReviewDuplicate");
        Task review = task(intake);
        assertThat(review)
                .hasName("Review possible duplicate")
                .hasCandidateGroup(FRONT_DESK)
                .hasFormKey("formio:intake-duplicate-review")
                .hasDueDate(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(24))));
        // What the review form is filled from (the candidates' names are read from their records when it opens).
        assertThat(taskService().getVariables(review.getId()))
                .containsEntry("candidateCount", "1")
                .containsEntry("duplicateCandidateIds", "42");
        assertThat(applyDuplicateDecision.wasCalled()).isFalse();

        complete(review, withVariables(
                "resolution", "linkExisting",
                "existingPatientMrn", "MRN-000042",
                "matchEvidence", "Same date of birth and phone; patient confirmed at the desk"));

        assertThat(applyDuplicateDecision.timesCalled()).isEqualTo(1);
        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectHealthHistory")
                .hasPassedInOrder("ServiceTask_FindDuplicates", "Task_ReviewDuplicate",
                        "ServiceTask_ApplyDuplicateDecision");
        assertThat(intake).variables().containsEntry("patientId", EXISTING_PATIENT_ID);

        // The rest of the intake updates the existing patient instead of creating a second one.
        completeFromHealthHistoryToReview(intake);
        managementService().executeJob(job("ServiceTask_PushToEhr", intake).getId());
        assertThat(pushIntakeToEhr.lastCall()).containsEntry("patientId", EXISTING_PATIENT_ID);
        assertThat(intake).isEnded();
        assertThat(historicVariable(intake, "patientId")).isEqualTo(EXISTING_PATIENT_ID);
    }

    @Test
    void chestPainCallsANurseAtOnceWhileTheFrontDeskCarriesOnWithTheConsents() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        complete(task(intake), demographics("primaryCare"));

        Instant historyTakenAt = INTAKE_REQUESTED_AT.plus(Duration.ofMinutes(20));
        engine.setCurrentTime(Date.from(historyTakenAt));
        complete(task(intake), healthHistoryWith(CHEST_PAIN));

        assertThat(intake).variables().containsEntry("disposition", "EMERGENCY");
        assertThat((String) runtimeService().getVariable(intake.getId(), "redFlagFindings")).contains("Chest pain");
        // The nurse's task is there at once, at the top of the list and already due...
        assertThat(intake)
                .isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents", "Task_EmergencyNurseReview")
                .hasPassed("ThrowEvent_RedFlagRaised", "BoundaryEvent_RedFlag");
        Task nurseReview = task("Task_EmergencyNurseReview", intake);
        assertThat(nurseReview)
                .hasName("Review red flag now")
                .hasCandidateGroup(NURSE)
                .hasFormKey("formio:triage-disposition")
                .hasDueDate(Date.from(historyTakenAt));
        assertThat(nurseReview.getPriority()).isEqualTo(100);
        // ...and it is the nurses' task, not the front desk's, whose own list shows the consents.
        assertThat(taskQuery().taskCandidateGroup(NURSE).list()).extracting(Task::getId)
                .containsExactly(nurseReview.getId());
        assertThat(taskQuery().taskCandidateGroup(FRONT_DESK).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactly("Task_CollectConsents");

        complete(nurseReview, withVariables("careAdvice", "Sent to the emergency department by ambulance"));

        // The banner comes down; the nurse's part ends, the registration goes on.
        assertThat(resolveSafetyAlerts.timesCalled()).isEqualTo(1);
        assertThat(intake).hasPassed("ServiceTask_ResolveSafetyAlert", "EndEvent_RedFlagReviewed")
                .isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents");

        complete(task(intake), consents(false));
        complete(task(intake), selfPay());
        complete(task(intake), reviewConfirmed());
        managementService().executeJob(job("ServiceTask_PushToEhr", intake).getId());

        assertThat(intake).isEnded().hasPassed("EndEvent_RedFlagReviewed", "EndEvent_IntakeRegistered");
        assertThat(registerPatient.timesCalled()).isEqualTo(1);
    }

    @Test
    void twoRedFlagsAtOnceAreOneEmergencyWithBothFindingsForTheNurse() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        complete(task(intake), demographics("primaryCare"));

        complete(task(intake), healthHistoryWith(CHEST_PAIN, DIFFICULTY_BREATHING));

        assertThat(intake).variables().containsEntry("disposition", "EMERGENCY");
        assertThat((String) runtimeService().getVariable(intake.getId(), "redFlagFindings"))
                .contains("Chest pain", "Difficulty breathing");
        assertThat(taskQuery().processInstanceId(intake.getId()).taskDefinitionKey("Task_EmergencyNurseReview")
                .count()).isEqualTo(1);
        assertThat(intake)
                .isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents", "Task_EmergencyNurseReview");
    }

    @Test
    void consentFormAsksForWhatTheRequiredConsentsTableSaysForAnAdult() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        complete(task(intake), demographics("primaryCare"));

        complete(task(intake), healthHistoryWith());

        assertThat(intake).hasPassed("BusinessRuleTask_RequiredConsents")
                .isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents");
        // Set on the process instance, so that the consent form and every later step see them.
        assertThat(intake).variables().contains(
                entry("treatmentConsentRequired", true),
                entry("privacyNoticeRequired", true),
                entry("guardianSignatureRequired", false),
                entry("consentValidityMonths", 24));
        assertThat(taskService().getVariables(task(intake).getId()))
                .containsEntry("guardianSignatureRequired", false)
                .containsEntry("consentValidityMonths", 24);
    }

    @Test
    void childsConsentFormAsksForAGuardianSignature() {
        derivePatientAge.sets("ageYears", 10);
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        complete(task(intake), demographics("pediatrics"));

        complete(task(intake), healthHistoryWith());

        assertThat(intake).isWaitingAtExactly("SubProcess_Registration", "Task_CollectConsents");
        assertThat(intake).variables().contains(
                entry("ageYears", 10),
                entry("treatmentConsentRequired", true),
                entry("privacyNoticeRequired", true),
                entry("guardianSignatureRequired", true),
                entry("consentValidityMonths", 12));
    }

    @Test
    void ehrOutageIsRetriedAfterOneAndFiveMinutesThenBecomesAnIncidentAndNothingIsLostWhenTheEhrIsBack() {
        pushIntakeToEhr.failsWith("EHR unavailable: 503 Service Unavailable");
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        registerUpToTheEhr(intake);
        String pushJob = job("ServiceTask_PushToEhr", intake).getId();

        // First attempt fails: the ehrSettings cycle PT1M,PT5M allows three attempts in all, the next in a minute.
        Instant firstAttempt = INTAKE_REQUESTED_AT.plus(Duration.ofHours(1));
        engine.setCurrentTime(Date.from(firstAttempt));
        assertThatThrownBy(() -> managementService().executeJob(pushJob)).hasMessageContaining("EHR unavailable");
        assertThat(pushJobOf(intake)).hasRetries(2).hasDueDate(Date.from(firstAttempt.plus(Duration.ofMinutes(1))));
        assertThat(pushJobOf(intake).getExceptionMessage()).contains("EHR unavailable");

        // Second attempt fails: the next in five minutes.
        Instant secondAttempt = firstAttempt.plus(Duration.ofMinutes(1));
        engine.setCurrentTime(Date.from(secondAttempt));
        assertThatThrownBy(() -> managementService().executeJob(pushJob)).hasMessageContaining("EHR unavailable");
        assertThat(pushJobOf(intake)).hasRetries(1).hasDueDate(Date.from(secondAttempt.plus(Duration.ofMinutes(5))));

        // Third attempt fails: no retries left, an incident for the operators.
        engine.setCurrentTime(Date.from(secondAttempt.plus(Duration.ofMinutes(5))));
        assertThatThrownBy(() -> managementService().executeJob(pushJob)).hasMessageContaining("EHR unavailable");
        assertThat(pushJobOf(intake)).hasRetries(0);
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(intake.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ServiceTask_PushToEhr");
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(incident.getIncidentMessage()).contains("EHR unavailable");
        assertThat(pushIntakeToEhr.timesCalled()).isEqualTo(3);

        // The registration is kept: the patient exists, only the EHR step waits.
        assertThat(intake).isNotEnded().isWaitingAtExactly("ServiceTask_PushToEhr");
        assertThat(intake).variables()
                .containsEntry("patientId", NEW_PATIENT_ID)
                .containsEntry("intakePacketDocumentId", INTAKE_PACKET_ID);
        assertThat(registerPatient.timesCalled()).as("retries repeat only the EHR step").isEqualTo(1);

        // The EHR is back; an operator gives the job one more retry.
        pushIntakeToEhr.works();
        managementService().setJobRetries(pushJob, 1);
        managementService().executeJob(pushJob);

        assertThat(pushIntakeToEhr.lastCall())
                .contains(entry("patientId", NEW_PATIENT_ID), entry("intakePacketDocumentId", INTAKE_PACKET_ID));
        assertThat(intake).isEnded().hasPassed("EndEvent_IntakeRegistered");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(intake.getId()).count()).isZero();
        assertThat(historicVariable(intake, "patientId")).isEqualTo(NEW_PATIENT_ID);
    }

    @Test
    void intakeNotRegisteredWithin24HoursGoesToASupervisorWhileTheFrontDeskCanStillFinish() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        engine.setCurrentTime(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(1))));
        complete(task(intake), demographics("primaryCare"));
        Job timer = job("BoundaryEvent_NotFinishedIn24h", intake);
        assertThat(timer).hasDueDate(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(24))));

        Instant dayLater = INTAKE_REQUESTED_AT.plus(Duration.ofHours(24));
        engine.setCurrentTime(Date.from(dayLater));
        managementService().executeJob(timer.getId());

        // The supervisor is asked to follow up; the front desk's task stays where it was.
        assertThat(intake).isWaitingAtExactly(
                "SubProcess_Registration", "Task_CollectHealthHistory", "Task_SupervisorEscalation");
        Task escalation = task("Task_SupervisorEscalation", intake);
        assertThat(escalation)
                .hasName("Intake overdue: supervisor follow-up")
                .hasCandidateGroup("FRONT_DESK_SUPERVISOR")
                .hasFormKey("formio:intake-supervisor-escalation")
                .hasDueDate(Date.from(dayLater.plus(Duration.ofHours(4))));
        assertThat(escalation.getPriority()).isEqualTo(80);
        assertThat(jobQuery().processInstanceId(intake.getId()).timers().count()).as("escalates once").isZero();

        complete(escalation, withVariables("reason", "insuranceUnverifiable"));
        assertThat(intake).hasPassed("EndEvent_Escalated")
                .isWaitingAtExactly("SubProcess_Registration", "Task_CollectHealthHistory");

        completeFromHealthHistoryToReview(intake);
        managementService().executeJob(job("ServiceTask_PushToEhr", intake).getId());
        assertThat(intake).isEnded().hasPassed("EndEvent_Escalated", "EndEvent_IntakeRegistered");
    }

    @Test
    void intakeRegisteredWithin24HoursIsNeverEscalated() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);
        assertThat(job("BoundaryEvent_NotFinishedIn24h", intake)).isNotNull();

        engine.setCurrentTime(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(23))));
        registerUpToTheEhr(intake);

        assertThat(jobQuery().processInstanceId(intake.getId()).timers().count()).isZero();
        assertThat(jobQuery().processInstanceId(intake.getId()).list()).extracting(Job::getId)
                .containsExactly(job("ServiceTask_PushToEhr", intake).getId());
        assertThat(intake).hasNotPassed("Task_SupervisorEscalation");
        assertThat(taskQuery().processInstanceId(intake.getId()).count()).isZero();
    }

    @Test
    void onlyFrontDeskAndIntegrationMayStartAnIntake() {
        ProcessDefinition definition = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .latestVersion()
                .singleResult();

        assertThat(repositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(IdentityLink::getType, IdentityLink::getGroupId, IdentityLink::getUserId)
                .containsExactlyInAnyOrder(
                        tuple(IdentityLinkType.CANDIDATE, FRONT_DESK, null),
                        tuple(IdentityLinkType.CANDIDATE, "INTEGRATION", null));
    }

    // --- the front desk's steps, with what the forms submit ---

    private static ProcessInstance startIntakeAs(String userId) {
        engine.getIdentityService().setAuthenticatedUserId(userId);
        try {
            return runtimeService().startProcessInstanceByKey(PROCESS_KEY);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * Demographics to review for an adult in primary care with no duplicate and no red flag, who declines e-mail; the
     * intake then waits for the EHR job.
     */
    private static void registerUpToTheEhr(ProcessInstance intake) {
        complete(task("Task_CollectDemographics", intake), demographics("primaryCare"));
        completeFromHealthHistoryToReview(intake);
    }

    /** From the health history, with no red flag and no e-mail consent, to the review; then the EHR job waits. */
    private static void completeFromHealthHistoryToReview(ProcessInstance intake) {
        complete(task("Task_CollectHealthHistory", intake), healthHistoryWith());
        complete(task("Task_CollectConsents", intake), consents(false));
        complete(task("Task_CollectInsurance", intake), selfPay());
        complete(task("Task_ReviewRegistration", intake), reviewConfirmed());
        assertThat(intake).isWaitingAt("ServiceTask_PushToEhr");
    }

    private static Map<String, Object> demographics(String service) {
        return withVariables(
                "service", service,
                "givenName", "Amara",
                "familyName", "Okafor",
                "dateOfBirth", "1985-02-14",
                "phone", "207-555-0147");
    }

    /** The health history form: every urgent-symptom box is submitted, ticked only for the red flags given. */
    private static Map<String, Object> healthHistoryWith(String... redFlags) {
        Map<String, Object> answers = new LinkedHashMap<>();
        RED_FLAGS.forEach(flag -> answers.put(flag, false));
        for (String flag : redFlags) {
            answers.put(flag, true);
        }
        answers.put("noKnownAllergies", true);
        return answers;
    }

    private static Map<String, Object> consents(boolean consentEmail) {
        return withVariables(
                "consentToTreatment", true,
                "privacyNoticeAcknowledged", true,
                "consentSms", false,
                "consentEmail", consentEmail,
                "signerName", "Amara Okafor");
    }

    private static Map<String, Object> selfPay() {
        return withVariables("coverageType", "selfPay", "paymentMethod", "card");
    }

    private static Map<String, Object> reviewConfirmed() {
        return withVariables("informationConfirmed", true);
    }

    private static Job pushJobOf(ProcessInstance intake) {
        return job("ServiceTask_PushToEhr", intake);
    }

    private static String endActivityOf(ProcessInstance intake) {
        HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(intake.getId())
                .singleResult();
        return history.getEndActivityId();
    }

    private static Object historicVariable(ProcessInstance intake, String name) {
        return historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }
}
