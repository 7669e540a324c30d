package org.healthcrm.documents;

/**
 * How a kind of text looks: face, size in points, grey level (0 black, 1 white) and the distance between baselines.
 * One set for every document of the product, so that they all look alike.
 */
record TextStyle(FontFace face, float size, float gray, float leading) {

    static final TextStyle TITLE = new TextStyle(FontFace.BOLD, 17, 0, 21);
    static final TextStyle HEADING = new TextStyle(FontFace.BOLD, 12.5f, 0, 16);
    static final TextStyle SUBHEADING = new TextStyle(FontFace.BOLD, 10.5f, 0.15f, 14);
    static final TextStyle LABEL = new TextStyle(FontFace.REGULAR, 9.5f, 0.32f, 13);
    static final TextStyle VALUE = new TextStyle(FontFace.REGULAR, 10, 0, 13);
    static final TextStyle BODY = new TextStyle(FontFace.REGULAR, 10, 0, 13.5f);
    static final TextStyle META_LABEL = new TextStyle(FontFace.REGULAR, 8.5f, 0.35f, 11);
    static final TextStyle META_VALUE = new TextStyle(FontFace.REGULAR, 8.5f, 0.1f, 11);
    static final TextStyle TABLE_HEADER = new TextStyle(FontFace.BOLD, 9, 0, 11.5f);
    static final TextStyle TABLE_CELL = new TextStyle(FontFace.REGULAR, 9, 0, 11.5f);
    static final TextStyle RUNNING = new TextStyle(FontFace.REGULAR, 8, 0.4f, 10);

    /** Width in points of a printable text in this style. */
    float width(CharSequence printable) {
        return face.width(printable, size);
    }

    /** The baseline of a line whose box (one leading high) starts at {@code top}; 0.8 em is the font's ascent. */
    float baseline(float top) {
        return top - (leading - size) / 2 - size * 0.8f;
    }
}
