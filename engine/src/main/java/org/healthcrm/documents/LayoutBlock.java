package org.healthcrm.documents;

import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.util.List;
import java.util.Optional;

/**
 * One piece of a document's content, laid out from the writer's cursor downwards. Every block wraps its text to
 * the width it has and continues on the next page when it runs out of room; nothing is cut off.
 */
sealed interface LayoutBlock permits LayoutBlock.Title, LayoutBlock.Heading, LayoutBlock.Paragraph,
        LayoutBlock.Space, LayoutBlock.KeyValue, LayoutBlock.KeyImage, LayoutBlock.Image, TableBlock {

    /** Space above a heading, so that sections stand apart. */
    float SECTION_GAP = 10;

    /** Between the label and the value column. */
    float GUTTER = 12;

    /** Fewest lines of a long answer left at the foot of a page or carried to the next (widows and orphans). */
    int MIN_LINES_AT_BREAK = 3;

    void layOut(PdfPageWriter page);

    /** Lines of one style, flowing over as many pages as they need. */
    static void flow(PdfPageWriter page, List<String> lines, TextStyle style, float x) {
        for (String line : lines) {
            if (!page.fits(style.leading())) {
                page.newPage();
            }
            page.text(style, x, style.baseline(page.y()), line);
            page.moveDown(style.leading());
        }
    }

    /** The document's title, on the first page. */
    record Title(String text) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            List<String> lines = LineBreaker.lines(text, TextStyle.TITLE, page.width());
            page.ensureRoom(lines.size() * TextStyle.TITLE.leading());
            flow(page, lines, TextStyle.TITLE, page.left());
            page.moveDown(6);
        }
    }

    /** A section heading with a rule under it, or a sub-section heading without. Kept with what follows. */
    record Heading(String text, boolean subsection) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            TextStyle style = subsection ? TextStyle.SUBHEADING : TextStyle.HEADING;
            List<String> lines = LineBreaker.lines(text, style, page.width());
            float gap = page.atPageTop() ? 0 : subsection ? SECTION_GAP * 0.6f : SECTION_GAP;
            float height = lines.size() * style.leading() + 4;
            // a heading alone at the foot of a page is useless: keep room for two lines of what follows
            page.ensureRoom(gap + height + 2 * TextStyle.VALUE.leading());
            if (!page.atPageTop()) {
                page.moveDown(gap);
            }
            flow(page, lines, style, page.left());
            if (!subsection) {
                page.rule(page.left(), page.right(), page.y() + 1, 0.55f, 0.8f);
            }
            page.moveDown(4);
        }
    }

    /** Running text. */
    record Paragraph(String text, TextStyle style) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            flow(page, LineBreaker.lines(text, style, page.width()), style, page.left());
            page.moveDown(style.leading() * 0.3f);
        }
    }

    /** Vertical white space, dropped at the top of a page and never the cause of a new one. */
    record Space(float points) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            if (!page.atPageTop()) {
                page.moveDown(Math.min(points, page.roomLeft()));
            }
        }
    }

    /**
     * A label on the left and its value on the right. A value taller than what is left of the page continues on
     * the next, marked "(continued)" in the label column.
     */
    record KeyValue(String label, String value, boolean compact) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            TextStyle labelStyle = compact ? TextStyle.META_LABEL : TextStyle.LABEL;
            TextStyle valueStyle = compact ? TextStyle.META_VALUE : TextStyle.VALUE;
            float labelWidth = labelWidth(page, compact);
            float valueX = page.left() + labelWidth + GUTTER;
            List<String> labelLines = LineBreaker.lines(label, labelStyle, labelWidth);
            List<String> valueLines = LineBreaker.lines(value, valueStyle, page.right() - valueX);
            float pitch = valueStyle.leading();
            float padding = compact ? 0.5f : 3;
            int count = Math.max(labelLines.size(), valueLines.size());
            float height = count * pitch + 2 * padding;
            // a short answer stays in one piece; a long one fills the page and continues (at least three lines
            // on each side of the break), rather than leaving half a page empty
            boolean splittable = count >= 2 * MIN_LINES_AT_BREAK && page.fits(MIN_LINES_AT_BREAK * pitch + padding);
            if (!splittable) {
                page.ensureRoom(height <= page.contentHeight() ? height : pitch + 2 * padding);
            }
            page.moveDown(padding);
            List<String> continued = List.of();
            for (int i = 0; i < count; ) {
                int first = i;
                if (first > 0) {
                    page.newPage();
                    if (first >= labelLines.size() && continued.isEmpty()) {
                        continued = LineBreaker.lines(label + " (continued)", labelStyle, labelWidth);
                    }
                }
                int here = linesOnThisPage(page, count - i, pitch, padding);
                for (int end = i + here; i < end; i++) {
                    float baseline = valueStyle.baseline(page.y());
                    // the label's own lines until they are all drawn, then "<label> (continued)" on each new page
                    if (i < labelLines.size()) {
                        page.text(labelStyle, page.left(), baseline, labelLines.get(i));
                    } else if (first >= labelLines.size() && i - first < continued.size()) {
                        page.text(labelStyle, page.left(), baseline, continued.get(i - first));
                    }
                    if (i < valueLines.size()) {
                        page.text(valueStyle, valueX, baseline, valueLines.get(i));
                    }
                    page.moveDown(pitch);
                }
            }
            page.moveDown(padding);
            if (!compact) {
                page.rule(page.left(), page.right(), page.y(), 0.88f, 0.4f);
            }
        }
    }

    /**
     * How many of the remaining lines of a value go on this page: all that fit, less a few when otherwise fewer
     * than {@link #MIN_LINES_AT_BREAK} would be carried over alone.
     */
    private static int linesOnThisPage(PdfPageWriter page, int remaining, float pitch, float padding) {
        int room = Math.max(1, (int) Math.floor((page.roomLeft() - padding) / pitch + 0.001f));
        if (remaining <= room) {
            return remaining;
        }
        int carried = remaining - room;
        if (carried < MIN_LINES_AT_BREAK && room - (MIN_LINES_AT_BREAK - carried) >= MIN_LINES_AT_BREAK) {
            return room - (MIN_LINES_AT_BREAK - carried);
        }
        return room;
    }

    /** A label on the left and an image on the right, or a text in place of an image that cannot be read. */
    record KeyImage(String label, ImageSource image) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            float labelWidth = labelWidth(page, false);
            float valueX = page.left() + labelWidth + GUTTER;
            Optional<PDImageXObject> pdfImage = EmbeddedImage.of(page.document(), image.bytes());
            if (pdfImage.isEmpty()) {
                new KeyValue(label, image.unreadableText(), false).layOut(page);
                return;
            }
            float[] size = image.fit(pdfImage.get(), page.right() - valueX, page.contentHeight() - 8);
            List<String> labelLines = LineBreaker.lines(label, TextStyle.LABEL, labelWidth);
            float padding = 4;
            float height = Math.max(labelLines.size() * TextStyle.VALUE.leading(), size[1]) + 2 * padding;
            page.ensureRoom(height);
            page.moveDown(padding);
            float top = page.y();
            float baseline = TextStyle.VALUE.baseline(top);
            for (String line : labelLines) {
                page.text(TextStyle.LABEL, page.left(), baseline, line);
                baseline -= TextStyle.VALUE.leading();
            }
            page.image(pdfImage.get(), valueX, top, size[0], size[1]);
            page.moveDown(height - padding);
            page.rule(page.left(), page.right(), page.y(), 0.88f, 0.4f);
        }
    }

    /** An image on its own line, or a text in place of an image that cannot be read. */
    record Image(ImageSource image) implements LayoutBlock {
        @Override
        public void layOut(PdfPageWriter page) {
            Optional<PDImageXObject> pdfImage = EmbeddedImage.of(page.document(), image.bytes());
            if (pdfImage.isEmpty()) {
                new Paragraph(image.unreadableText(), TextStyle.BODY).layOut(page);
                return;
            }
            float[] size = image.fit(pdfImage.get(), page.width(), page.contentHeight() - 8);
            page.ensureRoom(size[1] + 4);
            page.image(pdfImage.get(), page.left(), page.y(), size[0], size[1]);
            page.moveDown(size[1] + 4);
        }
    }

    private static float labelWidth(PdfPageWriter page, boolean compact) {
        return compact ? 120 : page.width() * 0.34f;
    }

    /**
     * Image bytes with the box they must fit in and the text shown when they cannot be read.
     *
     * @param maxWidth  points
     * @param maxHeight points
     */
    record ImageSource(byte[] bytes, float maxWidth, float maxHeight, String unreadableText) {

        /** An image's pixels at 96 per inch (CSS pixels), shrunk to fit the box and the room given; never enlarged. */
        float[] fit(PDImageXObject image, float roomWidth, float roomHeight) {
            float width = image.getWidth() * 0.75f;
            float height = image.getHeight() * 0.75f;
            float scale = Math.min(1, Math.min(Math.min(maxWidth, roomWidth) / width,
                    Math.min(maxHeight, roomHeight) / height));
            return new float[] {width * scale, height * scale};
        }
    }
}
