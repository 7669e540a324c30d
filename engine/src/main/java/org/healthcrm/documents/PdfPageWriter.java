package org.healthcrm.documents;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the pages of one document: a cursor moving down the content area, a new page when the content asks for
 * one, the running header on every page and, once the number of pages is known, the footer with "Page N of M".
 *
 * <p>Every page's content stream stays open until {@link #finish()}, which appends the footers; so the document is
 * laid out once. Coordinates are PDF points from the bottom left corner. Used by one thread for one document.
 */
final class PdfPageWriter {

    private final PDDocument document;
    private final PageFormat format;
    private final String headerLeft;
    private final String headerRight;
    private final String footerNote;
    private final FontFace.Cut cut;
    private final Map<FontFace, PDType0Font> fonts = new EnumMap<>(FontFace.class);
    private final Map<FontFace, TrueTypeFont> borrowed = new EnumMap<>(FontFace.class);
    private final List<PDPageContentStream> pages = new ArrayList<>();

    private PDPageContentStream stream;
    private float y;
    // what the current page's graphics state already holds, to write each operator only when it changes
    private PDType0Font currentFont;
    private float currentSize;
    private float currentGray;

    /** @param cut the cut of the fonts to embed: {@link FontFace.Cut#COMMON} only if it has every character drawn */
    PdfPageWriter(PDDocument document, PageFormat format, String headerLeft, String headerRight,
                  String footerNote, FontFace.Cut cut) {
        this.document = document;
        this.format = format;
        this.headerLeft = headerLeft;
        this.headerRight = headerRight;
        this.footerNote = footerNote;
        this.cut = cut;
    }

    PDDocument document() {
        return document;
    }

    float left() {
        return format.margin();
    }

    float right() {
        return format.width() - format.margin();
    }

    /** Width of the content area. */
    float width() {
        return right() - left();
    }

    private float top() {
        return format.height() - format.margin();
    }

    private float bottom() {
        return format.margin();
    }

    /** Height of an empty page's content area: what fits on no page is split. */
    float contentHeight() {
        return top() - bottom();
    }

    /** The cursor: the top of the next thing drawn. */
    float y() {
        return y;
    }

    void moveDown(float points) {
        y -= points;
    }

    /** Height left between the cursor and the bottom of the content area. */
    float roomLeft() {
        return y - bottom();
    }

    boolean fits(float height) {
        return y - height >= bottom() - 0.01f;
    }

    boolean atPageTop() {
        return pages.isEmpty() || y >= top() - 0.01f;
    }

    /** Starts a new page unless {@code height} fits on this one (or this page is still empty). */
    void ensureRoom(float height) {
        if (!fits(height) && !atPageTop()) {
            newPage();
        }
    }

    void newPage() {
        try {
            PDPage page = new PDPage(new PDRectangle(format.width(), format.height()));
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            pages.add(stream);
            currentFont = null;
            currentGray = 0;
            y = top();
            drawHeader();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void drawHeader() {
        float rule = top() + 8;
        float baseline = rule + 4;
        TextStyle style = TextStyle.RUNNING;
        float rightWidth = 0;
        if (!headerRight.isEmpty()) {
            String printable = style.face().printable(headerRight);
            rightWidth = style.width(printable);
            text(style, right() - rightWidth, baseline, printable);
        }
        if (!headerLeft.isEmpty()) {
            text(style, left(), baseline, fitted(headerLeft, style, width() - rightWidth - 12));
        }
        rule(left(), right(), rule, 0.75f, 0.5f);
    }

    /** Draws the footers and closes every page. */
    void finish() {
        int count = pages.size();
        TextStyle style = TextStyle.RUNNING;
        float rule = bottom() - 8;
        float baseline = rule - 11;
        try {
            for (int i = 0; i < count; i++) {
                stream = pages.get(i);
                currentFont = null;
                String pageOf = "Page " + (i + 1) + " of " + count;
                float pageOfWidth = style.width(pageOf);
                rule(left(), right(), rule, 0.75f, 0.5f);
                text(style, right() - pageOfWidth, baseline, pageOf);
                if (!footerNote.isEmpty()) {
                    text(style, left(), baseline, fitted(footerNote, style, width() - pageOfWidth - 12));
                }
                stream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A running text cut to one line, with an ellipsis when cut (the body never is). */
    private static String fitted(String text, TextStyle style, float width) {
        String printable = style.face().printable(text.replaceAll("\\s+", " "));
        if (style.width(printable) <= width) {
            return printable;
        }
        int end = printable.length();
        while (end > 0 && style.width(printable.substring(0, end) + "…") > width) {
            end--;
        }
        return printable.substring(0, end) + "…";
    }

    /** Draws one printable line (see {@link FontFace#printable(String)}) with its baseline at {@code baseline}. */
    void text(TextStyle style, float x, float baseline, String printable) {
        if (printable.isEmpty()) {
            return;
        }
        try {
            PDType0Font font = font(style.face());
            if (font != currentFont || style.size() != currentSize) {
                stream.setFont(font, style.size());
                currentFont = font;
                currentSize = style.size();
            }
            gray(style.gray());
            stream.beginText();
            stream.newLineAtOffset(x, baseline);
            stream.showText(printable);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rule(float x1, float x2, float atY, float gray, float lineWidth) {
        try {
            stream.setStrokingColor(gray);
            stream.setLineWidth(lineWidth);
            stream.moveTo(x1, atY);
            stream.lineTo(x2, atY);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fills a rectangle whose top left corner is at ({@code x}, {@code top}). */
    void fill(float x, float top, float w, float h, float gray) {
        try {
            gray(gray);
            stream.addRect(x, top - h, w, h);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws an image whose top left corner is at ({@code x}, {@code top}). */
    void image(PDImageXObject image, float x, float top, float w, float h) {
        try {
            stream.drawImage(image, x, top - h, w, h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void gray(float gray) throws IOException {
        if (gray != currentGray) {
            stream.setNonStrokingColor(gray);
            currentGray = gray;
        }
    }

    private PDType0Font font(FontFace face) throws IOException {
        PDType0Font font = fonts.get(face);
        if (font == null) {
            TrueTypeFont parsed = face.borrow(cut);
            borrowed.put(face, parsed);
            // embedded as a subset when the document is saved; PDFBox leaves the parsed font open (ours to give back)
            font = PDType0Font.load(document, parsed, true);
            fonts.put(face, font);
        }
        return font;
    }

    /**
     * Gives the parsed fonts back once the document is saved ({@code written}), or closes them when it failed half
     * way.
     */
    void release(boolean written) {
        borrowed.forEach((face, parsed) -> face.giveBack(cut, parsed, written));
        borrowed.clear();
    }
}
