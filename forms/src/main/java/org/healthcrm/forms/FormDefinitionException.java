package org.healthcrm.forms;

/**
 * A form definition the server refuses to load: not JSON, an unsupported component, a duplicate data key,
 * JavaScript where the server would have to run it. The message names the form, the component and the fix.
 */
public class FormDefinitionException extends RuntimeException {

    private final String formKey;

    public FormDefinitionException(String formKey, String message) {
        super(message);
        this.formKey = formKey;
    }

    public FormDefinitionException(String formKey, String message, Throwable cause) {
        super(message, cause);
        this.formKey = formKey;
    }

    /** The key of the refused form. */
    public String formKey() {
        return formKey;
    }
}
