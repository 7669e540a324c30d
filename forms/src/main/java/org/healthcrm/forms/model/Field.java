package org.healthcrm.forms.model;

/** A component that holds data under its key. */
public sealed interface Field extends Component
        permits TextInput, NumberInput, Checkbox, SelectBoxes, Choice, DayInput, DateTimeInput, TimeInput,
        Signature, FileUpload, HiddenValue, Container, DataGrid {

    /** The validation rules; {@link Validation#NONE} when there are none. */
    Validation validation();
}
