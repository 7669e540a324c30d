package org.healthcrm.compliance;

import org.healthcrm.security.Actor;
import org.healthcrm.security.Role;
import org.healthcrm.workflow.WorkflowAccessDeniedException;

/** The compliance reports are for compliance officers only; the screens' URL rule says so too. */
final class ComplianceAccess {

    private ComplianceAccess() {
    }

    static void require(Actor actor) {
        if (actor == null || !actor.has(Role.COMPLIANCE)) {
            throw new WorkflowAccessDeniedException("The compliance reports are for compliance officers");
        }
    }
}
