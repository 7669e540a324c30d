package org.healthcrm.compliance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.model.Checkbox;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.model.DataScope;
import org.healthcrm.forms.model.FileUpload;
import org.healthcrm.forms.model.Signature;

/**
 * The archived data of a submission as label and answer pairs, in the form's order: what was stored, not
 * interpreted (option values as stored). A signature shows as "[signature image]"; the submission's PDF has the
 * drawn image and the option labels.
 */
final class SubmittedAnswers {

    static final String NO_ANSWER = "—";
    static final String SIGNATURE = "[signature image]";

    private SubmittedAnswers() {
    }

    static List<ProcessRecord.Answer> of(FormDefinition form, JsonNode data) {
        List<ProcessRecord.Answer> answers = new ArrayList<>();
        if (data != null && data.isObject()) {
            walk(form.data(), data, "", answers);
        }
        return answers;
    }

    private static void walk(DataScope scope, JsonNode data, String prefix, List<ProcessRecord.Answer> answers) {
        for (DataField field : scope.fields()) {
            JsonNode value = data.get(field.key());
            if (value == null || value.isMissingNode()) {
                continue;
            }
            String label = prefix + label(field.component());
            if (field.nested() != null && value.isObject()) {
                walk(field.nested(), value, label + " › ", answers);
            } else if (field.nested() != null && value.isArray()) {
                if (value.isEmpty()) {
                    answers.add(new ProcessRecord.Answer(label, NO_ANSWER));
                }
                int row = 1;
                for (JsonNode item : value) {
                    if (item.isObject()) {
                        walk(field.nested(), item, label + " " + row + " › ", answers);
                    }
                    row++;
                }
            } else {
                answers.add(new ProcessRecord.Answer(label, text(field.component(), value)));
            }
        }
    }

    private static String text(Component component, JsonNode value) {
        if (value.isNull() || value.isTextual() && value.asText().isEmpty()) {
            return NO_ANSWER;
        }
        if (component instanceof Signature) {
            return SIGNATURE;
        }
        if (component instanceof Checkbox || value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (component instanceof FileUpload && value.isArray()) {
            List<String> names = new ArrayList<>();
            value.forEach(file -> names.add(file.path("originalName").asText(file.path("name").asText("file"))));
            return names.isEmpty() ? NO_ANSWER : String.join(", ", names);
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return items.isEmpty() ? NO_ANSWER : String.join(", ", items);
        }
        if (value.isObject()) {
            // select boxes: the options ticked
            List<String> ticked = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> option = it.next();
                if (option.getValue().asBoolean(false)) {
                    ticked.add(option.getKey());
                }
            }
            return ticked.isEmpty() ? "None" : String.join(", ", ticked);
        }
        return value.asText();
    }

    private static String label(Component component) {
        String label = component.label();
        return label == null || label.isBlank() ? component.key() : label.strip();
    }
}
