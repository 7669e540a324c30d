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
}
