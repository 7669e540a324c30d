package org.healthcrm.workflow;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.healthcrm.forms.registry.FormRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Pins the form version of every user task with a {@code formio:} form when the task is created: the latest
 * version at that moment becomes the task-local variable {@value #VARIABLE}. Editing the form later creates a new
 * version and leaves open tasks as they were.
 */
@Component
public class FormVersionPinning extends AbstractProcessEnginePlugin {

    public static final String VARIABLE = "formioVersion";

    private final SingletonSupplier<FormRegistry> registry;

    public FormVersionPinning(ObjectProvider<FormRegistry> registry) {
        // looked up when the first task is created, then kept
        this.registry = SingletonSupplier.of(registry::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
                configuration.getCustomPostBPMNParseListeners() == null
                        ? new java.util.ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    Expression formKey = definition.getFormKey();
                    String text = formKey == null ? null : formKey.getExpressionText();
                    if (text != null && text.startsWith(WorkTaskService.FORM_KEY_PREFIX)) {
                        String key = text.substring(WorkTaskService.FORM_KEY_PREFIX.length());
                        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, new Pin(key));
                    }
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class Pin implements TaskListener {
        private final String formKey;

        Pin(String formKey) {
            this.formKey = formKey;
        }

        @Override
        public void notify(DelegateTask task) {
            task.setVariableLocal(VARIABLE, registry.obtain().latest(formKey).version());
        }
    }
}
