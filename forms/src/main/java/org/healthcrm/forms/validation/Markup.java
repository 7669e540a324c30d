package org.healthcrm.forms.validation;

import java.util.Locale;

/**
 * Markup in free text. What staff type is shown again in screens, PDFs, letters and messages, some of which render
 * HTML; refusing markup where it is entered keeps a stored {@code <img onerror=...>} from running anywhere later.
 * Text that merely uses the characters stays valid: "BP < 120/80", "A & B", "5<6", "->".
 */
final class Markup {

    /** Schemes that make a link run script when followed. */
    private static final String[] SCRIPT_SCHEMES = {"javascript:", "vbscript:"};

    private Markup() {
    }

    /**
     * Whether the text holds a tag, closing tag, comment, doctype or processing instruction: a {@code <} immediately
     * followed by a letter, {@code /}, {@code !} or {@code ?}. That is where an HTML or XML parser starts markup;
     * a {@code <} followed by anything else is text to both.
     */
    static boolean contains(String text) {
        int last = text.length() - 1;
        for (int i = text.indexOf('<'); i >= 0 && i < last; i = text.indexOf('<', i + 1)) {
            char next = text.charAt(i + 1);
            if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a link would run script: {@code javascript:} or {@code vbscript:}, in any case, also with the spaces,
     * tabs, line breaks and control characters that browsers drop from a URL before reading its scheme.
     */
    static boolean isScriptUrl(String url) {
        StringBuilder scheme = new StringBuilder(12);
        for (int i = 0; i < url.length() && scheme.length() < 11; i++) {
            char c = url.charAt(i);
            if (c > ' ') {
                scheme.append(c);
            }
        }
        String start = scheme.toString().toLowerCase(Locale.ROOT);
        for (String script : SCRIPT_SCHEMES) {
            if (start.startsWith(script)) {
                return true;
            }
        }
        return false;
    }
}
