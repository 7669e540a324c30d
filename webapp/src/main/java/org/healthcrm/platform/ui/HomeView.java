package org.healthcrm.platform.ui;

import java.util.stream.Collectors;

import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.security.UserAccountRepository;
import org.healthcrm.security.web.CurrentActor;
import org.healthcrm.workflow.TaskFilter;
import org.healthcrm.workflow.WorkTaskService;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The home page: who I am and how much work waits for me. */
@Component("home")
@RequestScope
public class HomeView {

    private final Actor actor = CurrentActor.get();
    private final WorkTaskService tasks;
    private final UserAccountRepository users;

    public HomeView(WorkTaskService tasks, UserAccountRepository users) {
        this.tasks = tasks;
        this.users = users;
    }

    public String getDisplayName() {
        return users.findByUsername(actor.userId()).map(u -> u.getDisplayName()).orElse(actor.userId());
    }

    public String getRoleLabels() {
        return actor.roles().stream().map(Role::label).collect(Collectors.joining(", "));
    }

    public boolean isWorker() {
        return actor.has(Role.FRONT_DESK) || actor.has(Role.NURSE) || actor.has(Role.ADMIN);
    }

    public long getMyTaskCount() {
        return tasks.count(actor, TaskFilter.mineOnly());
    }

    public long getGroupTaskCount() {
        return tasks.count(actor, new TaskFilter(false, true, null, null, null, null, null, null));
    }
}
