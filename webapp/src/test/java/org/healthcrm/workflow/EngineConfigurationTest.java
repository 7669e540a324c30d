package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.xml.datatype.DatatypeFactory;

import jakarta.mail.util.StreamProvider;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The engine runs hardened on MariaDB and deploys the process models only when they change. */
class EngineConfigurationTest extends IntegrationTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    ProcessDeployment deployment;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void engineIsHardened() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.isEnableXxeProcessing()).isFalse();
        assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
        assertThat(configuration.getHistory()).isEqualTo("full");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P2190D");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(configuration.getHistoryCleanupStrategy()).as("time to live counted from the end of the process")
                .isEqualTo("endTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("none");
        assertThat(configuration.getJobExecutor().isActive()).isTrue();
        assertThat(configuration.isEnableCmdExceptionLogging()).as("refused input is not logged as an engine error")
                .isFalse();
        assertThat(configuration.getDatabaseType()).isEqualTo("mysql");
        assertThat(configuration.isTaskMetricsEnabled()).isFalse();
    }

    @Test
    void entityIdsAreStillChecked() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Object entityManager = configuration.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
        assertThat(entityManager).isInstanceOf(IdCheckedEntityManagerFactory.IdCheckedEntityManager.class);
        // the reserved id "*" is refused at the insert, with the engine's message naming the entity
        Task reserved = taskService.newTask("*");
        reserved.setName("Reserved id");
        assertThatThrownBy(() -> taskService.saveTask(reserved)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id").hasMessageContaining("cannot be *");
        assertThat(taskService.createTaskQuery().taskName("Reserved id").count()).isZero();
    }

    @Test
    void assigningATaskLeavesNoLicenceTelemetryRow() {
        Integer before = jdbc.queryForObject("select count(*) from ACT_RU_TASK_METER_LOG", Integer.class);
        Task task = taskService.newTask();
        task.setName("Telemetry check");
        taskService.saveTask(task);
        try {
            taskService.setAssignee(task.getId(), "frontdesk");
            taskService.setAssignee(task.getId(), "nurse");

            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("nurse");
            assertThat(jdbc.queryForObject("select count(*) from ACT_RU_TASK_METER_LOG", Integer.class))
                    .as("no hash of the assignee kept per assignment").isEqualTo(before);
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void timersAndMailUseTheImplementationsPinnedAtStartUp() throws Exception {
        // the engine creates a DatatypeFactory for every timer it schedules (the intake's 24-hour escalation);
        // the class named here answers without a ServiceLoader scan of every jar (ServiceLookups)
        String pinned = System.getProperty(DatatypeFactory.class.getName());

        assertThat(pinned).isNotNull();
        assertThat(DatatypeFactory.class.isAssignableFrom(Class.forName(pinned))).isTrue();
        assertThat(System.getProperty(StreamProvider.class.getName())).isNotNull();
    }

    @Test
    void deployingUnchangedModelsCreatesNoNewVersion() {
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("patient-intake").count();
        assertThat(deployment.deployChanged()).isNull();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("patient-intake").count())
                .isEqualTo(before);
    }
}
