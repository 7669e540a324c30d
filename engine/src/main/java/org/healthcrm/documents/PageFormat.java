package org.healthcrm.documents;

import java.util.Locale;
import java.util.Objects;

/**
 * The paper a document is laid out on, which way up, and the white space around its content. The running header and
 * the footer are drawn inside the top and bottom margins.
 *
 * @param paperSize US Letter or A4
 * @param margin    points (1/72 inch) on every side, 36 to 108
 * @param landscape the long side across: for wide tables (audit reports)
 */
public record PageFormat(PaperSize paperSize, float margin, boolean landscape) {

    /** US Letter with 0.75 inch margins: the product's default. */
    public static final PageFormat LETTER = new PageFormat(PaperSize.LETTER, 54);

    /** A4 with 2 cm margins. */
    public static final PageFormat A4 = new PageFormat(PaperSize.A4, 56.7f);

    /** Paper sizes in points. */
    public enum PaperSize {
        LETTER(612, 792),
        A4(595.28f, 841.89f);

        private final float width;
        private final float height;

        PaperSize(float width, float height) {
            this.width = width;
            this.height = height;
        }

        public float width() {
            return width;
        }

        public float height() {
            return height;
        }
    }

    /** Portrait. */
    public PageFormat(PaperSize paperSize, float margin) {
        this(paperSize, margin, false);
    }

    public PageFormat {
        Objects.requireNonNull(paperSize, "paperSize");
        if (margin < 36 || margin > 108) {
            throw new IllegalArgumentException("margin must be 36 to 108 points (0.5 to 1.5 inch), not " + margin);
        }
    }

    /** The default format of a paper size: {@link #LETTER} or {@link #A4}. */
    public static PageFormat of(PaperSize paperSize) {
        return paperSize == PaperSize.A4 ? A4 : LETTER;
    }

    /**
     * The default format of a paper size named in configuration, "letter" or "a4" (any case).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PageFormat named(String paperSize) {
        String name = paperSize == null ? "" : paperSize.trim().toUpperCase(Locale.ROOT);
        try {
            return of(PaperSize.valueOf(name.isEmpty() ? "LETTER" : name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown paper size '" + paperSize + "': use letter or a4", e);
        }
    }

    public PageFormat withMargin(float points) {
        return new PageFormat(paperSize, points, landscape);
    }

    /** The same paper and margins turned sideways. */
    public PageFormat inLandscape() {
        return new PageFormat(paperSize, margin, true);
    }

    public float width() {
        return landscape ? paperSize.height() : paperSize.width();
    }

    public float height() {
        return landscape ? paperSize.width() : paperSize.height();
    }
}
