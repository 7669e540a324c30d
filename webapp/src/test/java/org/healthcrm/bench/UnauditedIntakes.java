package org.healthcrm.bench;

/**
 * The application's intakes with its audit writer turned off ({@link AuditSwitch}) for as long as the scenario runs:
 * the difference to {@link ApplicationIntakes} is what auditing costs an intake.
 */
final class UnauditedIntakes implements IntakeScenario {

    private final ApplicationIntakes intakes;
    private final AuditSwitch audit;

    UnauditedIntakes(ApplicationIntakes intakes, AuditSwitch audit) {
        this.intakes = intakes;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "audit off";
    }

    @Override
    public String description() {
        return "the application scenario with its audit writer switched off (no events, nothing to seal)";
    }

    @Override
    public void beforeRun() {
        audit.off();
    }

    @Override
    public void afterRun() {
        audit.on();
    }

    @Override
    public String enterIntake(int index) {
        return intakes.enterIntake(index);
    }
}
