package org.healthcrm.forms.model;

/**
 * What every component has.
 *
 * @param key         the data key (for layouts: the builder's technical key, which carries no data)
 * @param type        the component type
 * @param label       the label shown to the person; may be empty
 * @param errorLabel  the label Form.io uses in error messages when set; may be empty
 * @param conditional when the component is shown; {@code null} when always
 * @param hidden      {@code hidden: true}: never shown, so never required (its value is kept)
 * @param clearOnHide whether a value is dropped when a condition hides the component (Form.io's default: true)
 * @param persistent  false for {@code persistent: false} or {@code "client-only"}: the value is never stored
 * @param domain      the record field this field feeds, {@code "<record>.<field>"} such as {@code patient.birthDate}
 *                    (Form.io custom property {@code properties.domain}); {@code null} when it feeds none
 * @param phi         {@code properties.phi: "true"}: the field holds identifying or clinical information (see
 *                    {@link DataField#phi()})
 */
public record Common(String key, ComponentType type, String label, String errorLabel, Conditional conditional,
                     boolean hidden, boolean clearOnHide, boolean persistent, String domain, boolean phi) {

    /** The name used in error messages, as Form.io chooses it: error label, else label, else key. */
    public String fieldName() {
        if (errorLabel != null && !errorLabel.isBlank()) {
            return errorLabel;
        }
        if (label != null && !label.isBlank()) {
            return label;
        }
        return key;
    }
}
