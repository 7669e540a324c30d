package org.healthcrm.forms.logic;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSONLogic operators Form.io conditions use, with JavaScript's comparison rules. */
class JsonLogicTest {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    static final String DATA = "{age: 42, name: 'Ada', zero: 0, empty: '', flag: true, off: false, nothing: null,"
            + " list: ['a', 'b'], emptyList: [], address: {city: 'Paris'}, rows: [{dose: 5}, {dose: 10}],"
            + " symptoms: {fever: true, cough: false}, numberText: '7'}";

    record Case(String name, String rule, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("var reads a field", "{var: 'data.age'}", "42"),
                new Case("var reads a nested field", "{var: 'data.address.city'}", "'Paris'"),
                new Case("var reads an array element", "{var: 'data.rows.1.dose'}", "10"),
                new Case("var of a missing field is null", "{var: 'data.unknown'}", "null"),
                new Case("var default for a missing field", "{var: ['data.unknown', 'fallback']}", "'fallback'"),
                new Case("var reads the current row", "{var: 'row.dose'}", "5"),
                new Case("== compares loosely: number and text", "{'==': [{var: 'data.numberText'}, 7]}", "true"),
                new Case("== compares loosely: 0 and false", "{'==': [{var: 'data.zero'}, false]}", "true"),
                new Case("== compares loosely: empty text and 0", "{'==': [{var: 'data.empty'}, 0]}", "true"),
                new Case("== null equals only null", "{'==': [{var: 'data.nothing'}, 0]}", "false"),
                new Case("== missing equals null", "{'==': [{var: 'data.unknown'}, null]}", "true"),
                new Case("=== compares strictly", "{'===': [{var: 'data.numberText'}, 7]}", "false"),
                new Case("=== same text", "{'===': [{var: 'data.name'}, 'Ada']}", "true"),
                new Case("!= loosely", "{'!=': [{var: 'data.age'}, '42']}", "false"),
                new Case("!== strictly", "{'!==': [{var: 'data.age'}, '42']}", "true"),
                new Case("! of an empty array is true (JSONLogic truthiness)", "{'!': [{var: 'data.emptyList'}]}", "true"),
                new Case("! without an argument list", "{'!': {var: 'data.flag'}}", "false"),
                new Case("!! of text '0' is true", "{'!!': ['0']}", "true"),
                new Case("!! of 0 is false", "{'!!': [{var: 'data.zero'}]}", "false"),
                new Case("and returns the first falsy value", "{and: [true, {var: 'data.empty'}, 'x']}", "''"),
                new Case("and returns the last value when all are truthy", "{and: [1, 'x']}", "'x'"),
                new Case("or returns the first truthy value", "{or: [{var: 'data.off'}, {var: 'data.name'}]}", "'Ada'"),
                new Case("or of a selectboxes option", "{or: [{var: 'data.symptoms.cough'}, {var: 'data.symptoms.fever'}]}",
                        "true"),
                new Case("if/else", "{if: [{'>': [{var: 'data.age'}, 65]}, 'senior', 'adult']}", "'adult'"),
                new Case("if/else-if chain", "{if: [false, 'a', {'<': [{var: 'data.age'}, 50]}, 'b', 'c']}", "'b'"),
                new Case("if without else", "{if: [false, 'a']}", "null"),
                new Case("< on numbers", "{'<': [{var: 'data.age'}, 50]}", "true"),
                new Case("< between three values", "{'<': [18, {var: 'data.age'}, 40]}", "false"),
                new Case("<= between three values", "{'<=': [18, {var: 'data.age'}, 42]}", "true"),
                new Case("> on text and number converts the text", "{'>': [{var: 'data.numberText'}, 5]}", "true"),
                new Case(">= on two texts compares them as text", "{'>=': ['b', 'a']}", "true"),
                new Case("< with a value that is not a number is false", "{'<': [{var: 'data.name'}, 5]}", "false"),
                new Case("in: substring", "{in: ['da', {var: 'data.name'}]}", "true"),
                new Case("in: array element", "{in: [{var: 'data.name'}, ['Ada', 'Grace']]}", "true"),
                new Case("in: absent from array", "{in: ['c', {var: 'data.list'}]}", "false"),
                new Case("+ adds numbers given as text", "{'+': [{var: 'data.numberText'}, 3]}", "10"),
                new Case("- subtracts", "{'-': [{var: 'data.age'}, 2]}", "40"),
                new Case("- negates", "{'-': [{var: 'data.age'}]}", "-42"),
                new Case("* multiplies", "{'*': [2, 3, 4]}", "24"),
                new Case("/ divides", "{'/': [{var: 'data.age'}, 4]}", "10.5"),
                new Case("% remainder", "{'%': [{var: 'data.age'}, 5]}", "2"),
                new Case("min and max", "{'+': [{min: [3, 1, 2]}, {max: [3, 1, 2]}]}", "4"),
                new Case("cat joins text", "{cat: [{var: 'data.name'}, ' ', {var: 'data.age'}]}", "'Ada 42'"),
                new Case("missing lists absent and empty fields",
                        "{missing: ['data.name', 'data.empty', 'data.unknown']}", "['data.empty', 'data.unknown']"),
                new Case("missing is falsy when nothing is missing", "{'!': {missing: ['data.name']}}", "true")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesLikeJsonLogicJs(Case c) {
        JsonNode data = json(DATA);
        JsonNode row = data.get("rows").get(0);
        JsonLogic rule = JsonLogic.compile(json(c.rule()), Set.of("data", "row"));

        Object result = rule.evaluate((root, path) -> {
            JsonNode node = root.equals("data") ? data : row;
            for (String segment : path) {
                node = node.isArray() ? node.path(Integer.parseInt(segment)) : node.path(segment);
            }
            return JsValues.of(node);
        });

        assertThat(result).isEqualTo(JsValues.of(json("{v: " + c.expected() + "}").get("v")));
    }

    @Test
    void refusesOperatorsItDoesNotKnow() {
        assertThatThrownBy(() -> JsonLogic.compile(json("{'some': [{var: 'data.list'}, {'==': [{var: ''}, 'a']}]}"),
                Set.of("data")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("JSONLogic operator 'some' is not supported; supported are [!, !!, !=, !==,");
    }

    @Test
    void refusesVariablesOutsideTheAllowedRoots() {
        assertThatThrownBy(() -> JsonLogic.compile(json("{var: 'form.title'}"), Set.of("data", "row")))
                .hasMessage("JSONLogic variable 'form.title' must start with one of [data., row.]");
    }

    @Test
    void refusesComputedVariableNames() {
        assertThatThrownBy(() -> JsonLogic.compile(json("{var: {cat: ['data.', 'x']}}"), Set.of("data")))
                .hasMessageContaining("needs a literal path");
    }

    @Test
    void refusesTheWrongNumberOfArguments() {
        assertThatThrownBy(() -> JsonLogic.compile(json("{'===': [1, 2, 3]}"), Set.of("data")))
                .hasMessage("JSONLogic operator '===' takes 2 arguments, got 3");
    }

    @Test
    void refusesObjectsThatAreNotOneOperation() {
        assertThatThrownBy(() -> JsonLogic.compile(json("{'==': [1, 1], '!=': [1, 2]}"), Set.of("data")))
                .hasMessageContaining("exactly one operator");
    }

    @Test
    void javaScriptStringAndNumberConversions() {
        assertThat(JsValues.string(3.0)).isEqualTo("3");
        assertThat(JsValues.string(2.5)).isEqualTo("2.5");
        assertThat(JsValues.string(List.of("a", 1.0))).isEqualTo("a,1");
        assertThat(JsValues.string(null)).isEqualTo("null");
        assertThat(JsValues.toNumber(" 12 ")).isEqualTo(12.0);
        assertThat(JsValues.toNumber("12px")).isNaN();
        assertThat(JsValues.parseFloat("12px")).isEqualTo(12.0);
        assertThat(JsValues.parseFloat("px")).isNaN();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
