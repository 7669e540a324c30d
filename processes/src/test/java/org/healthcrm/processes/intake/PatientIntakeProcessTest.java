package org.healthcrm.processes.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Patient intake as the front desk lives it: a request starts the intake, the front desk collects the
 * demographics within a day, reviews the registration with the patient within a day, and the patient is registered.
 */
@Deployment(resources = "processes/intake/patient-intake.bpmn")
class PatientIntakeProcessTest {

    private static final String PROCESS_KEY = "patient-intake";
    private static final String FRONT_DESK = "FRONT_DESK";
    private static final String FRONT_DESK_USER = "frontdesk";

    /** A Monday morning at the clinic; the engine's clock is fixed so that due dates can be asserted exactly. */
    private static final Instant INTAKE_REQUESTED_AT = Instant.parse("2025-03-10T08:30:00Z");

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .ensureCleanAfterTest(true)
            .build();

    @BeforeEach
    void startTheDayAtTheFrontDesk() {
        init(engine.getProcessEngine());
        engine.setCurrentTime(Date.from(INTAKE_REQUESTED_AT));
    }

    @AfterEach
    void signOut() {
        // The extension resets the engine's clock; the authenticated user is a thread-local we set ourselves.
        engine.getIdentityService().clearAuthentication();
        reset();
    }

    @Test
    void frontDeskIsAskedToCollectDemographicsWithinADay() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        assertThat(intake).isStarted().isWaitingAtExactly("Task_CollectDemographics");
        Task demographics = task(intake);
        assertThat(demographics)
                .hasDefinitionKey("Task_CollectDemographics")
                .hasName("Collect demographics")
                .isNotAssigned()
                .hasCandidateGroup(FRONT_DESK)
                .hasFormKey("formio:intake-demographics")
                .hasDueDate(Date.from(INTAKE_REQUESTED_AT.plus(Duration.ofHours(24))));

        assertThat(engine.getTaskService().getIdentityLinksForTask(demographics.getId()))
                .extracting(IdentityLink::getType, IdentityLink::getGroupId, IdentityLink::getUserId)
                .containsExactly(tuple(IdentityLinkType.CANDIDATE, FRONT_DESK, null));
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup(FRONT_DESK).list())
                .extracting(Task::getId)
                .containsExactly(demographics.getId());
        assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("NURSE").count()).isZero();
        assertThat(engine.getFormService().getTaskFormKey(intake.getProcessDefinitionId(), "Task_CollectDemographics"))
                .isEqualTo("formio:intake-demographics");
    }

    @Test
    void remembersWhoStartedTheIntake() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        assertThat(intake).variables().containsEntry("initiator", FRONT_DESK_USER);
        HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(intake.getId())
                .singleResult();
        assertThat(history.getStartUserId()).isEqualTo(FRONT_DESK_USER);
        assertThat(history.getStartActivityId()).isEqualTo("StartEvent_IntakeRequested");
    }

    @Test
    void reviewSeesTheDemographicsAndCompletingItRegistersThePatient() {
        ProcessInstance intake = startIntakeAs(FRONT_DESK_USER);

        // The demographics are taken three hours after the request; the review is due a day after that.
        Instant demographicsTakenAt = INTAKE_REQUESTED_AT.plus(Duration.ofHours(3));
        engine.setCurrentTime(Date.from(demographicsTakenAt));
        complete(task(intake), withVariables(
                "givenName", "Amara",
                "familyName", "Okafor"));

        assertThat(intake).isWaitingAtExactly("Task_ReviewRegistration")
                .hasPassed("StartEvent_IntakeRequested", "Task_CollectDemographics")
                .hasNotPassed("Task_ReviewRegistration");
        Task review = task(intake);
        assertThat(review)
                .hasCandidateGroup(FRONT_DESK)
                .hasFormKey("formio:intake-registration-review")
                .hasDueDate(Date.from(demographicsTakenAt.plus(Duration.ofHours(24))));
        assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
                .extracting(IdentityLink::getType, IdentityLink::getGroupId)
                .containsExactly(tuple(IdentityLinkType.CANDIDATE, FRONT_DESK));
        // What the review form shows comes from the task's variables.
        assertThat(engine.getTaskService().getVariables(review.getId()))
                .containsEntry("givenName", "Amara")
                .containsEntry("familyName", "Okafor")
                .containsEntry("initiator", FRONT_DESK_USER);

        complete(review, withVariables(
                "confirmed", true,
                "notes", "Spelling of the family name checked with the patient at the desk."));

        assertThat(intake).isEnded()
                .hasPassedInOrder("StartEvent_IntakeRequested", "Task_CollectDemographics",
                        "Task_ReviewRegistration", "EndEvent_IntakeRegistered");
        assertThat(historyService().createHistoricProcessInstanceQuery()
                .processInstanceId(intake.getId())
                .singleResult()
                .getEndActivityId())
                .isEqualTo("EndEvent_IntakeRegistered");
        assertThat(historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId())
                .variableName("confirmed")
                .singleResult()
                .getValue())
                .isEqualTo(true);
    }

    @Test
    void onlyFrontDeskAndIntegrationMayStartAnIntake() {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .latestVersion()
                .singleResult();

        assertThat(engine.getRepositoryService().getIdentityLinksForProcessDefinition(definition.getId()))
                .extracting(IdentityLink::getType, IdentityLink::getGroupId, IdentityLink::getUserId)
                .containsExactlyInAnyOrder(
                        tuple(IdentityLinkType.CANDIDATE, FRONT_DESK, null),
                        tuple(IdentityLinkType.CANDIDATE, "INTEGRATION", null));
    }

    private static ProcessInstance startIntakeAs(String userId) {
        engine.getIdentityService().setAuthenticatedUserId(userId);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
