package org.healthcrm.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.healthcrm.forms.FormDefinition;
import org.healthcrm.forms.model.Button;
import org.healthcrm.forms.model.Component;
import org.healthcrm.forms.model.ComponentType;
import org.healthcrm.forms.model.Container;
import org.healthcrm.forms.model.DataGrid;
import org.healthcrm.forms.model.Field;
import org.healthcrm.forms.model.HiddenValue;
import org.healthcrm.forms.model.Layout;
import org.healthcrm.forms.model.Panel;
import org.healthcrm.forms.model.Signature;
import org.healthcrm.forms.model.StaticContent;
import org.healthcrm.forms.model.Tabs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PDF of a completed form submission, as compliance keeps it: the form's title, who submitted it when in which
 * task and process, then every answer the person was shown, in the form's order, under the form's panels, tabs and
 * wizard pages as headings.
 *
 * <p>It reads the cleaned data ({@link org.healthcrm.forms.validation.ValidationResult#data()}): a field missing
 * from it was hidden by the form's conditions and is left out, as are fields the person never sees (hidden values,
 * passwords, buttons, static content, components marked hidden). Columns and layout tables read in document order,
 * containers become sub-sections, data grids and edit grids tables. Select and radio answers show their option
 * labels, select boxes the labels ticked, checkboxes Yes or No, days the ISO date and what was entered, file
 * fields the file names, signatures the drawn image.
 *
 * <p>The answers are PHI: nothing here logs them. Thread-safe; one instance serves the application.
 *
 * <p>Configuration: {@code healthcrm.documents.paper-size} ({@code letter}, default, or {@code a4}) and
 * {@code healthcrm.documents.time-zone} (the local time printed next to UTC; default: the server's zone).
 */
@org.springframework.stereotype.Component
public class SubmissionPdf {

    /** Shown where a signature's image cannot be read. */
    public static final String UNREADABLE_SIGNATURE = "[signature could not be displayed]";

    private static final Pattern IMAGE_DATA_URL =
            Pattern.compile("data:(image/(?:png|jpeg|jpg))((?:;[^;,]*)*);base64,(.*)",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final float SIGNATURE_WIDTH = 240;
    private static final float SIGNATURE_HEIGHT = 90;
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.US);

    private final PageFormat format;
    private final ZoneId zone;

    /** US Letter, local times in the JVM's zone. */
    public SubmissionPdf() {
        this(PageFormat.LETTER, ZoneId.systemDefault());
    }

    public SubmissionPdf(PageFormat format, ZoneId zone) {
        this.format = Objects.requireNonNull(format, "format");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Autowired
    SubmissionPdf(@Value("${healthcrm.documents.paper-size:letter}") String paperSize,
                  @Value("${healthcrm.documents.time-zone:}") String timeZone) {
        this(PageFormat.named(paperSize), zone(timeZone));
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("healthcrm.documents.time-zone '" + timeZone
                    + "' is not a time zone: use a name such as America/New_York", e);
        }
    }

    /**
     * Renders a submission.
     *
     * @param form        the form version the data was validated against
     * @param cleanedData the validator's cleaned data: only the fields that were shown
     * @param info        who, when, which task and process
     * @return the PDF's bytes; see {@link DocumentHash#sha256Hex(byte[])} for the hash stored with them
     */
    public byte[] render(FormDefinition form, JsonNode cleanedData, SubmissionInfo info) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(info, "info");
        JsonNode data = cleanedData == null ? MissingNode.getInstance() : cleanedData;
        Instant submittedAt = info.submittedAt().truncatedTo(ChronoUnit.SECONDS);
        String utc = DateTimeFormatter.ISO_INSTANT.format(submittedAt);
        PdfLayout pdf = new PdfLayout(format)
                .documentInfo(form.title(), info.submittedAt())
                .runningHeader("Health CRM · " + form.title(), orEmpty(info.businessKey()))
                .footerNote("Form " + info.formKey() + " v" + info.formVersion() + " · submitted " + utc)
                .title(form.title())
                .metadata("Submitted by", info.submittedBy())
                .metadata("Submitted at", utc + " (" + LOCAL_TIME.format(submittedAt.atZone(zone)) + ", "
                        + zone.getId() + ")")
                .metadata("Task", orDash(info.taskName()))
                .metadata("Process", orDash(info.processName()))
                .metadata("Process instance", orDash(info.processInstanceId()))
                .metadata("Business key", orDash(info.businessKey()))
                .metadata("Form", info.formKey() + ", version " + info.formVersion())
                .space(4)
                .metadataLine("The answers as submitted. Questions the form did not show are left out.")
                .space(6);
        new Walk(pdf).components(form.components(), data, 0, form.title());
        return pdf.render();
    }

    /** One form of a packet: the form version, its cleaned data, and who submitted it when. */
    public record PacketPart(FormDefinition form, JsonNode cleanedData, String submittedBy, Instant submittedAt) {
    }

    /**
     * Several submissions as one document (an intake packet): a cover with the facts given, then each form as a
     * section, signatures as images.
     *
     * @param title   the document's title ("Intake packet")
     * @param subject running header text on the right (a patient's MRN, never a name)
     * @param facts   label and value pairs for the cover, in order
     */
    public byte[] renderPacket(String title, String subject, java.util.Map<String, String> facts, List<PacketPart> parts,
                               Instant createdAt) {
        PdfLayout pdf = new PdfLayout(format)
                .documentInfo(title, createdAt)
                .runningHeader("Health CRM · " + title, orEmpty(subject))
                .footerNote(title + " · generated " + DateTimeFormatter.ISO_INSTANT.format(createdAt.truncatedTo(ChronoUnit.SECONDS)))
                .title(title);
        facts.forEach((label, value) -> pdf.keyValue(label, orDash(value)));
        pdf.space(6);
        for (PacketPart part : parts) {
            Instant at = part.submittedAt().truncatedTo(ChronoUnit.SECONDS);
            pdf.heading(part.form().title())
                    .metadata("Submitted by", part.submittedBy())
                    .metadata("Submitted at", DateTimeFormatter.ISO_INSTANT.format(at) + " ("
                            + LOCAL_TIME.format(at.atZone(zone)) + ", " + zone.getId() + ")")
                    .space(4);
            JsonNode data = part.cleanedData() == null ? MissingNode.getInstance() : part.cleanedData();
            new Walk(pdf).components(part.form().components(), data, 1, part.form().title());
            pdf.space(8);
        }
        return pdf.render();
    }

    /** One pass over a form's components, writing the shown ones. */
    private record Walk(PdfLayout pdf) {

        void components(List<Component> components, JsonNode data, int depth, String section) {
            for (Component component : components) {
                component(component, data, depth, section);
            }
        }

        private void component(Component component, JsonNode data, int depth, String section) {
            if (!shown(component, data)) {
                return;
            }
            if (component instanceof Panel panel) {
                section(panel.title() == null ? "" : panel.title(),
                        panel.components(), data, depth, section);
            } else if (component instanceof Tabs tabs) {
                for (Tabs.Tab tab : tabs.tabs()) {
                    if (tab.components().stream().anyMatch(c -> shown(c, data))) {
                        section(tab.label() == null ? "" : tab.label(), tab.components(), data, depth, section);
                    }
                }
            } else if (component instanceof Layout layout) {
                // columns and layout tables: their fields in reading order, no heading of their own
                components(layout.children(), data, depth, section);
            } else if (component instanceof Container container) {
                section(label(container), container.components(), data.get(container.key()), depth, section);
            } else if (component instanceof DataGrid grid) {
                grid(grid, data.get(grid.key()), section);
            } else if (component instanceof Signature signature) {
                signature(signature, data.get(signature.key()));
            } else if (component instanceof Field field) {
                pdf.keyValue(label(field), AnswerText.of(field, data.get(field.key())));
            }
        }

        private void section(String title, List<Component> children, JsonNode data, int depth, String enclosing) {
            // a container labelled like the panel around it ("Patient" in "Patient") needs no heading of its own
            if (!title.isBlank() && !title.trim().equalsIgnoreCase(enclosing.trim())) {
                if (depth == 0) {
                    pdf.heading(title);
                } else {
                    pdf.subheading(title);
                }
            }
            components(children, data, depth + 1, title.isBlank() ? enclosing : title);
        }

        private void grid(DataGrid grid, JsonNode rows, String section) {
            List<Field> columns = new ArrayList<>();
            if (rows != null && rows.isArray()) {
                for (Field field : shownFields(grid.components())) {
                    boolean answeredSomewhere = false;
                    for (JsonNode row : rows) {
                        answeredSomewhere |= row.has(field.key());
                    }
                    if (answeredSomewhere) {
                        columns.add(field);
                    }
                }
            }
            if (rows == null || !rows.isArray() || rows.isEmpty() || columns.isEmpty()) {
                pdf.keyValue(label(grid), rows != null && rows.isArray() && !rows.isEmpty()
                        ? AnswerText.of(grid, rows) : AnswerText.NONE_SELECTED);
                return;
            }
            if (!label(grid).trim().equalsIgnoreCase(section.trim())) {
                pdf.subheading(label(grid));
            }
            List<List<String>> cells = new ArrayList<>();
            for (JsonNode row : rows) {
                List<String> line = new ArrayList<>(columns.size());
                for (Field column : columns) {
                    line.add(row.has(column.key()) ? AnswerText.of(column, row.get(column.key())) : "");
                }
                cells.add(line);
            }
            pdf.table(columns.stream().map(SubmissionPdf::label).toList(), cells);
        }

        private void signature(Signature signature, JsonNode value) {
            String dataUrl = value == null || value.isNull() ? "" : value.asText();
            if (dataUrl.isEmpty()) {
                pdf.keyValue(label(signature), AnswerText.NO_ANSWER);
                return;
            }
            pdf.keyImage(label(signature), decodeImage(dataUrl), SIGNATURE_WIDTH, SIGNATURE_HEIGHT,
                    UNREADABLE_SIGNATURE);
        }
    }

    /** The bytes of a {@code data:image/png;base64,...} URL; empty when it is not one (then shown as unreadable). */
    static byte[] decodeImage(String dataUrl) {
        Matcher m = IMAGE_DATA_URL.matcher(dataUrl.trim());
        if (!m.matches()) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(m.group(3).replaceAll("\\s", ""));
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    /** Whether a component appears on paper: shown to the person, and answered where it holds data. */
    static boolean shown(Component component, JsonNode data) {
        if (component.common().hidden() || component instanceof StaticContent || component instanceof Button
                || component instanceof HiddenValue || component.type() == ComponentType.PASSWORD) {
            return false;
        }
        if (component instanceof Container container) {
            JsonNode nested = data == null ? null : data.get(container.key());
            return nested != null && nested.isObject()
                    && container.components().stream().anyMatch(c -> shown(c, nested));
        }
        if (component instanceof Field) {
            return data != null && data.has(component.key());
        }
        if (component instanceof Layout layout) {
            return layout.children().stream().anyMatch(c -> shown(c, data));
        }
        return false;
    }

    /** The fields under some components, through layouts, in reading order, without those never shown. */
    static List<Field> shownFields(List<Component> components) {
        List<Field> fields = new ArrayList<>();
        for (Component component : components) {
            if (component.common().hidden() || component instanceof HiddenValue
                    || component.type() == ComponentType.PASSWORD) {
                continue;
            }
            if (component instanceof Layout layout) {
                fields.addAll(shownFields(layout.children()));
            } else if (component instanceof Field field) {
                fields.add(field);
            }
        }
        return fields;
    }

    /** The label a person saw; the key when the field has none. */
    static String label(Component component) {
        String label = component.label();
        return label == null || label.isBlank() ? component.key() : label;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? AnswerText.NO_ANSWER : text;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
