package org.healthcrm.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    @Bean
    ProcessDeployment processDeployment(RepositoryService repositoryService) {
        return new ProcessDeployment(repositoryService);
    }

    /** The engine's entity manager, checking ids without building a message first ({@link IdCheckedEntityManagerFactory}). */
    @Bean
    ProcessEnginePlugin entityIdsCheckedWithoutMessage() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
                // custom session factories replace the engine's own of the same session type
                factories.add(new IdCheckedEntityManagerFactory(configuration));
                configuration.setCustomSessionFactories(factories);
            }
        };
    }

    /** Deploys changed models once every singleton exists, before the application reports itself ready. */
    @Bean
    SmartInitializingSingleton deployProcessModelsAtStart(ProcessDeployment deployment) {
        return deployment::deployChanged;
    }
}
