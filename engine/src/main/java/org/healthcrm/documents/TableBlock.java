package org.healthcrm.documents;

import java.util.ArrayList;
import java.util.List;

/**
 * A table: a header row, repeated at the top of every page the table continues on, and rows of wrapped cells. A
 * row that fits on a page is never split; a row taller than a page is split between lines.
 *
 * @param headers the column titles
 * @param rows    the cells, row by row; a short row is padded with empty cells
 */
record TableBlock(List<String> headers, List<List<String>> rows) implements LayoutBlock {

    private static final float PAD_X = 4;
    private static final float PAD_Y = 2.5f;
    private static final float MIN_COLUMN = 40;
    private static final float SLACK = 0.5f;

    TableBlock {
        headers = List.copyOf(headers);
        rows = rows.stream().map(row -> (List<String>) new ArrayList<>(row)).toList();
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (List<String> row : rows) {
            if (row.size() > headers.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + headers.size()
                        + " columns");
            }
        }
    }

    @Override
    public void layOut(PdfPageWriter page) {
        float[] widths = columnWidths(page.width());
        List<List<String>> headerCells = cells(headers, TextStyle.TABLE_HEADER, widths);
        float headerHeight = height(headerCells, TextStyle.TABLE_HEADER);
        float line = TextStyle.TABLE_CELL.leading();
        List<List<List<String>>> rowCells = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            rowCells.add(cells(row, TextStyle.TABLE_CELL, widths));
        }
        float firstRow = rowCells.isEmpty() ? 0 : Math.min(height(rowCells.get(0), TextStyle.TABLE_CELL),
                line + 2 * PAD_Y);
        page.ensureRoom(headerHeight + firstRow);
        drawHeader(page, headerCells, widths, headerHeight);
        for (List<List<String>> cells : rowCells) {
            float height = height(cells, TextStyle.TABLE_CELL);
            if (!page.fits(height) && height <= page.contentHeight() - headerHeight) {
                page.newPage();
                drawHeader(page, headerCells, widths, headerHeight);
            }
            int count = cells.stream().mapToInt(List::size).max().orElse(1);
            page.moveDown(PAD_Y);
            for (int i = 0; i < count; i++) {
                if (!page.fits(line + PAD_Y)) {
                    page.newPage();
                    drawHeader(page, headerCells, widths, headerHeight);
                    page.moveDown(PAD_Y);
                }
                float baseline = TextStyle.TABLE_CELL.baseline(page.y());
                float x = page.left();
                for (int c = 0; c < cells.size(); c++) {
                    List<String> cellLines = cells.get(c);
                    if (i < cellLines.size()) {
                        page.text(TextStyle.TABLE_CELL, x + PAD_X, baseline, cellLines.get(i));
                    }
                    x += widths[c];
                }
                page.moveDown(line);
            }
            page.moveDown(PAD_Y);
            page.rule(page.left(), page.right(), page.y(), 0.8f, 0.4f);
        }
        page.moveDown(6);
    }

    private void drawHeader(PdfPageWriter page, List<List<String>> headerCells, float[] widths, float height) {
        page.fill(page.left(), page.y(), page.width(), height, 0.91f);
        page.moveDown(PAD_Y);
        float x = page.left();
        for (int c = 0; c < headerCells.size(); c++) {
            float baseline = TextStyle.TABLE_HEADER.baseline(page.y());
            for (String headerLine : headerCells.get(c)) {
                page.text(TextStyle.TABLE_HEADER, x + PAD_X, baseline, headerLine);
                baseline -= TextStyle.TABLE_HEADER.leading();
            }
            x += widths[c];
        }
        page.moveDown(height - PAD_Y);
        page.rule(page.left(), page.right(), page.y(), 0.5f, 0.6f);
    }

    private List<List<String>> cells(List<String> texts, TextStyle style, float[] widths) {
        List<List<String>> cells = new ArrayList<>(widths.length);
        for (int c = 0; c < widths.length; c++) {
            String text = c < texts.size() ? texts.get(c) : "";
            cells.add(LineBreaker.lines(text, style, widths[c] - 2 * PAD_X));
        }
        return cells;
    }

    private static float height(List<List<String>> cells, TextStyle style) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * style.leading() + 2 * PAD_Y;
    }

    /**
     * Column widths filling the content width: each column gets what its longest line needs when everything fits;
     * otherwise each gets at least its longest word where the words of all columns fit side by side, or else as much
     * of it as an equal cap on the widest columns allows (the narrow ones keep theirs), and the rest is shared in
     * proportion to need.
     */
    float[] columnWidths(float available) {
        int n = headers.size();
        float[] natural = new float[n];
        float[] minimum = new float[n];
        for (int c = 0; c < n; c++) {
            // a header is short: keep it on one line where it can be
            natural[c] = LineBreaker.naturalWidth(headers.get(c), TextStyle.TABLE_HEADER);
            minimum[c] = natural[c];
            for (List<String> row : rows) {
                if (c < row.size()) {
                    natural[c] = Math.max(natural[c], LineBreaker.naturalWidth(row.get(c), TextStyle.TABLE_CELL));
                    minimum[c] = Math.max(minimum[c], LineBreaker.widestWord(row.get(c), TextStyle.TABLE_CELL));
                }
            }
            natural[c] = Math.min(natural[c] + 2 * PAD_X, available);
            // a little slack, so that rounding in the sums below never leaves a word a hair too wide for its column
            minimum[c] = Math.max(MIN_COLUMN, Math.min(minimum[c] + 2 * PAD_X + SLACK, available));
        }
        float cap = widestAllowed(minimum, available);
        for (int c = 0; c < n; c++) {
            minimum[c] = Math.max(MIN_COLUMN, Math.min(minimum[c], cap));
            natural[c] = Math.max(natural[c], minimum[c]);
        }
        float naturalSum = sum(natural);
        float[] widths = new float[n];
        if (naturalSum <= available) {
            for (int c = 0; c < n; c++) {
                widths[c] = natural[c] * available / naturalSum;
            }
            return widths;
        }
        float minimumSum = sum(minimum);
        if (minimumSum >= available) {
            for (int c = 0; c < n; c++) {
                widths[c] = minimum[c] * available / minimumSum;
            }
            return widths;
        }
        float extra = available - minimumSum;
        float wanted = naturalSum - minimumSum;
        for (int c = 0; c < n; c++) {
            widths[c] = minimum[c] + extra * (natural[c] - minimum[c]) / wanted;
        }
        return widths;
    }

    /**
     * The largest minimum width a column may keep so that all minimums fit: unlimited when they fit as they are;
     * otherwise the level at which the columns wider than it, cut to it, and the narrower ones fill the width.
     */
    private static float widestAllowed(float[] minimum, float available) {
        if (sum(minimum) <= available) {
            return Float.MAX_VALUE;
        }
        float[] ascending = minimum.clone();
        java.util.Arrays.sort(ascending);
        float remaining = available;
        for (int i = 0; i < ascending.length; i++) {
            float level = remaining / (ascending.length - i);
            if (ascending[i] > level) {
                return level;
            }
            remaining -= ascending[i];
        }
        return Float.MAX_VALUE;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }
}
