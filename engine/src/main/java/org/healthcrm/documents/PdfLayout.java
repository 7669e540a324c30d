package org.healthcrm.documents;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The layout engine of every PDF the product makes (submissions, intake packets, consents, referral letters,
 * audit reports): the content is described top to bottom, then {@link #render()} lays it out on pages.
 *
 * <pre>{@code
 * byte[] pdf = new PdfLayout(PageFormat.LETTER)
 *         .runningHeader("Health CRM · Referral letter", "REF-2025-0042")
 *         .footerNote("referral-letter v2")
 *         .documentInfo("Referral letter", Instant.now())
 *         .title("Referral to cardiology")
 *         .metadata("Written by", "Dr. Aisha Patel")
 *         .heading("Patient")
 *         .keyValue("Name", "José Núñez")
 *         .table(List.of("Code", "Description"), List.of(List.of("I20.9", "Angina pectoris, unspecified")))
 *         .render();
 * }</pre>
 *
 * <p>What every document gets: the chosen paper (US Letter by default) and margins, a running header and a footer
 * with "Page N of M" on every page, automatic page breaks, headings kept with what follows, long texts wrapped and
 * continued on the next pages (never cut off), tables whose header row repeats on every page. Text is drawn as
 * text, in embedded Liberation Sans: markup is shown as written, never interpreted, and characters the font lacks
 * (emoji, CJK) are drawn as "?" rather than failing the document. The same content rendered twice gives the same
 * bytes, so a stored document's SHA-256 can be checked by rendering again.
 *
 * <p>Not thread-safe: one instance describes one document. {@link #render()} may be called again.
 */
public final class PdfLayout {

    /** A PDF date (ISO 32000-1, 7.9.4) in UTC: {@code D:20250615134000+00'00'}. */
    private static final DateTimeFormatter PDF_DATE =
            DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''").withZone(ZoneOffset.UTC);

    /**
     * PDFBox compresses every stream it writes (page contents, the embedded fonts, the object streams) with zlib at
     * the level this system property names, zlib's default 6 when it is unset. Documents are made at level 1: a
     * submission renders 14% faster for 7% more bytes (2.53 -> 2.17 ms, 26.3 -> 28.1 KB; docs/benchmarks.md). An
     * operator's own setting of the property is kept.
     */
    static final String DEFLATE_LEVEL_PROPERTY = "org.apache.pdfbox.filter.deflatelevel";

    static {
        if (System.getProperty(DEFLATE_LEVEL_PROPERTY) == null) {
            System.setProperty(DEFLATE_LEVEL_PROPERTY, "1");
        }
    }

    private final PageFormat format;
    private final List<LayoutBlock> blocks = new ArrayList<>();
    private final MessageDigest fingerprint;
    private String headerLeft = "";
    private String headerRight = "";
    private String footerNote = "";
    private String documentTitle;
    private Instant createdAt;
    /** Whether all text so far is in the fonts' common cut (see {@link FontFace.Cut}). */
    private boolean commonCharacters = true;

    public PdfLayout(PageFormat format) {
        this.format = Objects.requireNonNull(format, "format");
        try {
            this.fingerprint = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The running header of every page: a text on the left and one on the right (either may be empty). */
    public PdfLayout runningHeader(String left, String right) {
        this.headerLeft = nonNull(left);
        this.headerRight = nonNull(right);
        remember("header", headerLeft, headerRight);
        return this;
    }

    /** A short text in the footer of every page, left of "Page N of M". */
    public PdfLayout footerNote(String note) {
        this.footerNote = nonNull(note);
        remember("footer", footerNote);
        return this;
    }

    /**
     * The document properties a PDF reader shows: its title and when it was made. The creation time is given, not
     * taken from the clock, so that rendering the same content again gives the same bytes.
     */
    public PdfLayout documentInfo(String title, Instant created) {
        this.documentTitle = nonNull(title);
        this.createdAt = created;
        remember("info", documentTitle, String.valueOf(created));
        return this;
    }

    /** The document's title, large, at the top of the first page. */
    public PdfLayout title(String text) {
        return add(new LayoutBlock.Title(nonNull(text)), "title", text);
    }

    /** A section heading, with a rule under it. */
    public PdfLayout heading(String text) {
        return add(new LayoutBlock.Heading(nonNull(text), false), "heading", text);
    }

    /** A sub-section heading. */
    public PdfLayout subheading(String text) {
        return add(new LayoutBlock.Heading(nonNull(text), true), "subheading", text);
    }

    /** A label and its value, side by side; the value may have line breaks and may run over several pages. */
    public PdfLayout keyValue(String label, String value) {
        return add(new LayoutBlock.KeyValue(nonNull(label), nonNull(value), false), "keyValue", label, value);
    }

    /** A compact label and value in small print, for facts about the document (who, when, which process). */
    public PdfLayout metadata(String label, String value) {
        return add(new LayoutBlock.KeyValue(nonNull(label), nonNull(value), true), "metadata", label, value);
    }

    /** A line of small print. */
    public PdfLayout metadataLine(String text) {
        return add(new LayoutBlock.Paragraph(nonNull(text), TextStyle.META_VALUE), "metadataLine", text);
    }

    /** Running text; line breaks in it are kept. */
    public PdfLayout paragraph(String text) {
        return add(new LayoutBlock.Paragraph(nonNull(text), TextStyle.BODY), "paragraph", text);
    }

    /** White space, in points. */
    public PdfLayout space(float points) {
        return add(new LayoutBlock.Space(Math.max(0, points)), "space", Float.toString(points));
    }

    /**
     * A table whose header row repeats on every page it runs over; cells wrap. Null cells are empty.
     *
     * @throws IllegalArgumentException when there are no columns or a row has more cells than columns
     */
    public PdfLayout table(List<String> headers, List<List<String>> rows) {
        List<String> header = headers.stream().map(PdfLayout::nonNull).toList();
        List<List<String>> body = rows.stream().map(row -> row.stream().map(PdfLayout::nonNull).toList()).toList();
        remember("table", header.toArray(String[]::new));
        body.forEach(row -> remember("row", row.toArray(String[]::new)));
        return add(new TableBlock(header, body));
    }

    /**
     * A PNG or JPEG image, shrunk to fit {@code maxWidth} x {@code maxHeight} points (never enlarged beyond its
     * size at 96 pixels per inch).
     *
     * @param unreadableText shown instead when the bytes are not a readable image
     */
    public PdfLayout image(byte[] image, float maxWidth, float maxHeight, String unreadableText) {
        rememberImage(image, maxWidth, maxHeight, unreadableText);
        return add(new LayoutBlock.Image(imageSource(image, maxWidth, maxHeight, unreadableText)));
    }

    /** A label with a PNG or JPEG image as its value, e.g. a signature; see {@link #image}. */
    public PdfLayout keyImage(String label, byte[] image, float maxWidth, float maxHeight, String unreadableText) {
        remember("keyImage", label);
        rememberImage(image, maxWidth, maxHeight, unreadableText);
        return add(new LayoutBlock.KeyImage(nonNull(label), imageSource(image, maxWidth, maxHeight, unreadableText)));
    }

    /**
     * Lays the content out and writes the PDF.
     *
     * @throws UncheckedIOException when PDFBox fails to write (it writes to memory, so this means a bug)
     */
    public byte[] render() {
        PdfPageWriter writer = null;
        boolean written = false;
        try (PDDocument document = new PDDocument()) {
            // seeds the PDF's /ID: the same content gives the same bytes
            document.setDocumentId(ByteBuffer.wrap(((MessageDigest) fingerprint.clone()).digest()).getLong());
            describe(document);
            writer = new PdfPageWriter(document, format, headerLeft, headerRight, footerNote, fontCut());
            writer.newPage();
            for (LayoutBlock block : blocks) {
                block.layOut(writer);
            }
            writer.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            written = true;
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be written", e);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        } finally {
            if (writer != null) {
                writer.release(written);
            }
        }
    }

    /** The cut of the fonts the document embeds from: the common one while all its text is in it. */
    FontFace.Cut fontCut() {
        return commonCharacters ? FontFace.Cut.COMMON : FontFace.Cut.FULL;
    }

    private void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreator("Health CRM");
        if (documentTitle != null && !documentTitle.isEmpty()) {
            info.setTitle(documentTitle);
            PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
            preferences.setDisplayDocTitle(true);
            document.getDocumentCatalog().setViewerPreferences(preferences);
        }
        if (createdAt != null) {
            // written as PDFBox would from a Calendar, without building one (which took 4% of rendering a
            // one-page form)
            info.getCOSObject().setString(COSName.CREATION_DATE, PDF_DATE.format(createdAt));
        }
        document.getDocumentCatalog().setLanguage("en-US");
    }

    private PdfLayout add(LayoutBlock block, String kind, String... texts) {
        remember(kind, texts);
        return add(block);
    }

    private PdfLayout add(LayoutBlock block) {
        blocks.add(block);
        return this;
    }

    private static LayoutBlock.ImageSource imageSource(byte[] image, float maxWidth, float maxHeight,
                                                       String unreadableText) {
        if (!(maxWidth > 0 && maxHeight > 0)) {
            throw new IllegalArgumentException("an image needs a box of positive size");
        }
        return new LayoutBlock.ImageSource(image == null ? new byte[0] : image.clone(), maxWidth, maxHeight,
                nonNull(unreadableText));
    }

    private void remember(String kind, String... texts) {
        fingerprint.update(kind.getBytes(StandardCharsets.UTF_8));
        for (String text : texts) {
            fingerprint.update((byte) 0);
            fingerprint.update(nonNull(text).getBytes(StandardCharsets.UTF_8));
            commonCharacters = commonCharacters && FontFace.inCommonCut(nonNull(text));
        }
        fingerprint.update((byte) 1);
    }

    private void rememberImage(byte[] image, float maxWidth, float maxHeight, String unreadableText) {
        remember("image", Float.toString(maxWidth), Float.toString(maxHeight), unreadableText);
        if (image != null) {
            fingerprint.update(image);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
