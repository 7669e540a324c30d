package org.healthcrm.workflow;

import java.util.Map;

/**
 * Adds values to a form when a task opens, from somewhere other than the process variables: a feature's records,
 * read on behalf of the person opening the task. Protected health information is never a process variable
 * ({@link TaskForms#variablesOf}); a process keeps record ids instead, and a prefill turns them back into what the
 * person must see. Implementations are Spring beans; each answers only for the forms it knows.
 */
public interface FormPrefill {

    /**
     * The values to show in the form {@code formKey}, given the task's process variables; empty when this prefill
     * has nothing for that form.
     */
    Map<String, Object> prefill(String formKey, Map<String, Object> variables);
}
