package org.healthcrm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Runs complete intakes of one scenario with a number of clients, each of which enters an intake (start and user
 * tasks), waits until its process instance has ended (jobs included), and goes on with the next. An intake's latency
 * runs from its start to the commit that ends it; the rate is the intakes completed over the time from the first
 * start to the last end.
 */
final class IntakeLoad {

    /** Process instances still running this long after the front desk's part are stuck (a failing job). */
    private static final long TIMEOUT_SECONDS = 120;
    /** The longest wait for the machine to be quiet before a measurement. */
    private static final Duration SETTLE_MAX = Duration.ofSeconds(60);
    /** The longest stretch of a warm-up without emptying the in-process EHR and mail server. */
    private static final Duration WARM_UP_STRETCH = Duration.ofSeconds(60);

    private final IntakeCompletions completions;
    private final CostMeter cost;
    private final AtomicInteger nextIndex;
    private final int clients;
    private final Runnable betweenMeasurements;

    /**
     * @param nextIndex           the number of the next intake, shared by every scenario of a run, so that each
     *                            intake of the application has a patient of its own
     * @param betweenMeasurements run before each measurement (before the machine settles) and each minute of a
     *                            warm-up
     */
    IntakeLoad(IntakeCompletions completions, CostMeter cost, AtomicInteger nextIndex, int clients,
               Runnable betweenMeasurements) {
        this.completions = completions;
        this.cost = cost;
        this.nextIndex = nextIndex;
        this.clients = clients;
        this.betweenMeasurements = betweenMeasurements;
    }

    /**
     * What one measurement found; per intake: CPU milliseconds of this JVM and of the database server, SQL statements
     * and commits the server received (from every client: a measurement runs alone), milliseconds of JIT compilation
     * and of garbage collection pauses.
     */
    record Result(String scenario, int intakes, double seconds, double perSecond, double p50Millis, double p95Millis,
                  double p99Millis, double jvmCpuMillis, double databaseCpuMillis, double statements,
                  double commits, double jitMillis, double gcMillis) {
    }

    /**
     * Runs intakes until the time is up (each client finishes the intake it is in), in stretches of at most a minute
     * with {@code betweenMeasurements} before each: the in-process EHR sandbox and mail server keep everything they
     * receive, and over minutes of warm-up they filled the 1 GB heap (a live set of 881 MB after a full collection,
     * the parallel collector then doing nothing but full collections) for the scenario warmed up next. Returns how
     * many intakes ran.
     */
    int warmUp(IntakeScenario scenario, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        int intakes = 0;
        while (System.nanoTime() < deadline) {
            betweenMeasurements.run();
            long stretchEnd = Math.min(deadline, System.nanoTime() + WARM_UP_STRETCH.toNanos());
            intakes += run(scenario, () -> System.nanoTime() < stretchEnd).intakes();
        }
        return intakes;
    }

    /** Runs exactly {@code intakes} intakes and measures them. */
    Result measure(IntakeScenario scenario, int intakes) {
        betweenMeasurements.run();
        cost.settle(SETTLE_MAX);
        AtomicInteger left = new AtomicInteger(intakes);
        return run(scenario, () -> left.getAndDecrement() > 0);
    }

    private Result run(IntakeScenario scenario, BooleanSupplier another) {
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastEnd = new AtomicLong(Long.MIN_VALUE);
        scenario.beforeRun();
        CostMeter.Reading before = cost.read();
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "intake-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (another.getAsBoolean()) {
                        long started = System.nanoTime();
                        firstStart.accumulateAndGet(started, Math::min);
                        String instance = scenario.enterIntake(nextIndex.getAndIncrement());
                        long ended = completions.awaitEnd(instance, TIMEOUT_SECONDS);
                        lastEnd.accumulateAndGet(ended, Math::max);
                        latencies.add(ended - started);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(scenario.name() + ": an intake failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        CostMeter.Reading after = cost.read();
        scenario.afterRun();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = sorted.length == 0 ? 0 : (lastEnd.get() - firstStart.get()) / 1e9;
        return new Result(scenario.name(), sorted.length, seconds, sorted.length == 0 ? 0 : sorted.length / seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                CostMeter.perIntakeMillis(before.jvmNanos(), after.jvmNanos(), sorted.length),
                CostMeter.perIntakeMillis(before.databaseNanos(), after.databaseNanos(), sorted.length),
                CostMeter.perIntake(before.statements(), after.statements(), sorted.length),
                CostMeter.perIntake(before.commits(), after.commits(), sorted.length),
                CostMeter.perIntake(before.jitMillis(), after.jitMillis(), sorted.length),
                CostMeter.perIntake(before.gcMillis(), after.gcMillis(), sorted.length));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
