package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.healthcrm.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine runs hardened on MariaDB and deploys the process models only when they change. */
class EngineConfigurationTest extends IntegrationTest {

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    ProcessDeployment deployment;

    @Autowired
    RepositoryService repositoryService;

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
    }

    @Test
    void deployingUnchangedModelsCreatesNoNewVersion() {
        long before = repositoryService.createProcessDefinitionQuery().processDefinitionKey("patient-intake").count();
        assertThat(deployment.deployChanged()).isNull();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("patient-intake").count())
                .isEqualTo(before);
    }
}
