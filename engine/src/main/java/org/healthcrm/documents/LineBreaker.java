package org.healthcrm.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Breaks a text into lines that fit a width: at the line breaks the text has, then between words, and inside a word
 * only when the word alone is wider than the line (after a hyphen, underscore or other separator where there is
 * one). No character is ever lost: the lines hold every word of the text, in order.
 */
final class LineBreaker {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|[\n\r\u000B\u000C\u0085\u2028\u2029]");

    private static final String SEPARATORS = "-_/,;=.:";

    private LineBreaker() {
    }

    /**
     * The printable lines of a text in a style, each at most {@code width} points wide. A blank line in the text
     * stays a blank line; an empty text is one empty line.
     */
    static List<String> lines(String text, TextStyle style, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : LINE_BREAK.split(text == null ? "" : text, -1)) {
            breakParagraph(style.face().printable(paragraph), style, width, lines);
        }
        return lines;
    }

    /** The widest line the text would have without a width limit, in points. */
    static float naturalWidth(String text, TextStyle style) {
        float widest = 0;
        for (String paragraph : LINE_BREAK.split(text == null ? "" : text, -1)) {
            widest = Math.max(widest, style.width(collapseSpaces(style.face().printable(paragraph))));
        }
        return widest;
    }

    /** The widest single word of the text, in points: narrower than this, words must be broken. */
    static float widestWord(String text, TextStyle style) {
        float widest = 0;
        for (String paragraph : LINE_BREAK.split(text == null ? "" : text, -1)) {
            for (String word : style.face().printable(paragraph).split(" +")) {
                widest = Math.max(widest, style.width(word));
            }
        }
        return widest;
    }

    private static void breakParagraph(String paragraph, TextStyle style, float width, List<String> lines) {
        float space = style.width(" ");
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        int i = 0;
        int n = paragraph.length();
        while (i < n) {
            while (i < n && paragraph.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int end = paragraph.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            String word = paragraph.substring(i, end);
            i = end;
            float wordWidth = style.width(word);
            float needed = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
            if (needed <= width) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = needed;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            if (wordWidth <= width) {
                line.append(word);
                lineWidth = wordWidth;
            } else {
                lineWidth = breakWord(word, style, width, line, lines);
            }
        }
        lines.add(line.toString());
    }

    /**
     * Splits a word wider than the line, after a separator ({@code - _ / , ; = . :}) where the piece before it fills
     * the line, else where the line is full; leaves its last piece in {@code line} and returns that piece's width.
     */
    private static float breakWord(String word, TextStyle style, float width, StringBuilder line,
                                   List<String> lines) {
        float lineWidth = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            int count = Character.charCount(cp);
            float w = style.width(word.substring(i, i + count));
            if (lineWidth + w > width && !line.isEmpty()) {
                int cut = afterLastSeparator(line);
                String carried = cut > 0 ? line.substring(cut) : "";
                float carriedWidth = style.width(carried);
                if (cut > 0 && carriedWidth + w <= width) {
                    lines.add(line.substring(0, cut));
                    line.setLength(0);
                    line.append(carried);
                    lineWidth = carriedWidth;
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
            }
            line.appendCodePoint(cp);
            lineWidth += w;
            i += count;
        }
        return lineWidth;
    }

    /** The index just after the last separator of a line, when it leaves something before and after it; else 0. */
    private static int afterLastSeparator(CharSequence line) {
        for (int i = line.length() - 2; i > 0; i--) {
            if (SEPARATORS.indexOf(line.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String collapseSpaces(String text) {
        return text.trim().replaceAll(" {2,}", " ");
    }
}
