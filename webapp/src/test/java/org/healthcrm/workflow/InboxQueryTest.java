package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.IntegrationTest;
import org.healthcrm.patient.Patient;
import org.healthcrm.patient.PatientRecords;
import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox's server-side filters, views and sorting, through the service the screen and the API share. */
class InboxQueryTest extends IntegrationTest {

    private static final Actor FRONT_DESK = Actor.of("frontdesk", Role.FRONT_DESK);

    @Autowired
    WorkTaskService tasks;

    @Autowired
    ProcessLauncher launcher;

    @Autowired
    PatientRecords patients;

    private Patient quinn;
    private Patient rivera;
    private String quinnTask;
    private String riveraTask;

    private String run;

    @BeforeEach
    void twoIntakesForTwoPatients() {
        run = Long.toString(System.nanoTime() % 1_000_000);
        quinn = patients.create("Q" + run, java.util.Map.of("givenName", "Ada", "familyName", "Quinnfilter" + run,
                "birthDate", LocalDate.of(1970, 1, 1)));
        rivera = patients.create("R" + run, java.util.Map.of("givenName", "Ben", "familyName", "Riverafilter" + run,
                "birthDate", LocalDate.of(1980, 2, 2)));
        quinnTask = startFor(quinn);
        riveraTask = startFor(rivera);
    }

    private String startFor(Patient patient) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put(WorkTaskService.PATIENT_ID, patient.getId());
        String instanceId = launcher.start(FRONT_DESK, "patient-intake", null, data).id();
        TaskView next = tasks.nextTaskIn(FRONT_DESK, instanceId).orElseThrow();
        assertThat(next.patientId()).isEqualTo(patient.getId());
        return next.id();
    }

    private List<String> ids(TaskFilter filter) {
        return tasks.list(FRONT_DESK, filter, 0, 200, TaskSort.newestFirst()).items().stream().map(TaskView::id).toList();
    }

    @Test
    void filtersByPatientMrnOrWholeFamilyName() {
        TaskFilter byMrn = new TaskFilter(false, false, null, null, null, quinn.getMrn(), null, null);
        assertThat(ids(byMrn)).containsExactly(quinnTask);
        TaskFilter byName = new TaskFilter(false, false, null, null, null, "RIVERAFILTER" + run, null, null);
        assertThat(ids(byName)).contains(riveraTask).doesNotContain(quinnTask);
        // names are stored encrypted and found through a keyed hash: a beginning of a name finds nobody
        TaskFilter byPrefix = new TaskFilter(false, false, null, null, null, "Riverafil", null, null);
        assertThat(ids(byPrefix)).doesNotContain(riveraTask);
        TaskFilter nobody = new TaskFilter(false, false, null, null, null, "Nosuchpatient", null, null);
        assertThat(ids(nobody)).isEmpty();
        assertThat(tasks.count(FRONT_DESK, byMrn)).isEqualTo(1);
    }

    @Test
    void filtersByProcessTaskNameAndDueDate() {
        TaskFilter patient = new TaskFilter(false, false, null, "patient-intake", "demograph", quinn.getMrn(), null, null);
        assertThat(ids(patient)).containsExactly(quinnTask);
        assertThat(ids(new TaskFilter(false, false, null, "no-such-process", null, quinn.getMrn(), null, null))).isEmpty();
        assertThat(ids(new TaskFilter(false, false, null, null, "Review", quinn.getMrn(), null, null))).isEmpty();

        Instant now = Instant.now();
        TaskFilter dueTomorrow = new TaskFilter(false, false, null, null, null, quinn.getMrn(),
                now.plus(23, ChronoUnit.HOURS), now.plus(25, ChronoUnit.HOURS));
        assertThat(ids(dueTomorrow)).containsExactly(quinnTask);
        TaskFilter dueToday = new TaskFilter(false, false, null, null, null, quinn.getMrn(), null, now.plus(12, ChronoUnit.HOURS));
        assertThat(ids(dueToday)).isEmpty();
    }

    @Test
    void myTasksAndGroupTasksSplitOnClaim() {
        tasks.claim(FRONT_DESK, quinnTask);
        assertThat(ids(TaskFilter.mineOnly())).contains(quinnTask).doesNotContain(riveraTask);
        TaskFilter group = new TaskFilter(false, true, null, null, null, null, null, null);
        assertThat(ids(group)).contains(riveraTask).doesNotContain(quinnTask);
        assertThat(ids(TaskFilter.all())).contains(quinnTask, riveraTask);
        assertThat(ids(TaskFilter.all().withGroup("FRONT_DESK"))).contains(quinnTask, riveraTask);

        // another front-desk user no longer sees the claimed task at all
        Actor colleague = Actor.of("frontdesk2", Role.FRONT_DESK);
        assertThat(tasks.list(colleague, TaskFilter.all(), 0, 200, TaskSort.newestFirst()).items())
                .extracting(TaskView::id).contains(riveraTask).doesNotContain(quinnTask);
    }

    @Test
    void filteringByAGroupTheUserIsNotInIsRefused() {
        assertThatThrownBy(() -> ids(TaskFilter.all().withGroup("NURSE")))
                .isInstanceOf(WorkflowAccessDeniedException.class);
        Actor nurse = Actor.of("nurse", Role.NURSE);
        assertThat(tasks.list(nurse, TaskFilter.all(), 0, 200, TaskSort.newestFirst()).items())
                .extracting(TaskView::id).doesNotContain(quinnTask, riveraTask);
    }

    @Test
    void sortsOnTheServerAndResolvesPatientsForThePage() {
        TaskFilter both = new TaskFilter(false, false, null, null, null, "", null, null);
        List<TaskView> oldestFirst = tasks.list(FRONT_DESK, both, 0, 200, new TaskSort(TaskSort.Field.CREATED, true)).items();
        List<TaskView> newestFirst = tasks.list(FRONT_DESK, both, 0, 200, new TaskSort(TaskSort.Field.CREATED, false)).items();
        assertThat(oldestFirst).extracting(TaskView::created).isSortedAccordingTo(Instant::compareTo);
        assertThat(newestFirst).extracting(TaskView::created).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(oldestFirst).hasSameSizeAs(newestFirst).extracting(TaskView::id).contains(quinnTask, riveraTask);

        var page = tasks.list(FRONT_DESK, new TaskFilter(false, false, null, null, null, quinn.getMrn(), null, null), 0, 10,
                TaskSort.newestFirst()).items();
        assertThat(tasks.patientsOf(page).get(quinn.getId()).name()).isEqualTo(quinn.getDisplayName());
        assertThat(page.get(0).patientId()).isEqualTo(quinn.getId());
    }
}
