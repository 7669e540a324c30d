package org.healthcrm.forms.model;

import java.util.List;

/**
 * A conditional's reference to another field, resolved when the form is loaded. From the data object of the
 * component that holds the condition, go {@code up} data levels (out of containers or grid rows), then down
 * through the containers in {@code down}, and read {@code key}.
 *
 * @param path       the reference as written in the form ("isMinor", "address.state")
 * @param targetType the type of the referenced field
 */
public record FieldReference(String path, ComponentType targetType, int up, List<String> down, String key) {
}
