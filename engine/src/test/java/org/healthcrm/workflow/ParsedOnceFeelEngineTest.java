package org.healthcrm.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** Decision tables' FEEL, parsed once: Camunda's own FEEL engine's answers and errors, evaluation after evaluation. */
class ParsedOnceFeelEngineTest {

    private final FeelEngine parsedOnce = new ParsedOnceFeelEngine.Factory(List::of).createInstance();
    private final FeelEngine camunda = new ScalaFeelEngine(List.of());

    @Test
    void expressionsGiveWhatCamundasEngineGivesForEachSetOfVariables() {
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("age", 17, "service", "PEDIATRICS", "flag", true),
                Map.of("age", 45, "service", "PRIMARY_CARE", "flag", false))) {
            for (String expression : List.of("age", "age >= 18", "\"EMERGENCY\"", "if flag then \"yes\" else \"no\"",
                    "string length(service) + age", "service = \"PEDIATRICS\" and age < 18")) {
                Object expected = camunda.evaluateSimpleExpression(expression, context(variables));
                // twice: the second evaluation uses the kept parse, with this evaluation's variables
                assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, context(variables)))
                        .as(expression + " with " + variables).isEqualTo(expected);
                assertThat((Object) parsedOnce.evaluateSimpleExpression(expression, context(variables)))
                        .as(expression + " again with " + variables).isEqualTo(expected);
            }
        }
    }

    @Test
    void inputEntriesMatchWhatCamundasEngineMatches() {
        for (Object age : List.of(5, 17, 18, 64, 65)) {
            Map<String, Object> variables = Map.of("ageYears", age, "service", "PRIMARY_CARE");
            for (String entry : List.of("< 18", ">= 18", "[18..64]", "not(< 18)", "17, 65", "-", "? > 60")) {
                boolean expected = camunda.evaluateSimpleUnaryTests(entry, "ageYears", context(variables));
                assertThat(parsedOnce.evaluateSimpleUnaryTests(entry, "ageYears", context(variables)))
                        .as(entry + " for age " + age).isEqualTo(expected);
                assertThat(parsedOnce.evaluateSimpleUnaryTests(entry, "ageYears", context(variables)))
                        .as(entry + " again for age " + age).isEqualTo(expected);
            }
            assertThat(parsedOnce.evaluateSimpleUnaryTests("\"PRIMARY_CARE\"", "service", context(variables))).isTrue();
        }
    }

    @Test
    void anExpressionThatDoesNotParseFailsAsInCamundasEngine() {
        assertThatThrownBy(() -> camunda.evaluateSimpleExpression("age >", context(Map.of("age", 3))))
                .isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleExpression("age >", context(Map.of("age", 3))))
                .isInstanceOf(FeelException.class);
        assertThatThrownBy(() -> parsedOnce.evaluateSimpleUnaryTests("> > 3", "age", context(Map.of("age", 3))))
                .isInstanceOf(FeelException.class);
    }

    private static VariableContext context(Map<String, Object> variables) {
        return Variables.fromMap(variables).asVariableContext();
    }
}
