package org.healthcrm.processes.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The table red-flags on its own: every symptom ticked on the health history is a finding of its own (hit policy
 * COLLECT) that calls a nurse now and cites the guidance it follows; nothing ticked, no finding.
 */
@Deployment(resources = "processes/intake/red-flags.dmn")
class RedFlagsDecisionTest {

    private static final List<String> RED_FLAGS = List.of("redFlagChestPain", "redFlagDifficultyBreathing",
            "redFlagStrokeSigns", "redFlagSevereBleeding", "redFlagSuicidalThoughts");

    @RegisterExtension
    static final ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .ensureCleanAfterTest(true)
            .build();

    @ParameterizedTest
    @ValueSource(strings = {"redFlagChestPain", "redFlagDifficultyBreathing", "redFlagStrokeSigns",
            "redFlagSevereBleeding", "redFlagSuicidalThoughts"})
    void eachRedFlagAloneIsAnEmergencyWithItsSource(String redFlag) {
        List<Map<String, Object>> findings = findingsFor(redFlag);

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding).containsEntry("disposition", "EMERGENCY");
            assertThat((String) finding.get("finding")).isNotBlank();
            assertThat((String) finding.get("source")).isNotBlank();
        });
    }

    @Test
    void noRedFlagIsNoFinding() {
        assertThat(findingsFor()).isEmpty();
    }

    @Test
    void everyRedFlagTickedIsAFindingOfItsOwn() {
        List<Map<String, Object>> findings = findingsFor(RED_FLAGS.toArray(String[]::new));

        assertThat(findings).hasSize(RED_FLAGS.size())
                .allSatisfy(finding -> assertThat(finding).containsEntry("disposition", "EMERGENCY"));
        assertThat(findings).extracting(finding -> finding.get("finding")).doesNotHaveDuplicates();
    }

    /** The health history as submitted: every box present, ticked only for the red flags given. */
    private static List<Map<String, Object>> findingsFor(String... ticked) {
        VariableMap answers = Variables.createVariables();
        RED_FLAGS.forEach(flag -> answers.putValue(flag, false));
        for (String flag : ticked) {
            answers.putValue(flag, true);
        }
        return engine.getDecisionService().evaluateDecisionByKey("red-flags").variables(answers).evaluate()
                .getResultList();
    }
}
