package org.healthcrm.forms.model;

/**
 * One component of a Form.io definition, typed. The tree mirrors the JSON: layouts hold their children, containers
 * and grids hold the fields nested in their data.
 */
public sealed interface Component permits Field, Layout, StaticContent, Button {

    /** The properties every component has. */
    Common common();

    default String key() {
        return common().key();
    }

    default ComponentType type() {
        return common().type();
    }

    default String label() {
        return common().label();
    }
}
