package org.healthcrm.forms.model;

/** How the browser shows a form: all at once, or as a wizard whose top-level panels are pages. */
public enum FormDisplay {
    FORM,
    WIZARD
}
