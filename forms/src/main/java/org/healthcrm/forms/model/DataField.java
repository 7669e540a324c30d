package org.healthcrm.forms.model;

import java.util.List;

/**
 * A field as the submission's data sees it: its component, the conditions that must all hold for it to be shown
 * (those of the layouts around it within its data level, outermost first, then its own), whether a layout around it
 * is {@code hidden}, and, for containers and grids, the data level nested under it.
 */
public record DataField(Component component, List<Conditional> conditions, boolean hiddenByLayout,
                        DataScope nested) {

    public String key() {
        return component.key();
    }

    /** The record field this field feeds ({@code "patient.birthDate"}) or {@code null}; see {@link Common#domain()}. */
    public String domain() {
        return component.common().domain();
    }

    /**
     * Whether the field holds protected health information: it feeds a record field (names, birth date, contact
     * details, coverage, consents), it is a signature or a file, or the form says so with {@code properties.phi:
     * "true"} (free-text clinical answers); a container or grid holds it when one of its fields does. Such values
     * are kept only where they are encrypted at rest (the submission archive and the records), never as process
     * variables.
     */
    public boolean phi() {
        return domain() != null || component instanceof Signature || component instanceof FileUpload
                || component.common().phi()
                || nested != null && nested.fields().stream().anyMatch(DataField::phi);
    }
}
