package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated tables with a header line, one example per line, every cell a number: the label column, named,
 * becomes y and the other columns, in file order, the features, each one row of X (n_x, m). Blank lines are
 * skipped; cells may be quoted ({@code "3.5"}); a file need not end with a newline. Having no length header, a CSV
 * file cut at the end of a line is a valid shorter file: a loader cannot tell.
 */
public final class Csv {

    private static final Pattern DECIMAL = Pattern.compile("\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");
    /** nan, inf, infinity in any case: numbers to Python, which the finite check then names. */
    private static final Pattern NOT_FINITE = Pattern.compile("\\s*[+-]?(?i:nan|inf|infinity)\\s*");

    private Csv() {
    }

    /** The features' names, X (n_x, m), the label column's name and its values (one per example). */
    public record Table(List<String> features, Matrix X, String label, double[] y) {

        /** The labels as a row (1, m), the target of a regression. */
        public Matrix Y() {
            return Matrix.row(y);
        }

        /** Whether every label is a class number 0, 1, 2, …, so that the table can be read as classes. */
        public boolean hasClassLabels() {
            for (double v : y) {
                if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE - 1) {
                    return false;
                }
            }
            return true;
        }

        /** The table as classes 0..max, the largest label. */
        public LabeledData toClasses() {
            if (!hasClassLabels()) {
                throw new IllegalArgumentException("csv: column '" + label + "' holds labels that are not class"
                        + " numbers 0, 1, 2, …");
            }
            return toLabeled(this, 0);
        }

        /** The table as a regression's features and targets. */
        public RegressionData toRegression() {
            return new RegressionData(X, Y());
        }
    }

    /**
     * Reads a table whose label column holds numbers (a regression target, say).
     *
     * @throws DataFileException naming the file and {@code line:column} of a missing label column, a cell that
     *                           is not a finite number, or a line with the wrong number of cells
     */
    public static Table read(Path file, String labelColumn) throws IOException {
        return parse(file.toString(), DataFiles.readAllBytes(file, "a CSV file"), labelColumn, -1);
    }

    /**
     * Reads a classification table: every label must be a whole number in [0, classes), or, with
     * {@code classes} = 0, any whole number ≥ 0, the classes then being 0..max.
     */
    public static LabeledData readClasses(Path file, String labelColumn, int classes) throws IOException {
        Table t = parse(file.toString(), DataFiles.readAllBytes(file, "a CSV file"), labelColumn, classes);
        return toLabeled(t, classes);
    }

    static LabeledData toLabeled(Table t, int classes) {
        int[] labels = new int[t.y().length];
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) t.y()[i];
            max = Math.max(max, labels[i]);
        }
        return new LabeledData(t.X(), labels, classes > 0 ? classes : max + 1);
    }

    /** Parses CSV bytes; {@code classes} ≥ 0 asks for whole-number labels (0: any ≥ 0), -1 for any number. */
    static Table parse(String name, byte[] bytes, String labelColumn, int classes) throws DataFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFileException(name, "line 1", "expected UTF-8 text, found bytes that are not", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new DataFileException(name, "line 1:1", "expected a header line naming the columns, found "
                    + (text.isEmpty() ? "an empty file" : "a blank line"));
        }
        List<String> header = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        split(lines[0], header, starts);
        int labelIndex = header.indexOf(labelColumn);
        if (labelIndex < 0) {
            throw new DataFileException(name, "line 1:1", "expected a label column named '" + labelColumn
                    + "', found the columns " + header);
        }
        if (header.size() == 1) {
            throw new DataFileException(name, "line 1:1", "expected feature columns besides the label column '"
                    + labelColumn + "', found it alone");
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.indexOf(header.get(c)) != c) {
                throw new DataFileException(name, "line 1:" + starts.get(c), "column '" + header.get(c)
                        + "' appears twice in the header");
            }
        }
        int columns = header.size();
        List<double[]> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        List<Integer> cellStarts = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            cells.clear();
            cellStarts.clear();
            split(lines[l], cells, cellStarts);
            if (cells.size() != columns) {
                throw new DataFileException(name, "line " + (l + 1), "expected " + columns + " cells as in the"
                        + " header, found " + cells.size());
            }
            double[] row = new double[columns];
            for (int c = 0; c < columns; c++) {
                String where = "line " + (l + 1) + ":" + cellStarts.get(c);
                try {
                    row[c] = parseNumber(cells.get(c));
                } catch (NumberFormatException e) {
                    throw new DataFileException(name, where, "column '" + header.get(c) + "': expected a number,"
                            + " found '" + cells.get(c) + "'");
                }
                if (!Double.isFinite(row[c])) {
                    throw new DataFileException(name, where, "column '" + header.get(c) + "': expected a finite"
                            + " number, found '" + cells.get(c) + "'");
                }
                if (c == labelIndex && classes >= 0 && (row[c] != Math.rint(row[c]) || row[c] < 0
                        || (classes > 0 && row[c] >= classes) || row[c] > Integer.MAX_VALUE - 1)) {
                    throw new DataFileException(name, where, "label column '" + labelColumn + "': expected a class "
                            + (classes > 0 ? "in [0, " + classes + ")" : "0, 1, 2, ...") + ", found '"
                            + cells.get(c) + "'");
                }
            }
            rows.add(row);
        }
        int m = rows.size();
        if (m == 0) {
            // the line after the last one: a final newline ends the last line rather than starting another
            int lineCount = text.endsWith("\n") ? lines.length - 1 : lines.length;
            throw new DataFileException(name, "line " + (lineCount + 1), "expected at least one line of numbers"
                    + " after the header, found none");
        }
        int n = columns - 1;
        double[] X = new double[n * m];
        double[] y = new double[m];
        List<String> features = new ArrayList<>(header);
        features.remove(labelIndex);
        for (int i = 0; i < m; i++) {
            double[] row = rows.get(i);
            y[i] = row[labelIndex];
            for (int c = 0, r = 0; c < columns; c++) {
                if (c != labelIndex) {
                    X[r++ * m + i] = row[c];
                }
            }
        }
        return new Table(List.copyOf(features), Matrix.of(n, m, X), labelColumn, y);
    }

    /** Splits a line at commas, trimming cells and dropping one pair of surrounding quotes; columns are 1-based. */
    private static void split(String line, List<String> cells, List<Integer> starts) {
        int from = 0;
        while (true) {
            int comma = line.indexOf(',', from);
            String cell = (comma < 0 ? line.substring(from) : line.substring(from, comma)).strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            cells.add(cell);
            starts.add(from + 1);
            if (comma < 0) {
                return;
            }
            from = comma + 1;
        }
    }

    /** A decimal number as Python's {@code float()} reads it: Java's own parser also takes {@code 3f}, {@code 1d}, hex. */
    private static double parseNumber(String cell) {
        if (DECIMAL.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        if (NOT_FINITE.matcher(cell).matches()) {
            return Double.NaN;
        }
        throw new NumberFormatException(cell);
    }
}
