package org.healthcrm.forms.model;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimum or maximum date of a {@code day} or {@code datetime} component: either a fixed ISO-8601 date
 * ({@code 2024-01-31}, {@code 2024-01-31T08:00}, {@code 2024-01-31T08:00:00-05:00}) or, with the builder's
 * "use input for moment.js" option, a relative date. Form.io evaluates the latter as JavaScript; the server instead
 * reads the one shape that is useful, never executing anything:
 * {@code moment()} followed by any of {@code .add(n, 'unit')}, {@code .subtract(n, 'unit')},
 * {@code .startOf('unit')}, {@code .endOf('unit')} (units: year, month, week, day, hour, minute, second).
 */
public final class DateBound {

    private static final Pattern MOMENT_START = Pattern.compile("^\\s*moment\\(\\s*\\)");
    private static final Pattern MOMENT_STEP = Pattern.compile(
            "\\G\\s*\\.\\s*(add|subtract|startOf|endOf)\\(\\s*(?:(-?\\d{1,6})\\s*,\\s*)?(['\"])(\\w+)\\3\\s*\\)");

    private record Step(String method, int amount, ChronoUnit unit) {
    }

    private final String source;
    private final ZonedDateTime fixed;
    private final LocalDateTime fixedLocal;
    private final LocalDate fixedDate;
    private final List<Step> steps;

    private DateBound(String source, ZonedDateTime fixed, LocalDateTime fixedLocal, LocalDate fixedDate,
                      List<Step> steps) {
        this.source = source;
        this.fixed = fixed;
        this.fixedLocal = fixedLocal;
        this.fixedDate = fixedDate;
        this.steps = steps;
    }

    /**
     * Reads a bound.
     *
     * @throws IllegalArgumentException when it is neither an ISO date nor the supported relative shape
     */
    public static DateBound parse(String text) {
        String s = text.strip();
        if (MOMENT_START.matcher(s).find()) {
            return relative(text, s);
        }
        try {
            return new DateBound(text, OffsetDateTime.parse(s).toZonedDateTime(), null, null, null);
        } catch (DateTimeParseException notOffset) {
            try {
                return new DateBound(text, null, LocalDateTime.parse(s), null, null);
            } catch (DateTimeParseException notLocal) {
                try {
                    return new DateBound(text, null, null, LocalDate.parse(s), null);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 date (2024-01-31) nor "
                            + "a relative date such as moment().subtract(18, 'years')");
                }
            }
        }
    }

    private static DateBound relative(String text, String s) {
        Matcher start = MOMENT_START.matcher(s);
        start.find();
        List<Step> steps = new ArrayList<>();
        Matcher step = MOMENT_STEP.matcher(s);
        int end = start.end();
        step.region(end, s.length());
        while (step.find()) {
            String method = step.group(1);
            boolean needsAmount = method.equals("add") || method.equals("subtract");
            if (needsAmount != (step.group(2) != null)) {
                throw notSupported(text);
            }
            int amount = needsAmount ? Integer.parseInt(step.group(2)) : 0;
            steps.add(new Step(method, amount, unit(step.group(4), text)));
            end = step.end();
        }
        if (!s.substring(end).isBlank()) {
            throw notSupported(text);
        }
        return new DateBound(text, null, null, null, List.copyOf(steps));
    }

    private static ChronoUnit unit(String name, String text) {
        return switch (name) {
            case "y", "year", "years" -> ChronoUnit.YEARS;
            case "M", "month", "months" -> ChronoUnit.MONTHS;
            case "w", "week", "weeks" -> ChronoUnit.WEEKS;
            case "d", "day", "days" -> ChronoUnit.DAYS;
            case "h", "hour", "hours" -> ChronoUnit.HOURS;
            case "m", "minute", "minutes" -> ChronoUnit.MINUTES;
            case "s", "second", "seconds" -> ChronoUnit.SECONDS;
            default -> throw notSupported(text);
        };
    }

    private static IllegalArgumentException notSupported(String text) {
        return new IllegalArgumentException("'" + text + "' is JavaScript the server does not run; use an ISO-8601 "
                + "date (2024-01-31) or moment() with .add/.subtract(n, 'unit') and .startOf/.endOf('unit')");
    }

    /** The bound as a moment in the clock's zone (plain dates start at midnight). */
    public ZonedDateTime resolve(Clock clock) {
        ZoneId zone = clock.getZone();
        if (fixed != null) {
            return fixed.withZoneSameInstant(zone);
        }
        if (fixedLocal != null) {
            return fixedLocal.atZone(zone);
        }
        if (fixedDate != null) {
            return fixedDate.atStartOfDay(zone);
        }
        ZonedDateTime t = ZonedDateTime.now(clock);
        for (Step step : steps) {
            t = switch (step.method()) {
                case "add" -> t.plus(step.amount(), step.unit());
                case "subtract" -> t.minus(step.amount(), step.unit());
                case "startOf" -> startOf(t, step.unit());
                default -> startOf(t, step.unit()).plus(1, step.unit()).minusNanos(1_000_000);
            };
        }
        return t;
    }

    private static ZonedDateTime startOf(ZonedDateTime t, ChronoUnit unit) {
        return switch (unit) {
            case YEARS -> t.with(TemporalAdjusters.firstDayOfYear()).truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> t.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
            case WEEKS -> t.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).truncatedTo(ChronoUnit.DAYS);
            default -> t.truncatedTo(unit);
        };
    }

    /** The bound as the analyst wrote it. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateBound other && source.equals(other.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source);
    }

    @Override
    public String toString() {
        return "DateBound[" + source + "]";
    }
}
