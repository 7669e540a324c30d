package org.healthcrm.forms.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The outcome of validating a submission.
 *
 * @param errors problems in document order; empty when the submission is valid
 * @param data   the cleaned data: only the form's own fields that were shown, passwords, buttons and
 *               non-persistent fields removed, select/radio values as listed in the form; a new tree owned by the
 *               caller. Store it only when {@link #valid()}.
 */
public record ValidationResult(List<FieldError> errors, ObjectNode data) {

    public ValidationResult {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The errors at one path, e.g. {@code "address.city"}. */
    public List<FieldError> errorsAt(String path) {
        return errors.stream().filter(e -> e.path().equals(path)).toList();
    }
}
