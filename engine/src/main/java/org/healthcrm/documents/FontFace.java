package org.healthcrm.documents;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The typefaces every document uses: Liberation Sans (metric-compatible with Arial), embedded as a subset so that
 * any reader shows the same glyphs and the text can be searched and copied.
 *
 * <p>The font files are read once per JVM, and so are the glyph widths that layout looks up for every character.
 * Each document still embeds its own {@code PDType0Font} (see {@link PdfPageWriter}), because a PDFBox font
 * object belongs to one document; it is made from a parsed font the document borrows ({@link #borrow}) and gives
 * back once written. Thread-safe: the file and the widths never change, the borrowed fonts go to one document at
 * a time.
 */
enum FontFace {
    REGULAR("liberation/LiberationSans-Regular.ttf"),
    BOLD("liberation/LiberationSans-Bold.ttf");

    /** Drawn in place of a character the font has no glyph for (emoji, CJK...). */
    static final char REPLACEMENT = '?';

    private static final int NO_GLYPH = -1;
    private static final int DROP = -1;

    /** Parsed fonts kept for documents to borrow: about as many as documents are rendered at the same time. */
    private static final int KEPT = 8;

    private final Pool full;
    private final Pool common;
    /** Advance width in 1/1000 em per BMP code point, as PDFBox writes it into the font's W array; or NO_GLYPH. */
    private final int[] widths;

    FontFace(String resource) {
        byte[] fontFile = withoutOpenTypeLayout(read(resource));
        this.full = new Pool(fontFile);
        this.common = new Pool(commonCut(resource, fontFile));
        this.widths = measure(resource, fontFile);
    }

    /**
     * Which file of a face a document embeds its subset from. PDFBox writes the widths of all of a font's glyphs into
     * each document that loads it and reads them back, then subsets the font when the document is saved; with
     * Liberation Sans's 2,592 glyphs that was half of PDFBox's time in the intake's short documents. A document whose
     * text lies within the {@linkplain #inCommonCut common characters} loads a cut of the font with only their glyphs
     * (the same glyphs, so the same widths and the same look); any other document loads the whole font.
     */
    enum Cut {
        COMMON, FULL
    }

    /**
     * Whether a text can be drawn from the {@link Cut#COMMON common cut}: each of its characters is a common one, or
     * one that needs no glyph from either face (control characters are dropped, characters the font lacks are drawn
     * as {@value #REPLACEMENT}).
     */
    static boolean inCommonCut(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c <= 0x7E || inCommonRanges(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.CONTROL) {
                continue;
            }
            if (REGULAR.hasGlyph(c) || BOLD.hasGlyph(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCommonRanges(int cp) {
        for (int[] range : CommonCharacters.RANGES) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return false;
    }

    /** The font reduced to the glyphs of the common characters (and of the glyphs they are composed of). */
    private static byte[] commonCut(String resource, byte[] fontFile) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            Set<Integer> characters = new TreeSet<>();
            for (int[] range : CommonCharacters.RANGES) {
                for (int cp = range[0]; cp <= range[1]; cp++) {
                    if (cmap.getGlyphId(cp) > 0) {
                        characters.add(cp);
                    }
                }
            }
            TTFSubsetter cut = new TTFSubsetter(ttf);
            cut.addAll(characters);
            ByteArrayOutputStream out = new ByteArrayOutputStream(fontFile.length / 2);
            cut.writeToStream(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut the font " + resource, e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = FontFace.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: the engine needs "
                        + "com.github.librepdf:openpdf-fonts-extra for its PDF fonts");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * The font without its OpenType layout tables. With a GSUB table, PDFBox 3 runs its OpenType substitution on
     * every {@code showText}, which took 90% of a document's rendering time (regular expressions compiled per
     * call) for ligatures that answers on a form do not need; glyph positioning (GPOS, GDEF) PDFBox never applies.
     */
    private static byte[] withoutOpenTypeLayout(byte[] font) {
        return withoutTables(font, Set.of("GSUB", "GPOS", "GDEF"));
    }

    /** A copy of a TrueType file without some of its tables; the others are copied unchanged. */
    static byte[] withoutTables(byte[] font, Set<String> removed) {
        ByteBuffer in = ByteBuffer.wrap(font);
        int count = in.getShort(4) & 0xFFFF;
        List<int[]> kept = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            int tag = in.getInt(record);
            String name = new String(font, record, 4, StandardCharsets.ISO_8859_1);
            if (!removed.contains(name)) {
                kept.add(new int[] {tag, in.getInt(record + 4), in.getInt(record + 8), in.getInt(record + 12)});
            }
        }
        int tables = kept.size();
        int size = 12 + 16 * tables;
        for (int[] table : kept) {
            size += (table[3] + 3) & ~3;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        int entrySelector = 31 - Integer.numberOfLeadingZeros(Math.max(1, tables));
        int searchRange = (1 << entrySelector) * 16;
        out.putInt(in.getInt(0)).putShort((short) tables).putShort((short) searchRange)
                .putShort((short) entrySelector).putShort((short) (tables * 16 - searchRange));
        int offset = 12 + 16 * tables;
        for (int[] table : kept) {
            out.putInt(table[0]).putInt(table[1]).putInt(offset).putInt(table[3]);
            offset += (table[3] + 3) & ~3;
        }
        for (int[] table : kept) {
            out.put(font, table[2], table[3]);
            out.position((out.position() + 3) & ~3);
        }
        return out.array();
    }

    private static int[] measure(String resource, byte[] fontFile) {
        try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(fontFile))) {
            CmapLookup cmap = ttf.getUnicodeCmapLookup();
            float scale = 1000f / ttf.getUnitsPerEm();
            int[] widths = new int[Character.MAX_VALUE + 1];
            Arrays.fill(widths, NO_GLYPH);
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                int gid = cmap.getGlyphId(c);
                if (gid > 0) {
                    widths[c] = Math.round(ttf.getAdvanceWidth(gid) * scale);
                }
            }
            return widths;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + resource, e);
        }
    }

    /**
     * A parsed font of one {@link Cut} for one document to embed, to {@link #giveBack} when the document is written.
     * Parsing the file (its cmap above all) cost a third of a document's rendering; a parsed font is not safe for
     * two documents at once, so each document borrows its own, and up to {@value #KEPT} wait for the next documents.
     */
    TrueTypeFont borrow(Cut cut) throws IOException {
        return pool(cut).borrow();
    }

    /** Returns a font borrowed for a document that has been written; {@code reusable} false closes it instead. */
    void giveBack(Cut cut, TrueTypeFont font, boolean reusable) {
        pool(cut).giveBack(font, reusable);
    }

    private Pool pool(Cut cut) {
        return cut == Cut.COMMON ? common : full;
    }

    /**
     * The characters of the {@linkplain Cut#COMMON common cut}: Latin (Basic, Latin-1, Extended-A and -B, which
     * cover the names of most Western and Central European, Turkish, Vietnamese and transliterated patients),
     * punctuation, currency signs, and what the layout itself draws ("…", "?", "Page N of M"). A class of its own
     * because the faces' constructors read it before an enum's own static fields are set.
     */
    private static final class CommonCharacters {
        static final int[][] RANGES = {
            {0x0020, 0x007E}, {0x00A0, 0x024F}, {0x2010, 0x2027}, {0x2030, 0x203A}, {0x20A0, 0x20BF},
            {0x2116, 0x2116}, {0x2122, 0x2122},
        };
    }

    /** A font file and the parsed copies of it that wait for the next documents. */
    private static final class Pool {
        private final byte[] file;
        private final ConcurrentLinkedQueue<TrueTypeFont> parsed = new ConcurrentLinkedQueue<>();
        private final AtomicInteger kept = new AtomicInteger();

        Pool(byte[] file) {
            this.file = file;
        }

        TrueTypeFont borrow() throws IOException {
            TrueTypeFont font = parsed.poll();
            if (font != null) {
                kept.decrementAndGet();
                return font;
            }
            return new TTFParser().parse(new RandomAccessReadBuffer(file));
        }

        void giveBack(TrueTypeFont font, boolean reusable) {
            if (reusable && kept.incrementAndGet() <= KEPT) {
                parsed.offer(font);
                return;
            }
            if (reusable) {
                kept.decrementAndGet();
            }
            try {
                font.close();
            } catch (IOException e) {
                // a font parsed from memory has nothing to release
            }
        }
    }

    boolean hasGlyph(int codePoint) {
        return codePoint <= Character.MAX_VALUE && widths[codePoint] != NO_GLYPH;
    }

    /**
     * One line of text as this face can draw it: composed (NFC, so "e" + combining diaeresis becomes "ë"), tabs and
     * other spacing as plain spaces, invisible control and format characters dropped, and every other character
     * the font lacks replaced by {@value #REPLACEMENT}. Line breaks must have been split off before.
     */
    String printable(String text) {
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = null;
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            int end = i + Character.charCount(cp);
            int kept = printable(cp);
            if (kept != cp && out == null) {
                out = new StringBuilder(composed.length()).append(composed, 0, i);
            }
            if (out != null && kept != DROP) {
                out.appendCodePoint(kept);
            }
            i = end;
        }
        return out == null ? composed : out.toString();
    }

    /** The code point itself, a space, {@link #REPLACEMENT}, or {@link #DROP}. */
    private int printable(int cp) {
        int type = Character.getType(cp);
        if (cp == '\t') {
            return ' ';
        }
        if (hasGlyph(cp) && type != Character.CONTROL) {
            return cp;
        }
        if (type == Character.CONTROL || type == Character.FORMAT || isVariationSelector(cp)) {
            return DROP;
        }
        return Character.isSpaceChar(cp) ? ' ' : REPLACEMENT;
    }

    private static boolean isVariationSelector(int cp) {
        return cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0100 && cp <= 0xE01EF;
    }

    /** Width in points of a {@linkplain #printable(String) printable} text at a font size. */
    float width(CharSequence printable, float size) {
        long units = 0;
        for (int i = 0, n = printable.length(); i < n; i++) {
            char c = printable.charAt(i);
            int w = widths[c];
            units += w == NO_GLYPH ? widths[REPLACEMENT] : w;
        }
        return units * size / 1000f;
    }
}
