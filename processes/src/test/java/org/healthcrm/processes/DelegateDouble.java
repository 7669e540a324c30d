package org.healthcrm.processes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for one of the application's delegates in a process test. The models name their delegates by bean
 * ({@code camunda:delegateExpression="${registerPatient}"}); {@link #register} puts a double under that name for the
 * engine's {@code MockExpressionManager}. A double sets the variables the real delegate documents that it sets,
 * remembers what it saw at each call, and can be switched to fail like an outage of the system behind it.
 */
public final class DelegateDouble implements JavaDelegate {

    private final String beanName;
    private final Map<String, Object> variablesToSet = new LinkedHashMap<>();
    private final List<Consumer<DelegateExecution>> behaviour = new ArrayList<>();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private String outage;

    private DelegateDouble(String beanName) {
        this.beanName = beanName;
    }

    /** A double that does nothing yet, registered under the bean name the models use. */
    public static DelegateDouble register(String beanName) {
        DelegateDouble delegate = new DelegateDouble(beanName);
        Mocks.register(beanName, delegate);
        return delegate;
    }

    /** Sets this process variable at every successful call, as the real delegate would. */
    public DelegateDouble sets(String variable, Object value) {
        variablesToSet.put(variable, value);
        return this;
    }

    /** Runs this at every successful call, before the variables of {@link #sets} are set. */
    public DelegateDouble does(Consumer<DelegateExecution> action) {
        behaviour.add(action);
        return this;
    }

    /** From now on every call fails with a {@link RuntimeException}, as when the system behind it is down. */
    public void failsWith(String message) {
        outage = message;
    }

    /** Ends an outage begun with {@link #failsWith}. */
    public void works() {
        outage = null;
    }

    /** How many times the engine called this delegate, the failed attempts included. */
    public int timesCalled() {
        return calls.size();
    }

    public boolean wasCalled() {
        return !calls.isEmpty();
    }

    /** The process variables the delegate could see at its last call. */
    public Map<String, Object> lastCall() {
        if (calls.isEmpty()) {
            throw new AssertionError(beanName + " was never called");
        }
        return calls.get(calls.size() - 1);
    }

    @Override
    public void execute(DelegateExecution execution) {
        calls.add(new HashMap<>(execution.getVariables()));
        if (outage != null) {
            throw new RuntimeException(outage);
        }
        behaviour.forEach(action -> action.accept(execution));
        variablesToSet.forEach(execution::setVariable);
    }

    @Override
    public String toString() {
        return "double of " + beanName;
    }
}
