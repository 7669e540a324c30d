package org.healthcrm.forms.model;

import java.util.List;

/** A component that arranges others and holds no data: its children's data sits at its own data level. */
public sealed interface Layout extends Component permits Panel, Columns, Table, Tabs {

    /** All direct children in document order (columns, cells and tabs flattened). */
    List<Component> children();
}
