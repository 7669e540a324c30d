package org.healthcrm.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    @Bean
    ProcessDeployment processDeployment(RepositoryService repositoryService) {
        return new ProcessDeployment(repositoryService);
    }

    /** Deploys changed models once every singleton exists, before the application reports itself ready. */
    @Bean
    SmartInitializingSingleton deployProcessModelsAtStart(ProcessDeployment deployment) {
        return deployment::deployChanged;
    }
}
