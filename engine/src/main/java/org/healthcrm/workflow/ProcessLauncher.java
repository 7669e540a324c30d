package org.healthcrm.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.healthcrm.audit.AuditTrail;
import org.healthcrm.forms.validation.FieldError;
import org.healthcrm.patient.PatientRepository;
import org.healthcrm.platform.InvalidInputException;
import org.healthcrm.platform.NotFoundException;
import org.healthcrm.security.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts processes for people and systems. Who may start a process is said in its BPMN, with
 * {@code camunda:candidateStarterGroups} naming roles; a process that names none cannot be started by hand.
 */
@Service
public class ProcessLauncher {

    private static final int MAX_PROCESSES = 500;
    private static final Pattern BUSINESS_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final FormService formService;
    private final TaskForms forms;
    private final PatientRepository patients;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;

    public ProcessLauncher(RepositoryService repositoryService, RuntimeService runtimeService, FormService formService,
                           TaskForms forms, PatientRepository patients, PlatformTransactionManager transactionManager,
                           AuditTrail audit) {
        this.audit = audit;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.formService = formService;
        this.forms = forms;
        this.patients = patients;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The latest version of every process the actor's roles may start, by name. */
    public List<StartableProcess> startable(Actor actor) {
        return repositoryService.createProcessDefinitionQuery().latestVersion().active().listPage(0, MAX_PROCESSES).stream()
                .filter(definition -> mayStart(actor, definition))
                .map(definition -> new StartableProcess(definition.getKey(),
                        Optional.ofNullable(definition.getName()).orElse(definition.getKey()),
                        definition.getVersion(), definition.getDescription()))
                .sorted(Comparator.comparing(StartableProcess::name))
                .toList();
    }

    /** Key and name of every deployed process (latest versions), for filters. */
    public List<StartableProcess> deployed() {
        return repositoryService.createProcessDefinitionQuery().latestVersion().listPage(0, MAX_PROCESSES).stream()
                .map(definition -> new StartableProcess(definition.getKey(),
                        Optional.ofNullable(definition.getName()).orElse(definition.getKey()),
                        definition.getVersion(), definition.getDescription()))
                .sorted(Comparator.comparing(StartableProcess::name))
                .toList();
    }

    /**
     * Starts the latest version of the process. With a start form the data is validated against it; without one
     * the data become process variables as they are (scalars and JSON).
     */
    public StartedProcess start(Actor actor, String processKey, String businessKey, ObjectNode data) {
        return transaction.execute(status -> {
            ProcessDefinition definition = Optional.ofNullable(processKey)
                    .map(key -> repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
                            .latestVersion().singleResult())
                    .orElseThrow(() -> new NotFoundException("No process with key " + processKey));
            if (!mayStart(actor, definition)) {
                audit.denied("ACCESS_DENIED", actor.userId(), actor.groups(), null, "ProcessDefinition",
                        definition.getKey(), "start a process not offered to my roles");
                throw new WorkflowAccessDeniedException("Your roles may not start process " + processKey);
            }
            if (businessKey != null && !BUSINESS_KEY.matcher(businessKey).matches()) {
                throw new InvalidInputException("businessKey",
                        "Business key must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
            }
            String formKey = formService.getStartFormKey(definition.getId());
            Map<String, Object> variables = formKey != null && formKey.startsWith(WorkTaskService.FORM_KEY_PREFIX)
                    ? forms.validate(forms.form(formKey.substring(WorkTaskService.FORM_KEY_PREFIX.length())), data)
                    : startVariablesWithoutForm(data);
            ProcessInstance instance = runtimeService.startProcessInstanceById(definition.getId(), businessKey, variables);
            return new StartedProcess(instance.getId(), definition.getKey(), definition.getVersion(), businessKey);
        });
    }

    /**
     * A process without a start form takes at most the patient it is about: other start data would let a caller
     * set variables the process did not ask for (such as its initiator).
     */
    private Map<String, Object> startVariablesWithoutForm(ObjectNode data) {
        List<FieldError> errors = new ArrayList<>();
        data.fieldNames().forEachRemaining(name -> {
            if (!WorkTaskService.PATIENT_ID.equals(name)) {
                errors.add(new FieldError(name, "This process takes no start data other than patientId", "unknownField"));
            }
        });
        JsonNode patientId = data.get(WorkTaskService.PATIENT_ID);
        if (patientId != null && !patientId.isNull()
                && (!patientId.canConvertToLong() || !patientId.isIntegralNumber() || !patients.existsById(patientId.asLong()))) {
            errors.add(new FieldError(WorkTaskService.PATIENT_ID, "patientId must be the id of a registered patient", "patient"));
        }
        if (!errors.isEmpty()) {
            throw new FormSubmissionException(errors);
        }
        return patientId == null || patientId.isNull() ? Map.of() : Map.of(WorkTaskService.PATIENT_ID, patientId.asLong());
    }

    private boolean mayStart(Actor actor, ProcessDefinition definition) {
        Set<String> starterGroups = repositoryService.getIdentityLinksForProcessDefinition(definition.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        return actor.groups().stream().anyMatch(starterGroups::contains);
    }

    public record StartableProcess(String key, String name, int version, String description) {
    }

    public record StartedProcess(String id, String processKey, int version, String businessKey) {
    }
}
