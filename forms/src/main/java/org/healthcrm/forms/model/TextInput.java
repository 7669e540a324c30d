package org.healthcrm.forms.model;

/**
 * A text value: {@code textfield, textarea, email, url, phoneNumber, password}.
 *
 * @param multiple    the value is a list of texts
 * @param inputMask   the Form.io input mask (9 digit, a lower-case letter, A letter, * letter or digit); may be null
 * @param allowMarkup {@code properties.allowMarkup: "true"}: the text may contain HTML/XML markup. Otherwise the
 *                    server refuses markup in textfield, textarea, email, url and phoneNumber values
 */
public record TextInput(Common common, Validation validation, boolean multiple, InputMask inputMask,
                        boolean allowMarkup) implements Field {
}
