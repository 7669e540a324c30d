package org.healthcrm.forms.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Form.io component types the server understands; a definition using any other type is refused. */
public enum ComponentType {
    TEXTFIELD("textfield"),
    TEXTAREA("textarea"),
    NUMBER("number"),
    CURRENCY("currency"),
    EMAIL("email"),
    PHONE_NUMBER("phoneNumber"),
    URL("url"),
    /** Validated, never stored. */
    PASSWORD("password"),
    CHECKBOX("checkbox"),
    SELECTBOXES("selectboxes"),
    SELECT("select"),
    RADIO("radio"),
    DAY("day"),
    DATETIME("datetime"),
    TIME("time"),
    SIGNATURE("signature"),
    /** File metadata only; the bytes are uploaded elsewhere. */
    FILE("file"),
    CONTENT("content"),
    HTMLELEMENT("htmlelement"),
    HIDDEN("hidden"),
    /** Ignored: the browser sends {@code "submit": true}, which is accepted and dropped. */
    BUTTON("button"),
    PANEL("panel"),
    FIELDSET("fieldset"),
    COLUMNS("columns"),
    WELL("well"),
    TABLE("table"),
    TABS("tabs"),
    /** Nests its fields' data under its own key. */
    CONTAINER("container"),
    DATAGRID("datagrid"),
    EDITGRID("editgrid");

    private static final Map<String, ComponentType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ComponentType::formioName, Function.identity()));

    private final String formioName;

    ComponentType(String formioName) {
        this.formioName = formioName;
    }

    /** The value of {@code "type"} in the Form.io JSON. */
    public String formioName() {
        return formioName;
    }

    /** Looks a type up by its Form.io name (case-sensitive, as Form.io is). */
    public static Optional<ComponentType> fromFormioName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @Override
    public String toString() {
        return formioName;
    }
}
