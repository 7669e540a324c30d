package org.healthcrm.processes;

import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stands in for the application's {@code ehrSettings} bean, whose retry cycle the EHR steps of the models read as
 * {@code ${ehrSettings.retryCycle}}. A public class with a getter, because the expression language reads bean
 * properties.
 */
public final class EhrSettingsDouble {

    /** Waits one minute after the first failed attempt and five after the second; the third failure is an incident. */
    public static final String RETRY_CYCLE = "PT1M,PT5M";

    private final String retryCycle;

    private EhrSettingsDouble(String retryCycle) {
        this.retryCycle = retryCycle;
    }

    public static void register() {
        Mocks.register("ehrSettings", new EhrSettingsDouble(RETRY_CYCLE));
    }

    public String getRetryCycle() {
        return retryCycle;
    }
}
