package org.healthcrm.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.model.DataField;
import org.healthcrm.forms.registry.FormRegistry;
import org.healthcrm.forms.validation.FieldError;
import org.healthcrm.forms.validation.SubmissionValidator;
import org.healthcrm.forms.validation.ValidationResult;
import org.springframework.stereotype.Component;

/**
 * The forms of user tasks: finds a Form.io definition by key in the forms module, validates a submission with the
 * one server-side validator (the same for screens and API), and turns the cleaned data into process variables:
 * text, numbers and booleans as typed values, objects and arrays as Spin JSON, never Java serialization.
 */
@Component
public class TaskForms {

    private final ObjectMapper objectMapper;
    private final FormRegistry registry;
    private final SubmissionValidator validator = new SubmissionValidator();
    private final Map<String, Form> forms = new ConcurrentHashMap<>();

    public TaskForms(ObjectMapper objectMapper, FormRegistry registry) {
        this.objectMapper = objectMapper;
        this.registry = registry;
    }

    /** The latest version of the form with this key (for process starts, which pin nothing). */
    public Form form(String key) {
        return form(registry.latest(key));
    }

    /** The given version of the form: what a task created with that version shows and validates against. */
    public Form form(String key, int version) {
        return form(registry.version(key, version));
    }

    private Form form(FormRegistry.RegisteredForm registered) {
        return forms.computeIfAbsent(registered.key() + "@" + registered.version(), k -> {
            FormDefinition definition = registered.definition();
            try {
                return new Form(registered.key(), registered.version(), definition, objectMapper.readTree(definition.json()));
            } catch (IOException e) {
                throw new UncheckedIOException("Form " + registered.key() + " is not JSON", e);
            }
        });
    }

    /** Validates and returns the process variables to store; throws {@link FormSubmissionException} when invalid. */
    public Map<String, Object> validate(Form form, ObjectNode data) {
        return variablesOf(form, check(form, data));
    }

    /** Validates and returns the cleaned data; throws {@link FormSubmissionException} when invalid. */
    public ObjectNode check(Form form, ObjectNode data) {
        ValidationResult result = validator.validate(form.model(), (com.fasterxml.jackson.databind.JsonNode) data);
        if (!result.valid()) {
            throw new FormSubmissionException(result.errors());
        }
        return result.data();
    }

    /**
     * Hidden fields whose key is a process variable carry the process's value, whatever the browser sent back: they
     * are what the process decided (for example which consents the DMN requires), and conditions of the form
     * depend on them. Returns a copy of the data.
     */
    public ObjectNode withProcessValues(Form form, ObjectNode data, Map<String, Object> variables) {
        ObjectNode pinned = data.deepCopy();
        for (DataField field : form.model().data().fields()) {
            if (field.component() instanceof org.healthcrm.forms.model.HiddenValue && variables.containsKey(field.key())) {
                Object value = variables.get(field.key());
                if (value == null) {
                    pinned.remove(field.key());
                } else {
                    pinned.set(field.key(), objectMapper.valueToTree(value instanceof SpinJsonNode spin ? spin.toString() : value));
                }
            }
        }
        return pinned;
    }

    /** Data of a task without a form: only an empty submission is accepted. */
    public Map<String, Object> withoutForm(ObjectNode data) {
        if (!data.isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            data.fieldNames().forEachRemaining(name ->
                    errors.add(new FieldError(name, "This task has no form: '" + name + "' is not expected", "unknown")));
            throw new FormSubmissionException(errors);
        }
        return Map.of();
    }

    /**
     * Cleaned data as process variables: text, numbers and booleans as typed values, objects and arrays as JSON.
     * Fields holding protected health information ({@link DataField#phi()}: names, birth dates, contact details,
     * signatures, clinical free text) are left out: the engine's tables are not encrypted, so such values live only
     * in the encrypted submission archive and the domain records, where delegates read them.
     */
    public Map<String, Object> variablesOf(Form form, ObjectNode data) {
        Map<String, Object> variables = new LinkedHashMap<>();
        data.fields().forEachRemaining(entry -> {
            boolean phi = form.model().data().field(entry.getKey()).map(DataField::phi).orElse(false);
            if (!phi) {
                variables.put(entry.getKey(), variable(entry.getValue()));
            }
        });
        return variables;
    }

    private static Object variable(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        return SpinValues.jsonValue(value.toString()).create();
    }

    /** The current values of the form's top-level fields among the process variables, ready to prefill the form. */
    public Map<String, Object> prefill(Form form, Map<String, Object> variables) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (DataField field : form.model().data().fields()) {
            Object value = variables.get(field.key());
            if (value instanceof SpinJsonNode spin) {
                try {
                    data.put(field.key(), objectMapper.readTree(spin.toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                data.put(field.key(), value);
            }
        }
        return data;
    }

    /**
     * A form: its key, its typed model (for validation) and its Form.io definition as the browser renders it.
     */
    public record Form(String key, int version, FormDefinition model, JsonNode definition) {
    }
}
