package org.healthcrm.workflow;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.healthcrm.platform.HealthCrmProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The engine settings we never want an operator to loosen by accident: no Java serialization of variables,
 * deserialization type validation, no XML external entities, a cap on unpaged query results, full history with a
 * time to live enforced on every model, counted from the end of the process, and history cleanup in a nightly window.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class EngineHardeningPlugin extends AbstractProcessEnginePlugin {

    private final HealthCrmProperties.Engine settings;

    public EngineHardeningPlugin(HealthCrmProperties properties) {
        this.settings = properties.getEngine();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setEnableXxeProcessing(false);
        configuration.setQueryMaxResultsLimit(settings.getQueryMaxResultsLimit());
        configuration.setHistory("full");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setHistoryTimeToLive(settings.getHistoryTimeToLive());
        // History is removed its time to live after the process ended, found by end time in the nightly cleanup.
        // The engine's default stamps a removal time on every history row of an instance when it ends (an UPDATE
        // of each history table per ended instance, in the transaction that ends it): work moved off the day's
        // intakes into the cleanup window, for the same retention.
        configuration.setHistoryCleanupStrategy(ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_END_TIME_BASED);
        configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_NONE);
        configuration.setHistoryCleanupBatchWindowStartTime(settings.getHistoryCleanupWindowStart());
        configuration.setHistoryCleanupBatchWindowEndTime(settings.getHistoryCleanupWindowEnd());
        configuration.setJobExecutorActivate(true);
        // A command's exception reaches the caller, whose error path logs what is unexpected once, with the request
        // id; the engine would also log every refused input (an unknown MRN typed by a clerk) with a stack trace.
        configuration.setEnableCmdExceptionLogging(false);
        // Task and process variables hold form data: JSON through Spin, never Java objects.
        configuration.setDefaultSerializationFormat("application/json");
    }
}
