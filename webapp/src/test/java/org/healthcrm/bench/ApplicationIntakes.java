package org.healthcrm.bench;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.ProcessLauncher;
import org.healthcrm.workflow.TaskView;
import org.healthcrm.workflow.WorkTaskService;

/**
 * Intakes through the application's service layer, as the API and the screens run them: {@link ProcessLauncher#start}
 * and, per user task, {@link WorkTaskService#nextTaskIn} and {@link WorkTaskService#submit} (form validated with the
 * one validator, submission archived with its PDF, task completed). The engine knows the user for the length of the
 * work, as {@code EngineAuthenticationFilter} arranges for a web request. Registration, intake packet, EHR push over
 * HTTP to the sandbox and the e-mail follow in the application's own delegates and jobs, with the audit they write.
 */
final class ApplicationIntakes implements IntakeScenario {

    private static final String PROCESS_KEY = "patient-intake";

    private final ProcessLauncher launcher;
    private final WorkTaskService tasks;
    private final IdentityService identityService;
    private final IntakeSubmissions submissions;
    private final ObjectMapper objectMapper;
    private final Actor frontDesk = Actor.of("frontdesk", Role.FRONT_DESK);

    ApplicationIntakes(ProcessLauncher launcher, WorkTaskService tasks, IdentityService identityService,
                       IntakeSubmissions submissions, ObjectMapper objectMapper) {
        this.launcher = launcher;
        this.tasks = tasks;
        this.identityService = identityService;
        this.submissions = submissions;
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "application";
    }

    @Override
    public String description() {
        return "ProcessLauncher + WorkTaskService, real delegates, EHR sandbox over HTTP, GreenMail, audit";
    }

    @Override
    public String enterIntake(int index) {
        List<IntakeSubmissions.Step> steps = submissions.of(index);
        identityService.setAuthentication(frontDesk.userId(), frontDesk.groups());
        try {
            String instance = launcher.start(frontDesk, PROCESS_KEY, "bench-" + index, objectMapper.createObjectNode())
                    .id();
            for (IntakeSubmissions.Step step : steps) {
                TaskView task = tasks.nextTaskIn(frontDesk, instance).orElseThrow(() -> new IllegalStateException(
                        "Intake " + instance + " has no task for the front desk; expected " + step.taskDefinitionKey()));
                if (!step.taskDefinitionKey().equals(task.taskDefinitionKey())) {
                    throw new IllegalStateException("Intake " + instance + " waits at " + task.taskDefinitionKey()
                            + ", expected " + step.taskDefinitionKey());
                }
                tasks.submit(frontDesk, task.id(), step.data());
            }
            return instance;
        } finally {
            identityService.clearAuthentication();
        }
    }
}
