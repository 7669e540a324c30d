package org.healthcrm.forms.validation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormDefinition;

import java.util.Arrays;

/**
 * A sanity measurement, run by hand (not a test, not a benchmark): the median time to validate a valid 100-field
 * submission after warm-up. Run with
 * {@code java -cp target/classes:target/test-classes:<jackson jars> org.healthcrm.forms.validation.HundredFieldValidationTiming}.
 */
public final class HundredFieldValidationTiming {

    private HundredFieldValidationTiming() {
    }

    public static void main(String[] args) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = json.createObjectNode().put("display", "form");
        ArrayNode components = form.putArray("components");
        ObjectNode data = json.createObjectNode();
        for (int i = 0; i < 100; i++) {
            ObjectNode c = json.createObjectNode().put("key", "f" + i).put("label", "Field " + i).put("input", true);
            switch (i % 10) {
                case 0, 1, 2 -> {
                    c.put("type", "textfield").putObject("validate").put("required", true).put("maxLength", 100)
                            .put("pattern", "[A-Za-z ]+");
                    data.put("f" + i, "Some Text Value");
                }
                case 3 -> {
                    c.put("type", "number").putObject("validate").put("min", 0).put("max", 1000);
                    data.put("f" + i, 42);
                }
                case 4 -> {
                    c.put("type", "select").putObject("data").putArray("values")
                            .add(json.createObjectNode().put("label", "A").put("value", "a"))
                            .add(json.createObjectNode().put("label", "B").put("value", "b"))
                            .add(json.createObjectNode().put("label", "C").put("value", "c"));
                    data.put("f" + i, "b");
                }
                case 5 -> {
                    c.put("type", "checkbox");
                    data.put("f" + i, true);
                }
                case 6 -> {
                    c.put("type", "email");
                    data.put("f" + i, "person" + i + "@example.org");
                }
                case 7 -> {
                    c.put("type", "phoneNumber").put("inputMask", "(999) 999-9999");
                    data.put("f" + i, "(617) 555-0142");
                }
                case 8 -> {
                    c.put("type", "day");
                    data.put("f" + i, "04/23/1978");
                }
                default -> {
                    c.put("type", "datetime");
                    data.put("f" + i, "2025-03-01T09:30:00-05:00");
                }
            }
            if (i == 99) {
                c.putObject("conditional").put("show", true).put("when", "f5").put("eq", "true");
            }
            components.add(c);
        }
        FormDefinition definition = FormDefinition.parse("timing", form);
        SubmissionValidator validator = new SubmissionValidator();
        ValidationResult check = validator.validate(definition, data);
        if (!check.valid()) {
            throw new IllegalStateException("the timing submission must be valid: " + check.errors());
        }

        int sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += validator.validate(definition, data).errors().size();
        }
        long[] nanos = new long[100_000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            sink += validator.validate(definition, data).data().size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("100-field validation: median %.1f µs, p90 %.1f µs, p99 %.1f µs (sink %d)%n",
                nanos[nanos.length / 2] / 1000.0, nanos[nanos.length * 9 / 10] / 1000.0,
                nanos[nanos.length * 99 / 100] / 1000.0, sink);
    }
}
