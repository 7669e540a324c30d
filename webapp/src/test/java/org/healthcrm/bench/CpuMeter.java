package org.healthcrm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and by the MariaDB server, so that a measurement can say what one intake costs in CPU:
 * a figure that other builds on the machine disturb far less than the rate (they take the cores, not the work).
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final com.sun.management.OperatingSystemMXBean jvm =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Path databaseStat;

    /** @param databaseDir the data directory of the MariaDB server to follow (its command line names it) */
    CpuMeter(Path databaseDir) {
        this.databaseStat = findProcess("mariadbd", databaseDir.toAbsolutePath().normalize().toString())
                .map(pid -> Path.of("/proc", Long.toString(pid), "stat")).orElse(null);
    }

    /** CPU time so far, in nanoseconds: this JVM and the database server (-1 when unknown). */
    record Reading(long jvmNanos, long databaseNanos) {
    }

    Reading read() {
        return new Reading(jvm.getProcessCpuTime(), databaseNanos());
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

    /** Milliseconds of CPU per intake between two readings of one counter; NaN when unknown. */
    static double perIntakeMillis(long before, long after, int intakes) {
        return before < 0 || after < 0 || intakes == 0 ? Double.NaN : (after - before) / 1e6 / intakes;
    }
}
