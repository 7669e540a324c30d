package org.healthcrm.forms.model;

import java.util.List;

/** Tabs; every tab's fields are part of the submission, whichever tab is open. */
public record Tabs(Common common, List<Tab> tabs) implements Layout {

    /** One tab. */
    public record Tab(String key, String label, List<Component> components) {
    }

    @Override
    public List<Component> children() {
        return tabs.stream().flatMap(t -> t.components().stream()).toList();
    }
}
