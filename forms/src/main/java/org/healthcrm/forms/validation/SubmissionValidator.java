package org.healthcrm.forms.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.healthcrm.forms.FormDefinition;

import java.util.Map;
import java.util.Objects;

/**
 * Validates a submission's {@code data} against its form on the server, with the rules @formio/js enforces in the
 * browser, and cleans it for storage. The browser's verdict is never trusted: this is the one validation path for
 * the UI and the API alike.
 *
 * <p>Besides Form.io's rules it refuses what a browser would never send: keys the form does not have, values of
 * the wrong JSON type, values outside a select/radio/selectboxes list and texts longer than
 * {@link ValidationSettings#maxStringLength()}. It also refuses HTML/XML markup in free text (textfield, textarea,
 * email, url, phoneNumber) unless the component allows it ({@code properties.allowMarkup}), and script links in url
 * fields. Conditions are evaluated as in the browser; a field they hide is not required and its value is dropped.
 * Thread-safe; one instance serves the whole application.
 */
public final class SubmissionValidator {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ValidationSettings settings;

    public SubmissionValidator() {
        this(ValidationSettings.defaults());
    }

    public SubmissionValidator(ValidationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Validates a submission's data object ({@code submission.data} in Form.io terms).
     *
     * @param data a JSON object; anything else (including null) is an invalid submission
     */
    public ValidationResult validate(FormDefinition form, JsonNode data) {
        Objects.requireNonNull(form, "form");
        return new ValidationRun(settings).run(form, data);
    }

    /** Validates a submission's data given as a map, e.g. as a web framework bound it. */
    public ValidationResult validate(FormDefinition form, Map<String, ?> data) {
        JsonNode tree = data == null ? null : MAPPER.valueToTree(data);
        return validate(form, tree);
    }

    public ValidationSettings settings() {
        return settings;
    }
}
