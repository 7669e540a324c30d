package org.healthcrm.forms.validation;

/**
 * One problem with a submission.
 *
 * @param path    where, as Form.io writes it: {@code familyName}, {@code address.city} (container),
 *                {@code allergies[1].substance} (grid row, from 0), {@code phones[0]} (one of multiple values);
 *                empty for the submission as a whole
 * @param message for the person: names the field by its label and never repeats the submitted value
 * @param rule    a stable code for API clients: required, minLength, maxLength, minWords, maxWords, pattern,
 *                min, max, decimalLimit, email, url, mask, phoneNumber, day, date, minDate, maxDate, minYear,
 *                maxYear, time, invalidOption, minSelectedCount, maxSelectedCount, minRows, maxRows, file,
 *                signature, json, markup (HTML/XML markup in free text, a script url), type, unknownField
 */
public record FieldError(String path, String message, String rule) {

    @Override
    public String toString() {
        return path + ": " + message + " [" + rule + "]";
    }
}
