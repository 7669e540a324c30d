package org.healthcrm.forms.logic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled <a href="https://jsonlogic.com">JSONLogic</a> rule, as Form.io uses it for {@code conditional.json} and
 * {@code validate.json}. It is the server's safe replacement for the JavaScript that Form.io would otherwise
 * evaluate: a rule is data, compiled once when the form definition is loaded, and evaluation can only read the
 * variables it is given.
 *
 * <p>Supported operators: {@code var, missing, ==, ===, !=, !==, !, !!, and, or, if, ?:, <, <=, >, >=, in, cat,
 * +, -, *, /, %, min, max}. Anything else is refused at compile time, so an unsupported rule never silently
 * evaluates to "false". Variables are dotted paths whose first segment must be one of the roots the caller allows
 * ({@code data}, {@code row}, ...).
 */
public final class JsonLogic {

    /** Supplies the value of a variable: {@code root} is the first path segment, {@code path} the rest. */
    @FunctionalInterface
    public interface Variables {
        /** Returns the value (see {@link JsValues}) or {@code null} when absent. */
        Object get(String root, List<String> path);
    }

    private final Expr expr;
    private final String source;

    private JsonLogic(Expr expr, String source) {
        this.expr = expr;
        this.source = source;
    }

    /**
     * Compiles a rule.
     *
     * @param rule         the JSONLogic rule as a JSON tree
     * @param allowedRoots the variable roots the rule may read, e.g. {@code data} and {@code row}
     * @throws IllegalArgumentException naming the unsupported operator or variable
     */
    public static JsonLogic compile(JsonNode rule, Set<String> allowedRoots) {
        return new JsonLogic(new Compiler(allowedRoots).compile(rule), rule.toString());
    }

    /** Evaluates the rule; the result follows {@link JsValues}. */
    public Object evaluate(Variables variables) {
        return expr.eval(variables);
    }

    /** Evaluates the rule and applies JSONLogic truthiness. */
    public boolean test(Variables variables) {
        return JsValues.truthy(evaluate(variables));
    }

    /** The rule as JSON text. */
    @Override
    public String toString() {
        return source;
    }

    private interface Expr {
        Object eval(Variables vars);
    }

    private record Literal(Object value) implements Expr {
        @Override
        public Object eval(Variables vars) {
            return value;
        }
    }

    private record ArrayExpr(List<Expr> items) implements Expr {
        @Override
        public Object eval(Variables vars) {
            List<Object> values = new ArrayList<>(items.size());
            for (Expr item : items) {
                values.add(item.eval(vars));
            }
            return values;
        }
    }

    private record Var(String root, List<String> path, Expr fallback) implements Expr {
        @Override
        public Object eval(Variables vars) {
            Object value = vars.get(root, path);
            if (value == null && fallback != null) {
                return fallback.eval(vars);
            }
            return value;
        }
    }

    private record Missing(List<Var> vars, List<String> names) implements Expr {
        @Override
        public Object eval(Variables variables) {
            List<Object> missing = new ArrayList<>();
            for (int i = 0; i < vars.size(); i++) {
                Object value = vars.get(i).eval(variables);
                if (value == null || "".equals(value)) {
                    missing.add(names.get(i));
                }
            }
            return missing;
        }
    }

    private record Operation(Op op, Expr[] args) implements Expr {
        @Override
        public Object eval(Variables vars) {
            return op.apply(args, vars);
        }
    }

    private enum Op {
        LOOSE_EQ("==", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return JsValues.looseEquals(a[0].eval(v), a[1].eval(v));
            }
        },
        STRICT_EQ("===", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return JsValues.strictEquals(a[0].eval(v), a[1].eval(v));
            }
        },
        LOOSE_NE("!=", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return !JsValues.looseEquals(a[0].eval(v), a[1].eval(v));
            }
        },
        STRICT_NE("!==", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return !JsValues.strictEquals(a[0].eval(v), a[1].eval(v));
            }
        },
        NOT("!", 1, 1) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return !JsValues.truthy(a[0].eval(v));
            }
        },
        TRUTHY("!!", 1, 1) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return JsValues.truthy(a[0].eval(v));
            }
        },
        AND("and", 1, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                Object value = null;
                for (Expr e : a) {
                    value = e.eval(v);
                    if (!JsValues.truthy(value)) {
                        return value;
                    }
                }
                return value;
            }
        },
        OR("or", 1, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                Object value = null;
                for (Expr e : a) {
                    value = e.eval(v);
                    if (JsValues.truthy(value)) {
                        return value;
                    }
                }
                return value;
            }
        },
        IF("if", 0, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                int i = 0;
                for (; i + 1 < a.length; i += 2) {
                    if (JsValues.truthy(a[i].eval(v))) {
                        return a[i + 1].eval(v);
                    }
                }
                return i < a.length ? a[i].eval(v) : null;
            }
        },
        TERNARY("?:", 3, 3) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return IF.apply(a, v);
            }
        },
        LT("<", 2, 3) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return chain(a, v, false);
            }
        },
        LE("<=", 2, 3) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return chain(a, v, true);
            }
        },
        GT(">", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                Integer c = JsValues.compare(a[0].eval(v), a[1].eval(v));
                return c != null && c > 0;
            }
        },
        GE(">=", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                Integer c = JsValues.compare(a[0].eval(v), a[1].eval(v));
                return c != null && c >= 0;
            }
        },
        IN("in", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                Object needle = a[0].eval(v);
                Object haystack = a[1].eval(v);
                if (haystack instanceof String s) {
                    return s.contains(JsValues.string(needle));
                }
                if (haystack instanceof List<?> list) {
                    for (Object item : list) {
                        if (JsValues.strictEquals(item, needle)) {
                            return true;
                        }
                    }
                }
                return false;
            }
        },
        CAT("cat", 0, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                StringBuilder text = new StringBuilder();
                for (Expr e : a) {
                    Object value = e.eval(v);
                    text.append(value == null ? "" : JsValues.string(value));
                }
                return text.toString();
            }
        },
        PLUS("+", 0, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                double sum = 0;
                for (Expr e : a) {
                    sum += JsValues.parseFloat(e.eval(v));
                }
                return sum;
            }
        },
        MINUS("-", 1, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                double first = JsValues.toNumber(a[0].eval(v));
                return a.length == 1 ? -first : first - JsValues.toNumber(a[1].eval(v));
            }
        },
        TIMES("*", 1, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                double product = 1;
                for (Expr e : a) {
                    product *= JsValues.parseFloat(e.eval(v));
                }
                return product;
            }
        },
        DIVIDE("/", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return JsValues.toNumber(a[0].eval(v)) / JsValues.toNumber(a[1].eval(v));
            }
        },
        MODULO("%", 2, 2) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return JsValues.toNumber(a[0].eval(v)) % JsValues.toNumber(a[1].eval(v));
            }
        },
        MIN("min", 0, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return extreme(a, v, true);
            }
        },
        MAX("max", 0, Integer.MAX_VALUE) {
            @Override
            Object apply(Expr[] a, Variables v) {
                return extreme(a, v, false);
            }
        };

        final String symbol;
        final int minArgs;
        final int maxArgs;

        Op(String symbol, int minArgs, int maxArgs) {
            this.symbol = symbol;
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
        }

        abstract Object apply(Expr[] args, Variables vars);

        static final Map<String, Op> BY_SYMBOL = EnumSet.allOf(Op.class).stream()
                .collect(Collectors.toUnmodifiableMap(op -> op.symbol, Function.identity()));

        private static boolean chain(Expr[] a, Variables v, boolean orEqual) {
            Object left = a[0].eval(v);
            for (int i = 1; i < a.length; i++) {
                Object right = a[i].eval(v);
                Integer c = JsValues.compare(left, right);
                if (c == null || (orEqual ? c > 0 : c >= 0)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        private static Object extreme(Expr[] a, Variables v, boolean min) {
            if (a.length == 0) {
                return null;
            }
            double result = min ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            for (Expr e : a) {
                double d = JsValues.toNumber(e.eval(v));
                if (Double.isNaN(d)) {
                    return Double.NaN;
                }
                result = min ? Math.min(result, d) : Math.max(result, d);
            }
            return result;
        }
    }

    private static final class Compiler {
        private final Set<String> allowedRoots;

        Compiler(Set<String> allowedRoots) {
            this.allowedRoots = Set.copyOf(allowedRoots);
        }

        Expr compile(JsonNode node) {
            if (node.isArray()) {
                List<Expr> items = new ArrayList<>(node.size());
                for (JsonNode item : node) {
                    items.add(compile(item));
                }
                return new ArrayExpr(Collections.unmodifiableList(items));
            }
            if (node.isObject() && node.size() == 1) {
                Map.Entry<String, JsonNode> operation = node.fields().next();
                return operation(operation.getKey(), operation.getValue());
            }
            if (node.isObject()) {
                throw new IllegalArgumentException("a JSONLogic operation must be an object with exactly one operator, got "
                        + node.size() + " keys");
            }
            return new Literal(JsValues.of(node));
        }

        private Expr operation(String symbol, JsonNode argsNode) {
            if (symbol.equals("var")) {
                return variable(argsNode);
            }
            if (symbol.equals("missing")) {
                return missing(argsNode);
            }
            Op op = Op.BY_SYMBOL.get(symbol);
            if (op == null) {
                throw new IllegalArgumentException("JSONLogic operator '" + symbol + "' is not supported; supported are "
                        + new TreeSet<>(supportedOperators()));
            }
            List<JsonNode> argNodes = new ArrayList<>();
            if (argsNode.isArray()) {
                argsNode.forEach(argNodes::add);
            } else {
                argNodes.add(argsNode);
            }
            if (argNodes.size() < op.minArgs || argNodes.size() > op.maxArgs) {
                throw new IllegalArgumentException("JSONLogic operator '" + symbol + "' takes "
                        + (op.minArgs == op.maxArgs ? String.valueOf(op.minArgs)
                        : op.minArgs + (op.maxArgs == Integer.MAX_VALUE ? " or more" : " to " + op.maxArgs))
                        + " arguments, got " + argNodes.size());
            }
            Expr[] args = new Expr[argNodes.size()];
            for (int i = 0; i < args.length; i++) {
                args[i] = compile(argNodes.get(i));
            }
            return new Operation(op, args);
        }

        private Var variable(JsonNode argsNode) {
            JsonNode pathNode = argsNode.isArray() ? argsNode.path(0) : argsNode;
            Expr fallback = argsNode.isArray() && argsNode.size() > 1 ? compile(argsNode.get(1)) : null;
            if (!pathNode.isTextual()) {
                throw new IllegalArgumentException("JSONLogic 'var' needs a literal path such as \"data.firstName\"");
            }
            return parseVar(pathNode.textValue(), fallback);
        }

        private Var parseVar(String path, Expr fallback) {
            List<String> segments = List.of(path.split("\\.", -1));
            String root = segments.get(0);
            if (!allowedRoots.contains(root)) {
                throw new IllegalArgumentException("JSONLogic variable '" + path + "' must start with one of "
                        + new TreeSet<>(allowedRoots).stream().map(r -> r + ".").collect(Collectors.toList()));
            }
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    throw new IllegalArgumentException("JSONLogic variable '" + path + "' has an empty segment");
                }
            }
            return new Var(root, segments.subList(1, segments.size()), fallback);
        }

        private Missing missing(JsonNode argsNode) {
            JsonNode names = argsNode.isArray() && argsNode.size() == 1 && argsNode.get(0).isArray()
                    ? argsNode.get(0) : argsNode;
            List<Var> vars = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            Iterator<JsonNode> it = names.isArray() ? names.elements() : List.of(names).iterator();
            while (it.hasNext()) {
                JsonNode name = it.next();
                if (!name.isTextual()) {
                    throw new IllegalArgumentException("JSONLogic 'missing' needs literal paths such as \"data.firstName\"");
                }
                vars.add(parseVar(name.textValue(), null));
                paths.add(name.textValue());
            }
            return new Missing(List.copyOf(vars), List.copyOf(paths));
        }
    }

    /** The operator names this evaluator understands. */
    public static Set<String> supportedOperators() {
        Set<String> names = new TreeSet<>(Op.BY_SYMBOL.keySet());
        names.add("var");
        names.add("missing");
        return Collections.unmodifiableSet(names);
    }
}
