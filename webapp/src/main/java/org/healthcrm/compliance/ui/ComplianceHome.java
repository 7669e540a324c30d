package org.healthcrm.compliance.ui;

import org.healthcrm.compliance.AuditIntegrity;
import org.healthcrm.security.web.CurrentActor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/** The compliance officer's card on the home page: the reports, and how many break-glass uses wait for review. */
@Component("complianceHome")
@RequestScope
public class ComplianceHome {

    private final AuditIntegrity integrity;

    public ComplianceHome(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    public long getBreakGlassToReview() {
        return integrity.awaitingReviewCount(CurrentActor.get());
    }
}
