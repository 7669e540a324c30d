package org.healthcrm.forms.validation;

import java.time.Clock;
import java.util.Objects;

/**
 * Limits and context of server-side validation. The limits hold even where the form sets none, so that a
 * submission cannot grow without bound (a 1 MB "name" is refused).
 *
 * @param maxStringLength    longest text in any field, in characters (default 65,536)
 * @param maxSignatureLength longest signature image data URL, in characters (default 1,048,576)
 * @param maxRows            most rows in one data grid or edit grid (default 1,000)
 * @param maxValues          most values of one {@code multiple} field or files of one file field (default 100)
 * @param clock              "now" and the time zone for relative and date-only bounds (default: system)
 */
public record ValidationSettings(int maxStringLength, int maxSignatureLength, int maxRows, int maxValues,
                                 Clock clock) {

    public static final int DEFAULT_MAX_STRING_LENGTH = 64 * 1024;

    public ValidationSettings {
        if (maxStringLength < 1 || maxSignatureLength < 1 || maxRows < 1 || maxValues < 1) {
            throw new IllegalArgumentException("validation limits must be positive");
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static ValidationSettings defaults() {
        return new ValidationSettings(DEFAULT_MAX_STRING_LENGTH, 1024 * 1024, 1000, 100, Clock.systemDefaultZone());
    }

    public ValidationSettings withMaxStringLength(int characters) {
        return new ValidationSettings(characters, maxSignatureLength, maxRows, maxValues, clock);
    }

    public ValidationSettings withMaxSignatureLength(int characters) {
        return new ValidationSettings(maxStringLength, characters, maxRows, maxValues, clock);
    }

    public ValidationSettings withMaxRows(int rows) {
        return new ValidationSettings(maxStringLength, maxSignatureLength, rows, maxValues, clock);
    }

    public ValidationSettings withMaxValues(int values) {
        return new ValidationSettings(maxStringLength, maxSignatureLength, maxRows, values, clock);
    }

    public ValidationSettings withClock(Clock newClock) {
        return new ValidationSettings(maxStringLength, maxSignatureLength, maxRows, maxValues, newClock);
    }
}
