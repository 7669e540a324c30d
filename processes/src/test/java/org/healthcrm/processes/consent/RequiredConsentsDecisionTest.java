package org.healthcrm.processes.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The table required-consents on its own: which consents the intake's consent form asks for, by age and service.
 * The first matching row applies, so a specific row above a general one wins.
 */
@Deployment(resources = "processes/consent/required-consents.dmn")
class RequiredConsentsDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .ensureCleanAfterTest(true)
            .build();

    @Test
    void childOfTenNeedsAGuardianSignatureRenewedEveryYear() {
        assertThat(requiredConsents(10, "pediatrics")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "treatmentConsentRequired", true,
                "privacyNoticeRequired", true,
                "guardianSignatureRequired", true,
                "consentValidityMonths", 12));
    }

    @Test
    void minorInBehavioralHealthStillNeedsAGuardian() {
        // The minor row comes first: the adults' behavioral-health row must not take a minor's guardian away.
        assertThat(requiredConsents(16, "behavioralHealth"))
                .containsEntry("guardianSignatureRequired", true)
                .containsEntry("consentValidityMonths", 12);
    }

    @Test
    void adultInBehavioralHealthSignsThemselvesAndRenewsEveryYear() {
        assertThat(requiredConsents(40, "behavioralHealth")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "treatmentConsentRequired", true,
                "privacyNoticeRequired", true,
                "guardianSignatureRequired", false,
                "consentValidityMonths", 12));
    }

    @Test
    void adultInTelehealthRenewsEveryYear() {
        assertThat(requiredConsents(40, "telehealth"))
                .containsEntry("guardianSignatureRequired", false)
                .containsEntry("consentValidityMonths", 12);
    }

    @Test
    void adultInPrimaryCareConsentsForTwoYears() {
        assertThat(requiredConsents(40, "primaryCare")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "treatmentConsentRequired", true,
                "privacyNoticeRequired", true,
                "guardianSignatureRequired", false,
                "consentValidityMonths", 24));
    }

    @Test
    void eighteenIsAnAdultAndSeventeenIsNot() {
        assertThat(requiredConsents(18, "primaryCare"))
                .containsEntry("guardianSignatureRequired", false)
                .containsEntry("consentValidityMonths", 24);
        assertThat(requiredConsents(17, "primaryCare"))
                .containsEntry("guardianSignatureRequired", true)
                .containsEntry("consentValidityMonths", 12);
    }

    private static DmnDecisionResultEntries requiredConsents(int ageYears, String service) {
        return engine.getDecisionService()
                .evaluateDecisionByKey("required-consents")
                .variables(Variables.createVariables().putValue("ageYears", ageYears).putValue("service", service))
                .evaluate()
                .getSingleResult();
    }
}
