package org.healthcrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules for every BPMN model in this module, so that a model drawn in the modeler fits the
 * application before it is deployed: the engine keeps its history for a stated time, the task list can offer each
 * task to a role and show its Form.io form, and ids read as what they are. Each test lists every offender.
 */
class ModelConventionsTest {

    /** The application's roles (org.healthcrm.security.Role in the engine module), which are the engine's groups. */
    private static final List<String> ROLES =
            List.of("FRONT_DESK", "FRONT_DESK_SUPERVISOR", "NURSE", "ANALYST", "COMPLIANCE", "ADMIN", "INTEGRATION");
    private static final String FORM_KEY_PREFIX = "formio:";
    private static final Pattern PROCESS_ID = Pattern.compile("^[a-z]+(-[a-z]+)*$");
    private static final Pattern ELEMENT_ID = Pattern.compile("^[A-Z][A-Za-z]+_[A-Za-z0-9]+$");
    /** What the modeler generates after the type prefix: "Activity_0x9f3ab", "Flow_1k2j3h4", "StartEvent_1". */
    private static final Pattern GENERATED_SUFFIX = Pattern.compile("^(?=.*[0-9])[a-z0-9]+$");
    /** Folders of a module that hold no feature. */
    private static final Set<String> NOT_FEATURES = Set.of("src", "target", "node_modules");

    private static final Path MODULE_DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    private static final Path FORMS_DIR = MODULE_DIR.resolveSibling("forms");

    private static final List<Model> models = new ArrayList<>();

    private record Model(String path, BpmnModelInstance bpmn) {
    }

    @BeforeAll
    static void readEveryModel() throws IOException {
        List<String> unreadable = new ArrayList<>();
        for (Path file : bpmnFiles()) {
            String path = MODULE_DIR.relativize(file).toString();
            try {
                models.add(new Model(path, Bpmn.readModelFromFile(file.toFile())));
            } catch (RuntimeException e) {
                unreadable.add(path + ": " + e.getMessage());
            }
        }
        assertThat(unreadable).as("BPMN files that are not valid BPMN 2.0").isEmpty();
        assertThat(models).as("BPMN models under %s", MODULE_DIR).isNotEmpty();
    }

    @Test
    void everyModelSitsInAFeatureFolder() {
        // The pom packages <feature>/<file>.bpmn only; a model anywhere else would never reach the engine.
        assertNoOffenders("models outside a feature folder", (model, offenders) -> {
            if (Path.of(model.path()).getNameCount() != 2) {
                offenders.add(model.path() + ": move it to <feature>/" + Path.of(model.path()).getFileName());
            }
        });
    }

    @Test
    void everyExecutableProcessStatesItsHistoryTimeToLiveAndWhoMayStartIt() {
        assertNoOffenders("executable processes without history time to live or with wrong starter groups",
                (model, offenders) -> {
                    for (Process process : executableProcesses(model)) {
                        String where = model.path() + " " + process.getId();
                        String timeToLive = process.getCamundaHistoryTimeToLiveString();
                        if (timeToLive == null || timeToLive.isBlank()) {
                            offenders.add(where + ": no camunda:historyTimeToLive");
                        }
                        List<String> starters = process.getCamundaCandidateStarterGroupsList();
                        if (starters.isEmpty()) {
                            offenders.add(where + ": no camunda:candidateStarterGroups");
                        }
                        checkRoles(where + ": camunda:candidateStarterGroups", starters, offenders);
                    }
                });
    }

    @Test
    void everyUserTaskHasAFormioFormAndIsOfferedToRoles() {
        assertNoOffenders("user tasks without a Form.io form or house roles", (model, offenders) -> {
            for (UserTask task : model.bpmn().getModelElementsByType(UserTask.class)) {
                String where = model.path() + " " + task.getId();
                String formKey = task.getCamundaFormKey();
                if (formKey == null || !formKey.startsWith(FORM_KEY_PREFIX)) {
                    offenders.add(where + ": camunda:formKey must start with '" + FORM_KEY_PREFIX + "', is " + formKey);
                }
                List<String> groups = task.getCamundaCandidateGroupsList();
                if (groups.isEmpty()) {
                    offenders.add(where + ": no camunda:candidateGroups");
                }
                checkRoles(where + ": camunda:candidateGroups", groups, offenders);
            }
        });
    }

    @Test
    void everyIdIsReadable() {
        assertNoOffenders("ids that are not readable", (model, offenders) -> {
            for (Process process : model.bpmn().getModelElementsByType(Process.class)) {
                if (!PROCESS_ID.matcher(process.getId()).matches()) {
                    offenders.add(model.path() + " process " + process.getId() + ": must be kebab-case, "
                            + "like patient-intake");
                }
            }
            for (FlowElement element : model.bpmn().getModelElementsByType(FlowElement.class)) {
                String id = element.getId();
                String where = model.path() + " " + element.getElementType().getTypeName() + " " + id;
                if (!ELEMENT_ID.matcher(id).matches()) {
                    offenders.add(where + ": must read like Task_CollectDemographics or Gateway_RedFlag");
                } else if (GENERATED_SUFFIX.matcher(id.substring(id.indexOf('_') + 1)).matches()) {
                    offenders.add(where + ": generated by the modeler; name it after what it does");
                }
            }
        });
    }

    @Test
    void everyFormKeyNamesAFormOfTheFormsModule() {
        assertNoOffenders("form keys without a form under " + FORMS_DIR, (model, offenders) -> {
            List<FlowElement> withForms = new ArrayList<>(model.bpmn().getModelElementsByType(UserTask.class));
            withForms.addAll(model.bpmn().getModelElementsByType(StartEvent.class));
            for (FlowElement element : withForms) {
                String formKey = element instanceof UserTask task
                        ? task.getCamundaFormKey()
                        : ((StartEvent) element).getCamundaFormKey();
                if (formKey == null || !formKey.startsWith(FORM_KEY_PREFIX)) {
                    continue; // a missing or foreign key is everyUserTaskHasAFormioFormAndIsOfferedToRoles' finding
                }
                String key = formKey.substring(FORM_KEY_PREFIX.length());
                if (!formExists(key)) {
                    offenders.add(model.path() + " " + element.getId() + ": no ../forms/<feature>/" + key + ".json");
                }
            }
        });
    }

    private static void assertNoOffenders(String what, BiConsumer<Model, List<String>> rule) {
        List<String> offenders = new ArrayList<>();
        for (Model model : models) {
            rule.accept(model, offenders);
        }
        assertThat(offenders)
                .withFailMessage(() -> offenders.size() + " " + what + ":\n  " + String.join("\n  ", offenders))
                .isEmpty();
    }

    private static void checkRoles(String where, Collection<String> groups, List<String> offenders) {
        for (String group : groups) {
            if (!ROLES.contains(group)) {
                offenders.add(where + " names '" + group + "', which is none of " + ROLES);
            }
        }
    }

    private static List<Process> executableProcesses(Model model) {
        return model.bpmn().getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    }

    private static List<Path> bpmnFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(MODULE_DIR, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean worthVisiting = dir.equals(MODULE_DIR) || isFeatureFolder(dir);
                return worthVisiting ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && file.getFileName().toString().endsWith(".bpmn")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static boolean isFeatureFolder(Path dir) {
        String name = dir.getFileName().toString();
        return !NOT_FEATURES.contains(name) && !name.startsWith(".");
    }

    private static boolean formExists(String key) {
        if (!Files.isDirectory(FORMS_DIR)) {
            return false;
        }
        try (Stream<Path> features = Files.list(FORMS_DIR)) {
            return features
                    .filter(Files::isDirectory)
                    .filter(ModelConventionsTest::isFeatureFolder)
                    .anyMatch(feature -> Files.isRegularFile(feature.resolve(key + ".json")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + FORMS_DIR, e);
        }
    }
}
