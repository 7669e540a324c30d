package org.healthcrm.bench;

/**
 * One way of running patient intakes that the benchmark measures: the application through its service layer, or the
 * same model on a bare engine. A scenario does the front desk's part of one intake (start it, then each user task);
 * the jobs that follow run on its engine's job executor, and the benchmark waits for the process instance to end.
 */
interface IntakeScenario extends AutoCloseable {

    /** Short name for the report, such as "application". */
    String name();

    /** One line on how it is built, for the report. */
    String description();

    /** Starts intake number {@code index} and completes its user tasks; returns the process instance id. */
    String enterIntake(int index);

    /** Called before the intakes of a warm-up or a measurement start. */
    default void beforeRun() {
    }

    /** Called once they have all ended. */
    default void afterRun() {
    }

    @Override
    default void close() {
    }
}
