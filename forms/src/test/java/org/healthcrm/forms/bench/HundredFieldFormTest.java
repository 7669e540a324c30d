package org.healthcrm.forms.bench;

import org.healthcrm.forms.validation.SubmissionValidator;
import org.healthcrm.forms.validation.ValidationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark must measure the path of a valid submission, not an early error. */
class HundredFieldFormTest {

    @Test
    void theBenchmarkSubmissionIsValidAndKeepsAllHundredFields() {
        ValidationBenchmark.HundredFieldForm hundred = ValidationBenchmark.HundredFieldForm.build();

        ValidationResult result = new SubmissionValidator().validate(hundred.form(), hundred.submission());

        assertThat(result.errors()).isEmpty();
        assertThat(result.data().size()).isEqualTo(100);
    }
}
