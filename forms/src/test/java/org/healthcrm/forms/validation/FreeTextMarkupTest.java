package org.healthcrm.forms.validation;

import static org.healthcrm.forms.validation.SubmissionValidatorTest.invalid;
import static org.healthcrm.forms.validation.SubmissionValidatorTest.valid;

import org.healthcrm.forms.validation.SubmissionValidatorTest.Case;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.healthcrm.forms.FormDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Staff-entered free text must not carry HTML/XML markup: the server refuses it at the field, whatever the browser
 * let through, so that nothing typed into a form can run later in a screen, letter or message that renders HTML.
 * Text that only uses {@code <}, {@code >} and {@code &} stays valid.
 */
class FreeTextMarkupTest {

    static final FormDefinition FORM = SubmissionValidatorTest.inline("{components: ["
            + "{type: 'textarea', key: 'notes', label: 'Notes', input: true},"
            + "{type: 'textfield', key: 'givenName', label: 'Given name', input: true},"
            + "{type: 'textfield', key: 'aliases', label: 'Aliases', multiple: true, input: true},"
            + "{type: 'email', key: 'email', label: 'Email', input: true},"
            + "{type: 'url', key: 'website', label: 'Website', input: true},"
            + "{type: 'phoneNumber', key: 'phone', label: 'Phone', input: true},"
            + "{type: 'textfield', key: 'mrn', label: 'Record number', input: true,"
            + " validate: {customMessage: '{{field}}: enter the 8-digit record number'}},"
            + "{type: 'password', key: 'portalPin', label: 'Portal PIN', input: true},"
            + "{type: 'textarea', key: 'letterBody', label: 'Letter body', input: true, editor: 'quill',"
            + " properties: {allowMarkup: 'true'}},"
            + "{type: 'url', key: 'infoLink', label: 'Information link', input: true,"
            + " properties: {allowMarkup: 'true'}},"
            + "{type: 'container', key: 'address', label: 'Address', input: true, components: ["
            + "  {type: 'textfield', key: 'line1', label: 'Street address', input: true}]},"
            + "{type: 'datagrid', key: 'medications', label: 'Medications', input: true, components: ["
            + "  {type: 'textfield', key: 'name', label: 'Medication', input: true}]}]}");

    static Stream<Case> cases() {
        String notes = "notes: Notes must not contain markup such as <tags>.";
        String website = "website: Website must be a web address, not a script link.";
        return Stream.of(
                // text that uses the characters, not markup
                valid("a blood pressure goal", "{notes: 'BP < 120/80, recheck in 2 weeks'}"),
                valid("an ampersand", "{notes: 'Smith & Jones Pharmacy', givenName: 'A & B'}"),
                valid("comparisons without spaces", "{notes: 'x<5 and y>3; A1c<7; 5<=6; <3'}"),
                valid("a less-than sign followed by a space or digit", "{notes: 'keep < 2 g sodium, dose <10 mg'}"),
                valid("arrows and doubled signs", "{notes: 'pain -> improved; 3 << 5'}"),
                valid("a less-than sign at the very end", "{notes: 'temperature <'}"),
                valid("escaped entities are text", "{notes: 'typed &lt;b&gt; literally'}"),
                valid("a query string with ampersands", "{website: 'https://example.org/find?a=1&b=2'}"),

                // markup
                invalid("a script tag", "{notes: '<script>alert(1)</script>'}", notes),
                invalid("an image with onerror", "{notes: 'see <img src=x onerror=alert(1)>'}", notes),
                invalid("svg with onload", "{notes: '<svg/onload=alert(1)>'}", notes),
                invalid("a closing tag only", "{notes: 'done</textarea>'}", notes),
                invalid("an HTML comment", "{notes: 'ok <!-- hidden -->'}", notes),
                invalid("a doctype", "{notes: '<!DOCTYPE html>'}", notes),
                invalid("an XML processing instruction", "{notes: '<?xml version=\"1.0\"?>'}", notes),
                invalid("mixed case", "{notes: '<ScRiPt>alert(1)</sCrIpT>'}", notes),
                invalid("a tag right after a word", "{notes: 'stable<b>'}", notes),
                invalid("a tag in a text field", "{givenName: 'Maria<b>'}",
                        "givenName: Given name must not contain markup such as <tags>."),
                invalid("a tag in one of multiple values", "{aliases: ['Mia', '<i>Ria</i>']}",
                        "aliases[1]: Aliases must not contain markup such as <tags>."),
                invalid("a tag in an email: one error, not two", "{email: 'a<b>@example.org'}",
                        "email: Email must not contain markup such as <tags>."),
                invalid("a tag in a url", "{website: 'https://example.org/<script>'}",
                        "website: Website must not contain markup such as <tags>."),
                invalid("a tag in a phone number", "{phone: '<b>555 0142</b>'}",
                        "phone: Phone must not contain markup such as <tags>."),
                invalid("a tag in a data grid row", "{medications: [{name: 'Metformin'},"
                                + " {name: 'Lisinopril<img src=x onerror=alert(1)>'}]}",
                        "medications[1].name: Medication must not contain markup such as <tags>."),
                invalid("a tag in a container", "{address: {line1: '12 Elm Street</td><script>x()</script>'}}",
                        "address.line1: Street address must not contain markup such as <tags>."),
                invalid("a custom message does not replace the markup message", "{mrn: '<b>12345678</b>'}",
                        "mrn: Record number must not contain markup such as <tags>."),

                // script links
                invalid("a javascript: url", "{website: 'javascript:alert(document.cookie)//@example.org'}", website),
                invalid("a javascript: url in capitals after a space",
                        "{website: ' JAVASCRIPT:alert(1)//@example.org'}", website),
                invalid("a javascript: url split by a tab", "{website: 'java\\tscript:alert(1)//@example.org'}",
                        website),
                invalid("a vbscript: url", "{website: 'vbscript:msgbox(1)//@example.org'}", website),
                valid("javascript mentioned as text in a text field", "{notes: 'javascript: disabled in browser'}"),

                // opt-out and what is not free text
                valid("allowMarkup: 'true' lets a rich-text field keep its HTML",
                        "{letterBody: '<p>Dear Ms. Gonzalez,</p><p>Your results are <b>normal</b>.</p>'}"),
                valid("allowMarkup on a url allows markup characters", "{infoLink: 'https://example.org/a<b'}"),
                invalid("allowMarkup does not allow a script link", "{infoLink: 'javascript:alert(1)//@example.org'}",
                        "infoLink: Information link must be a web address, not a script link."),
                valid("a password is never stored, so it may hold any characters", "{portalPin: '<p4ss>'}")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesMarkupInFreeText(Case c) throws Exception {
        JsonNode data = SubmissionValidatorTest.JSON.readTree(c.patch());

        ValidationResult result = SubmissionValidatorTest.VALIDATOR.validate(FORM, data);

        assertThat(result.errors()).extracting(e -> e.path() + ": " + e.message())
                .containsExactlyElementsOf(c.errors());
        assertThat(result.errors()).extracting(FieldError::rule).allMatch("markup"::equals);
    }

    @Test
    void aRefusedValueIsNotKeptAndTheMessageDoesNotRepeatIt() throws Exception {
        String value = "<img src=x onerror=steal()>";
        ObjectNode data = (ObjectNode) SubmissionValidatorTest.JSON.readTree("{notes: 'ok', givenName: 'Ada'}");
        data.put("notes", value);

        ValidationResult result = SubmissionValidatorTest.VALIDATOR.validate(FORM, data);

        assertThat(result.errors()).extracting(FieldError::path, FieldError::rule)
                .containsExactly(tuple("notes", "markup"));
        assertThat(result.errors().get(0).message()).doesNotContain("img", "steal");
        assertThat(result.data().has("notes")).isFalse();
        assertThat(result.data().get("givenName").asText()).isEqualTo("Ada");
    }

    @Test
    void aFieldHiddenByItsConditionIsNotChecked() throws Exception {
        FormDefinition form = SubmissionValidatorTest.inline("{components: ["
                + "{type: 'checkbox', key: 'hasNotes', label: 'Has notes', input: true},"
                + "{type: 'textarea', key: 'notes', label: 'Notes', input: true,"
                + " conditional: {show: true, when: 'hasNotes', eq: 'true'}}]}");

        ValidationResult result = SubmissionValidatorTest.VALIDATOR.validate(form,
                SubmissionValidatorTest.JSON.readTree("{hasNotes: false, notes: '<b>left over</b>'}"));

        assertThat(result.valid()).isTrue();
        assertThat(result.data().has("notes")).isFalse();
    }
}
