package org.healthcrm.forms.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The conditional the Form.io 5 builder writes: {@code {"show": true, "conjunction": "all", "conditions":
 * [{"component": "coverageType", "operator": "isEqual", "value": "insurance"}]}}.
 *
 * @param all true for conjunction "all", false for "any"
 */
public record ConditionList(boolean show, boolean all, List<Condition> conditions) implements Conditional {

    /** One comparison; {@code value} follows {@link org.healthcrm.forms.logic.JsValues}. */
    public record Condition(FieldReference field, Operator operator, Object value) {
    }

    /** The builder's operators that the server evaluates (the date operators are not supported yet). */
    public enum Operator {
        IS_EQUAL("isEqual"),
        IS_NOT_EQUAL("isNotEqual"),
        IS_EMPTY("isEmpty"),
        IS_NOT_EMPTY("isNotEmpty"),
        INCLUDES("includes"),
        NOT_INCLUDES("notIncludes"),
        STARTS_WITH("startsWith"),
        ENDS_WITH("endsWith"),
        LESS_THAN("lessThan"),
        LESS_THAN_OR_EQUAL("lessThanOrEqual"),
        GREATER_THAN("greaterThan"),
        GREATER_THAN_OR_EQUAL("greaterThanOrEqual");

        private final String formioName;

        Operator(String formioName) {
            this.formioName = formioName;
        }

        public String formioName() {
            return formioName;
        }

        public static Optional<Operator> fromFormioName(String name) {
            return Arrays.stream(values()).filter(o -> o.formioName.equals(name)).findFirst();
        }
    }
}
