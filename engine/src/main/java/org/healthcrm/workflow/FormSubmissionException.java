package org.healthcrm.workflow;

import java.util.List;

import org.healthcrm.forms.validation.FieldError;

/** A submission that does not satisfy its form: nothing was changed. */
public class FormSubmissionException extends RuntimeException {

    private final List<FieldError> errors;

    public FormSubmissionException(List<FieldError> errors) {
        super(errors.size() == 1 ? "1 field needs attention" : errors.size() + " fields need attention");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
