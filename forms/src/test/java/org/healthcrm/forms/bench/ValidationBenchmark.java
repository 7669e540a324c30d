package org.healthcrm.forms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.validation.SubmissionValidator;
import org.healthcrm.forms.validation.ValidationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * How long the server takes to validate and clean a valid 100-field submission, the size of a long intake packet.
 * SampleTime reports the distribution; read the median ({@code p0.50}). One thread, and two threads sharing one
 * validator and one form as the web requests do. Not part of the build: run it as README.md "Benchmark" says.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class ValidationBenchmark {

    private final SubmissionValidator validator = new SubmissionValidator();
    private FormDefinition form;
    private JsonNode submission;

    @Setup
    public void setUp() {
        HundredFieldForm hundred = HundredFieldForm.build();
        form = hundred.form();
        submission = hundred.submission();
        ValidationResult check = validator.validate(form, submission);
        if (!check.valid()) {
            throw new IllegalStateException("the benchmark submission must be valid: " + check.errors());
        }
    }

    @Benchmark
    @Threads(1)
    public ValidationResult oneThread() {
        return validator.validate(form, submission);
    }

    @Benchmark
    @Threads(2)
    public ValidationResult twoThreads() {
        return validator.validate(form, submission);
    }

    /**
     * A form of 100 fields with the rules our forms use, in the proportions they use them, and a valid submission:
     * required texts with length limits and patterns, free-text notes, numbers with ranges, selects, checkboxes,
     * email, masked phone numbers, dates of birth, datetimes, and one conditional field.
     */
    record HundredFieldForm(FormDefinition form, JsonNode submission) {

        static HundredFieldForm build() {
            ObjectMapper json = new ObjectMapper();
            ObjectNode definition = json.createObjectNode().put("display", "form");
            ArrayNode components = definition.putArray("components");
            ObjectNode data = json.createObjectNode();
            for (int i = 0; i < 100; i++) {
                String key = "f" + i;
                ObjectNode c = json.createObjectNode().put("key", key).put("label", "Field " + i).put("input", true);
                switch (i % 10) {
                    case 0, 1 -> {
                        c.put("type", "textfield").putObject("validate").put("required", true).put("maxLength", 100)
                                .put("pattern", "[A-Za-z ]+");
                        data.put(key, "Some Text Value");
                    }
                    case 2 -> {
                        c.put("type", "textarea").putObject("validate").put("maxLength", 2000);
                        data.put(key, "BP < 120/80 at rest & no chest pain; recheck in 2 weeks.");
                    }
                    case 3 -> {
                        c.put("type", "number").putObject("validate").put("min", 0).put("max", 1000);
                        data.put(key, 42);
                    }
                    case 4 -> {
                        c.put("type", "select").putObject("data").putArray("values")
                                .add(json.createObjectNode().put("label", "A").put("value", "a"))
                                .add(json.createObjectNode().put("label", "B").put("value", "b"))
                                .add(json.createObjectNode().put("label", "C").put("value", "c"));
                        data.put(key, "b");
                    }
                    case 5 -> {
                        c.put("type", "checkbox");
                        data.put(key, true);
                    }
                    case 6 -> {
                        c.put("type", "email");
                        data.put(key, "person" + i + "@example.org");
                    }
                    case 7 -> {
                        c.put("type", "phoneNumber").put("inputMask", "(999) 999-9999");
                        data.put(key, "(617) 555-0142");
                    }
                    case 8 -> {
                        c.put("type", "day");
                        data.put(key, "04/23/1978");
                    }
                    default -> {
                        c.put("type", "datetime");
                        data.put(key, "2025-03-01T09:30:00-05:00");
                    }
                }
                if (i == 99) {
                    c.putObject("conditional").put("show", true).put("when", "f5").put("eq", "true");
                }
                components.add(c);
            }
            return new HundredFieldForm(FormDefinition.parse("hundred-fields", definition), data);
        }
    }
}
