package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransactionRollbackException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.healthcrm.IntegrationTest;
import org.healthcrm.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process history is kept for the model's time to live counted from the end of the process, then the history cleanup
 * removes it: an ended instance whose time is up goes with all its history, one whose time is not up stays.
 */
class HistoryRetentionTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

    @Test
    void theCleanupRemovesTheHistoryOfProcessesEndedLongerAgoThanTheirTimeToLiveAndNoOther() throws Exception {
        String expiring = "retention_expired_" + System.nanoTime();
        String kept = "retention_kept_" + System.nanoTime();
        Deployment deployment = deploy(expiring, 0, kept, 1);
        try {
            List<String> expired = new ArrayList<>();
            // more than the cleanup's threshold of instances, so that it does not wait for more
            for (int i = 0; i < 12; i++) {
                expired.add(runtimeService.startProcessInstanceByKey(expiring).getId());
            }
            String keptInstance = runtimeService.startProcessInstanceByKey(kept).getId();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(keptInstance)
                    .singleResult().getRemovalTime())
                    .as("no removal time is stamped on the history when a process ends").isNull();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expired.get(0)).count())
                    .isPositive();

            cleanUp();

            assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(expiring).count())
                    .as("history of instances ended more than their time to live (0 days) ago").isZero();
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expired.get(0)).count())
                    .isZero();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(keptInstance).count())
                    .as("history of an instance ended less than its time to live (1 day) ago").isEqualTo(1);
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(keptInstance).count())
                    .isPositive();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private Deployment deploy(String expiring, int expiringDays, String kept, int keptDays) {
        identityService.setAuthentication("admin", List.of(Role.ADMIN.group()));
        try {
            return repositoryService.createDeployment().name("retention-probe")
                    .addModelInstance(expiring + ".bpmn", Bpmn.createExecutableProcess(expiring)
                            .camundaHistoryTimeToLive(expiringDays).startEvent().endEvent().done())
                    .addModelInstance(kept + ".bpmn", Bpmn.createExecutableProcess(kept)
                            .camundaHistoryTimeToLive(keptDays).startEvent().endEvent().done())
                    .deploy();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * Runs the history cleanup now, as the nightly job does; again when the job executor had the job at that moment, or
     * when the database chose the cleanup's deletes as a deadlock victim against the engine's writes of other tests
     * (the nightly job is retried the same way, by its job retries).
     */
    private void cleanUp() throws InterruptedException {
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        for (int attempt = 1; ; attempt++) {
            try {
                managementService.executeJob(cleanup.getId());
                return;
            } catch (ProcessEngineException e) {
                if (attempt == 10 || !(e instanceof OptimisticLockingException || deadlock(e))) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean deadlock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
