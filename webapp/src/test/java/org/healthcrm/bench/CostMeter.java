package org.healthcrm.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * What the intakes of a measurement cost: CPU time of this JVM and of the MariaDB server, and the SQL statements and
 * commits the server received. Other builds on the machine disturb these far less than the rate (they take the
 * cores, not the work).
 */
final class CostMeter {

    /** Linux reports process times in clock ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final com.sun.management.OperatingSystemMXBean jvm =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path databaseStat;
    private final DataSource database;

    /**
     * @param databaseDir the data directory of the MariaDB server to follow (its command line names it)
     * @param database    a connection pool to that server, for its status counters
     */
    CostMeter(Path databaseDir, DataSource database) {
        this.database = database;
        this.databaseStat = findProcess("mariadbd", databaseDir.toAbsolutePath().normalize().toString())
                .map(pid -> Path.of("/proc", Long.toString(pid), "stat")).orElse(null);
    }

    /**
     * Counters so far: CPU nanoseconds of this JVM and of the database server, statements and commits (-1: unknown),
     * and of the JVM's CPU what its JIT compilers and its garbage collector took (milliseconds as the JVM reports them:
     * compiler threads' time, collection pauses), to tell a scenario's own work from a JVM still compiling.
     */
    record Reading(long jvmNanos, long databaseNanos, long statements, long commits, long jitMillis, long gcMillis) {
    }

    Reading read() {
        long statements = -1;
        long commits = -1;
        try (Connection connection = database.getConnection(); Statement query = connection.createStatement();
             ResultSet status = query.executeQuery(
                     "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_commit')")) {
            while (status.next()) {
                if ("Questions".equalsIgnoreCase(status.getString(1))) {
                    statements = status.getLong(2);
                } else {
                    commits = status.getLong(2);
                }
            }
        } catch (SQLException e) {
            // the figures stay unknown
        }
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return new Reading(jvm.getProcessCpuTime(), databaseNanos(), statements, commits,
                jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1, gc);
    }

    /**
     * Waits until this JVM and the database server are quiet (each under a tenth of a CPU for a second), at most
     * {@code max}: after a scenario the server still purges and flushes what it wrote, and that work must not be
     * counted against the next one. Returns how long it waited.
     */
    Duration settle(Duration max) {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (System.nanoTime() < deadline) {
            long jvmBefore = jvm.getProcessCpuTime();
            long databaseBefore = databaseNanos();
            long windowStart = System.nanoTime();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            long window = System.nanoTime() - windowStart;
            boolean jvmQuiet = jvm.getProcessCpuTime() - jvmBefore < window / 10;
            boolean databaseQuiet = databaseBefore < 0 || databaseNanos() - databaseBefore < window / 10;
            if (jvmQuiet && databaseQuiet) {
                break;
            }
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private long databaseNanos() {
        if (databaseStat == null) {
            return -1;
        }
        try {
            String stat = Files.readString(databaseStat);
            // the fields after the command name (which is in parentheses): utime and stime are the 12th and 13th
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static java.util.Optional<Long> findProcess(String executable, String argument) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            String commandLine = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            return commandLine.contains(executable) && commandLine.contains(argument);
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    })
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Per intake between two readings of one counter (nanoseconds as milliseconds); NaN when unknown. */
    static double perIntakeMillis(long before, long after, int intakes) {
        return perIntake(before, after, intakes) / 1e6;
    }

    static double perIntake(long before, long after, int intakes) {
        return before < 0 || after < 0 || intakes == 0 ? Double.NaN : (after - before) / (double) intakes;
    }
}
