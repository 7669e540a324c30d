package org.healthcrm.compliance;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 has it (every field quoted, quotes doubled, CRLF after every record, UTF-8 without a byte order
 * mark), safe to open in a spreadsheet: a cell that begins with {@code = + - @}, a tab or a carriage return would be
 * taken for a formula, so it gets a leading apostrophe (OWASP's advice against CSV injection).
 */
final class Csv {

    private Csv() {
    }

    static byte[] of(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder(128 * (rows.size() + 1));
        record(csv, header);
        rows.forEach(row -> record(csv, row));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append('"').append(cell(cells.get(i)).replace("\"", "\"\"")).append('"');
        }
        csv.append("\r\n");
    }

    /** The cell's text, defused when a spreadsheet would read it as a formula. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
