package org.healthcrm.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;

/**
 * The same patient-intake model (and its two DMN tables) on a bare Camunda engine: a plain
 * {@link StandaloneProcessEngineConfiguration}, no Spring, no JPA, delegates that only set the variables the real ones
 * set (fixed values, so that every gateway takes the path the application's intakes take), on its own database of
 * the same MariaDB server. It copies the application engine's settings that change what a step costs: history level
 * and removal time strategy, id generator, serialization, batch processing, the driver's settings, metrics and the job
 * executor's pool and acquisition. Each user task is completed with the variables the application stores for the
 * same submission.
 */
final class BareEngineIntakes implements IntakeScenario {

    static final String DATABASE = "healthcrm_bare";
    private static final String PROCESS_KEY = "patient-intake";
    private static final String[] MODELS = {
            "processes/intake/patient-intake.bpmn",
            "processes/intake/red-flags.dmn",
            "processes/consent/required-consents.dmn"};

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final List<IntakeTask> tasks;
    private final Actor frontDesk = Actor.of("frontdesk", Role.FRONT_DESK);

    /** A user task of the intake and the variables its completion sets. */
    record IntakeTask(String taskDefinitionKey, Map<String, Object> variables) {
    }

    private BareEngineIntakes(HikariDataSource dataSource, ProcessEngine engine, List<IntakeTask> tasks) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.tasks = tasks;
    }

    /**
     * Builds the engine on database {@value #DATABASE} at {@code databaseUrl} (its tables are created when missing)
     * and deploys the intake models.
     *
     * @param databaseUrl the JDBC URL of that database, reached the way the application reaches its own
     * @param application the application engine's configuration, whose cost-relevant settings are copied
     * @param applicationPool the application's connection pool, whose size, isolation and driver settings are copied
     * @param ehrSettings what {@code ${ehrSettings.retryCycle}} reads in the model
     * @param ageYears what the age delegate sets (the DMN required-consents reads it)
     */
    static BareEngineIntakes start(String databaseUrl, ProcessEngineConfigurationImpl application,
                                   HikariDataSource applicationPool, JobExecutionProperty jobExecution,
                                   Object ehrSettings, int ageYears, IntakeCompletions completions,
                                   List<IntakeTask> tasks) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("bare-engine");
        // the engine looks for its tables without naming a database: only in this one, not in the application's
        dataSource.setJdbcUrl(databaseUrl + (databaseUrl.contains("?") ? "&" : "?") + "nullDatabaseMeansCurrent=true");
        dataSource.setUsername(applicationPool.getUsername());
        dataSource.setPassword(applicationPool.getPassword());
        dataSource.setMaximumPoolSize(applicationPool.getMaximumPoolSize());
        dataSource.setTransactionIsolation(applicationPool.getTransactionIsolation());
        // the driver's settings too (time zone, how batched inserts are sent)
        dataSource.setDataSourceProperties(applicationPool.getDataSourceProperties());

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-benchmark");
        configuration.setDataSource(dataSource);
        configuration.setDatabaseType(application.getDatabaseType());
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(application.getHistory());
        configuration.setHistoryCleanupStrategy(application.getHistoryCleanupStrategy());
        configuration.setHistoryRemovalTimeStrategy(application.getHistoryRemovalTimeStrategy());
        configuration.setIdGenerator(newInstance(application.getIdGenerator().getClass()));
        configuration.setJdbcBatchProcessing(application.isJdbcBatchProcessing());
        configuration.setJavaSerializationFormatEnabled(application.isJavaSerializationFormatEnabled());
        configuration.setDefaultSerializationFormat(application.getDefaultSerializationFormat());
        configuration.setDeserializationTypeValidationEnabled(application.isDeserializationTypeValidationEnabled());
        configuration.setEnableXxeProcessing(false);
        configuration.setEnforceHistoryTimeToLive(application.isEnforceHistoryTimeToLive());
        configuration.setHistoryTimeToLive(application.getHistoryTimeToLive());
        configuration.setMetricsEnabled(application.isMetricsEnabled());
        configuration.setDbMetricsReporterActivate(application.isDbMetricsReporterActivate());
        configuration.setJobExecutorActivate(true);
        configuration.setJobExecutor(jobExecutorLike(application.getJobExecutor(), jobExecution));
        configuration.setBeans(beans(ehrSettings, ageYears));
        configuration.setProcessEnginePlugins(new ArrayList<>(List.of(new SpinProcessEnginePlugin(), completions)));
        ProcessEngine engine = configuration.buildProcessEngine();

        var deployment = engine.getRepositoryService().createDeployment().name("bare-benchmark");
        for (String model : MODELS) {
            deployment.addClasspathResource(model);
        }
        deployment.enableDuplicateFiltering(true).deploy();
        return new BareEngineIntakes(dataSource, engine, tasks);
    }

    @Override
    public String name() {
        return "bare engine";
    }

    @Override
    public String description() {
        return "same BPMN/DMN, no-op delegates, StandaloneProcessEngineConfiguration on database " + DATABASE;
    }

    @Override
    public String enterIntake(int index) {
        engine.getIdentityService().setAuthentication(frontDesk.userId(), frontDesk.groups());
        try {
            String instance = engine.getRuntimeService()
                    .startProcessInstanceByKey(PROCESS_KEY, "bench-" + index, Map.of()).getId();
            for (IntakeTask step : tasks) {
                Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).active()
                        .singleResult();
                if (task == null || !step.taskDefinitionKey().equals(task.getTaskDefinitionKey())) {
                    throw new IllegalStateException("Intake " + instance + " waits at "
                            + (task == null ? "no task" : task.getTaskDefinitionKey()) + ", expected "
                            + step.taskDefinitionKey());
                }
                engine.getTaskService().complete(task.getId(), step.variables());
            }
            return instance;
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }

    /** A job executor with the application's pool and acquisition settings. */
    private static JobExecutor jobExecutorLike(JobExecutor application, JobExecutionProperty pool) {
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(pool.getCorePoolSize());
        executor.setMaxPoolSize(pool.getMaxPoolSize());
        executor.setQueueSize(pool.getQueueCapacity());
        executor.setMaxJobsPerAcquisition(application.getMaxJobsPerAcquisition());
        executor.setWaitTimeInMillis(application.getWaitTimeInMillis());
        executor.setLockTimeInMillis(application.getLockTimeInMillis());
        executor.setMaxWait(application.getMaxWait());
        executor.setBackoffTimeInMillis(application.getBackoffTimeInMillis());
        executor.setMaxBackoff(application.getMaxBackoff());
        executor.setBackoffDecreaseThreshold(application.getBackoffDecreaseThreshold());
        executor.setWaitIncreaseFactor(application.getWaitIncreaseFactor());
        return executor;
    }

    /**
     * The beans the model names: each delegate sets what the real one documents that it sets (see
     * org.healthcrm.intake), with fixed values, and does nothing else.
     */
    private static Map<Object, Object> beans(Object ehrSettings, int ageYears) {
        AtomicLong ids = new AtomicLong(1_000_000);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("ehrSettings", ehrSettings);
        beans.put("derivePatientAge", setting(Map.of("ageYears", ageYears)));
        beans.put("findDuplicatePatients", setting(Map.of("duplicateCandidateCount", 0, "candidateCount", "0",
                "duplicateCandidateIds", "")));
        beans.put("applyDuplicateDecision", setting(Map.of()));
        beans.put("redFlagScreening", setting(Map.of("disposition", "ROUTINE", "redFlagFindings", "[]")));
        beans.put("resolveSafetyAlerts", setting(Map.of()));
        beans.put("registerPatient", (JavaDelegate) execution -> {
            execution.setVariable("patientId", ids.incrementAndGet());
            execution.setVariable("consentIds", "1,2,3,4,5");
            // as the real delegate: the gateway to the e-mail confirmation reads the registered consent
            execution.setVariable("consentEmail", true);
        });
        beans.put("generateIntakePacket", (JavaDelegate) execution ->
                execution.setVariable("intakePacketDocumentId", ids.incrementAndGet()));
        beans.put("pushIntakeToEhr", setting(Map.of()));
        beans.put("sendIntakeConfirmation", setting(Map.of("confirmationSent", true)));
        return beans;
    }

    private static JavaDelegate setting(Map<String, Object> variables) {
        return execution -> variables.forEach(execution::setVariable);
    }

    private static <T> T newInstance(Class<T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create a " + type.getName(), e);
        }
    }
}
