package org.healthcrm.forms.logic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * JavaScript value semantics for the few places where Form.io compares values in the browser (conditions and
 * JSONLogic): truthiness, {@code String(x)}, {@code Number(x)} and loose equality. The server must decide exactly
 * as the browser did, or a field the person could not see would be required here.
 *
 * <p>Values are plain Java objects: {@code null}, {@link Boolean}, {@link Double}, {@link String},
 * {@link List} (a JSON array) and {@link JsonNode} for JSON objects.
 */
public final class JsValues {

    private JsValues() {
    }

    /** Converts a submitted JSON value; a missing node becomes {@code null} (JavaScript's undefined). */
    public static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(of(item));
            }
            return Collections.unmodifiableList(list);
        }
        return node;
    }

    /** JSONLogic truthiness: JavaScript's, except that an empty array is false. */
    public static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0 && !d.isNaN();
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        return true;
    }

    /** JavaScript {@code String(value)}; {@code null} stands for both null and undefined and gives "null". */
    public static String string(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof List<?> list) {
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    joined.append(',');
                }
                Object item = list.get(i);
                if (item != null) {
                    joined.append(string(item));
                }
            }
            return joined.toString();
        }
        if (value instanceof JsonNode) {
            return "[object Object]";
        }
        return value.toString();
    }

    /** JavaScript's rendering of a number: 3 not 3.0. */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** JavaScript {@code Number(value)}. */
    public static double toNumber(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Double d) {
            return d;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            return parseNumber(s);
        }
        if (value instanceof List<?>) {
            return parseNumber(string(value));
        }
        return Double.NaN;
    }

    private static double parseNumber(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (!looksNumeric(s)) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Rejects what Java would parse but JavaScript would not ("1d", "0x1p3", "NaN"). */
    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** JavaScript {@code parseFloat(value)}: the leading number of a string, NaN when there is none. */
    public static double parseFloat(Object value) {
        if (value instanceof Double d) {
            return d;
        }
        if (value == null || value instanceof JsonNode) {
            return Double.NaN;
        }
        String s = string(value).stripLeading();
        int end = 0;
        int n = s.length();
        if (end < n && (s.charAt(end) == '+' || s.charAt(end) == '-')) {
            end++;
        }
        int digitsStart = end;
        while (end < n && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end < n && s.charAt(end) == '.') {
            end++;
            while (end < n && Character.isDigit(s.charAt(end))) {
                end++;
            }
        }
        if (end == digitsStart || (end == digitsStart + 1 && s.charAt(digitsStart) == '.')) {
            return Double.NaN;
        }
        int mantissaEnd = end;
        if (end < n && (s.charAt(end) == 'e' || s.charAt(end) == 'E')) {
            int exp = end + 1;
            if (exp < n && (s.charAt(exp) == '+' || s.charAt(exp) == '-')) {
                exp++;
            }
            int expDigits = exp;
            while (exp < n && Character.isDigit(s.charAt(exp))) {
                exp++;
            }
            end = exp > expDigits ? exp : mantissaEnd;
        }
        return Double.parseDouble(s.substring(0, end));
    }

    /** JavaScript {@code a == b}. */
    public static boolean looseEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a.getClass() == b.getClass() && !(a instanceof List) && !(a instanceof JsonNode)) {
            return a.equals(b);
        }
        if (a instanceof Boolean) {
            return looseEquals(toNumber(a), b);
        }
        if (b instanceof Boolean) {
            return looseEquals(a, toNumber(b));
        }
        if (a instanceof Double && b instanceof String) {
            return (Double) a == toNumber(b);
        }
        if (a instanceof String && b instanceof Double) {
            return toNumber(a) == (Double) b;
        }
        boolean aComposite = a instanceof List || a instanceof JsonNode;
        boolean bComposite = b instanceof List || b instanceof JsonNode;
        if (aComposite && bComposite) {
            return a == b;
        }
        if (aComposite) {
            return looseEquals(string(a), b);
        }
        if (bComposite) {
            return looseEquals(a, string(b));
        }
        return false;
    }

    /** JavaScript {@code a === b}. */
    public static boolean strictEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List || a instanceof JsonNode) {
            return a == b;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * JavaScript's relational comparison: negative, zero or positive, or {@code null} when the values are
     * incomparable (NaN), in which case every relational operator is false.
     */
    public static Integer compare(Object a, Object b) {
        Object pa = a instanceof List || a instanceof JsonNode ? string(a) : a;
        Object pb = b instanceof List || b instanceof JsonNode ? string(b) : b;
        if (pa instanceof String sa && pb instanceof String sb) {
            return Integer.signum(sa.compareTo(sb));
        }
        double x = toNumber(pa);
        double y = toNumber(pb);
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return null;
        }
        return Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
    }
}
