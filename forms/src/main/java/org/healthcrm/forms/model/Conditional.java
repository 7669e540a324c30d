package org.healthcrm.forms.model;

/**
 * When a component is shown. A hidden component is not required, and (unless {@code clearOnHide} is false) its
 * value is dropped, exactly as the browser drops it.
 */
public sealed interface Conditional permits SimpleConditional, ConditionList, JsonLogicConditional {

    /** true: the component is shown when the condition holds; false: it is hidden then. */
    boolean show();
}
