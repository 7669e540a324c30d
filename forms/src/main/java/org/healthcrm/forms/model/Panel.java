package org.healthcrm.forms.model;

import java.util.List;

/** {@code panel}, {@code fieldset} or {@code well}; in a wizard each top-level panel is a page. */
public record Panel(Common common, String title, List<Component> components) implements Layout {

    @Override
    public List<Component> children() {
        return components;
    }
}
