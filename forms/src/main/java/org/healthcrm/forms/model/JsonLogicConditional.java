package org.healthcrm.forms.model;

import org.healthcrm.forms.logic.JsonLogic;

/**
 * {@code conditional.json}: a JSONLogic rule over {@code data.*} (the whole submission) and {@code row.*} (the
 * current data grid row or container); the component is shown when the rule is truthy.
 */
public record JsonLogicConditional(JsonLogic rule) implements Conditional {

    @Override
    public boolean show() {
        return true;
    }
}
