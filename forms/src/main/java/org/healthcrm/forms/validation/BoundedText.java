package org.healthcrm.forms.validation;

import java.util.regex.Pattern;

/**
 * Runs a regular expression with a budget. Patterns come from analysts (and Form.io's own URL pattern backtracks
 * badly); a pattern that backtracks catastrophically on a crafted value must cost one failed check, not a thread.
 * The budget counts character reads, which the regex engine makes for every step it takes.
 */
final class BoundedText implements CharSequence {

    /** Thrown when the budget is spent: the value is treated as not matching. */
    static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    private final String text;
    private final int offset;
    private final int length;
    private final long[] budget;

    private BoundedText(String text, int offset, int length, long[] budget) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.budget = budget;
    }

    /** Form.io's test: {@code new RegExp(pattern).test(value)}, i.e. find, with the budget. */
    static boolean find(Pattern pattern, String value) {
        long[] budget = {Math.max(1_000_000L, 100L * value.length())};
        try {
            return pattern.matcher(new BoundedText(value, 0, value.length(), budget)).find();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    /** A whole-value match, with the budget. */
    static boolean matches(Pattern pattern, String value) {
        long[] budget = {Math.max(1_000_000L, 100L * value.length())};
        try {
            return pattern.matcher(new BoundedText(value, 0, value.length(), budget)).matches();
        } catch (BudgetExceeded e) {
            return false;
        }
    }

    @Override
    public char charAt(int index) {
        if (--budget[0] < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(offset + index);
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text, offset + start, end - start, budget);
    }

    @Override
    public String toString() {
        return text.substring(offset, offset + length);
    }
}
