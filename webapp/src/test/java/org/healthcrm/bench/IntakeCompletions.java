package org.healthcrm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Tells the benchmark when an intake is complete: the moment the transaction that ends its process instance commits
 * (after the EHR push and the e-mail, which run as jobs). An engine plugin, added to the application's engine and to
 * the bare engine alike, that puts an end listener on every process definition; no polling, so measuring adds no
 * database load.
 */
final class IntakeCompletions extends AbstractProcessEnginePlugin {

    private final Map<String, CompletableFuture<Long>> endedAt = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                    String instance = execution.getProcessInstanceId();
                    Context.getCommandContext().getTransactionContext().addTransactionListener(
                            TransactionState.COMMITTED, committed -> future(instance).complete(System.nanoTime()));
                });
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Waits until the process instance has ended and returns {@link System#nanoTime()} at its commit. */
    long awaitEnd(String processInstanceId, long timeoutSeconds) {
        try {
            return future(processInstanceId).get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Intake " + processInstanceId + " did not end within " + timeoutSeconds
                    + " s: is a job failing? (see the incidents and the log)");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            endedAt.remove(processInstanceId);
        }
    }

    private CompletableFuture<Long> future(String processInstanceId) {
        return endedAt.computeIfAbsent(processInstanceId, id -> new CompletableFuture<>());
    }
}
