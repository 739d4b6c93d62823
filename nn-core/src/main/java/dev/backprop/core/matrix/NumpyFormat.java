package dev.backprop.core.matrix;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a 2-D array exactly as numpy's {@code str(array)} does with the default print options: precision 8,
 * {@code floatmode='maxprec'}, line width 75, and arrays of more than 1000 elements summarised with 3 edge items.
 * This follows numpy's {@code arrayprint.py}: {@code FloatingFormat} picks positional or scientific notation and
 * common paddings from all shown values, and {@code _formatArray} wraps rows at the line width.
 */
final class NumpyFormat {

    private static final int PRECISION = 8;
    private static final int LINE_WIDTH = 75;
    private static final int THRESHOLD = 1000;
    private static final int EDGE_ITEMS = 3;

    private NumpyFormat() {
    }

    static String format(double[] data, int rows, int cols) {
        if (rows * cols == 0) {
            return "[]";
        }
        boolean summarise = rows * cols > THRESHOLD;
        int[] shownRows = shown(rows, summarise);
        int[] shownCols = shown(cols, summarise);
        List<Double> values = new ArrayList<>();
        for (int i : shownRows) {
            for (int j : shownCols) {
                values.add(data[i * cols + j]);
            }
        }
        FloatFormat fmt = new FloatFormat(values);
        String[] words = new String[data.length];
        for (int i : shownRows) {
            for (int j : shownCols) {
                words[i * cols + j] = fmt.format(data[i * cols + j]);
            }
        }

        // _formatArray for two axes: outer hanging indent " ", rows wrapped at width 75 - 1
        String rowIndent = "  ";
        int elemWidth = LINE_WIDTH - 1 - 1;
        StringBuilder out = new StringBuilder();
        boolean rowSummary = summarise && 2 * EDGE_ITEMS < rows;
        boolean colSummary = summarise && 2 * EDGE_ITEMS < cols;
        for (int r = 0; r < shownRows.length; r++) {
            if (rowSummary && r == EDGE_ITEMS) {
                out.append(" ...\n");
            }
            int i = shownRows[r];
            StringBuilder s = new StringBuilder();
            StringBuilder line = new StringBuilder(rowIndent);
            for (int c = 0; c < shownCols.length; c++) {
                if (colSummary && c == EDGE_ITEMS) {
                    extendLine(s, line, "...", elemWidth, rowIndent);
                    line.append(' ');
                }
                extendLine(s, line, words[i * cols + shownCols[c]], elemWidth, rowIndent);
                if (c < shownCols.length - 1) {
                    line.append(' ');
                }
            }
            s.append(line);
            String row = "[" + s.substring(rowIndent.length()) + "]";
            out.append(' ').append(row);
            if (r < shownRows.length - 1) {
                out.append('\n');
            }
        }
        return "[" + out.substring(1) + "]";
    }

    private static void extendLine(StringBuilder s, StringBuilder line, String word, int width, String indent) {
        boolean wrap = line.length() + word.length() > width && line.length() > indent.length();
        if (wrap) {
            s.append(line.toString().stripTrailing()).append('\n');
            line.setLength(0);
            line.append(indent);
        }
        line.append(word);
    }

    private static int[] shown(int n, boolean summarise) {
        if (!summarise || n <= 2 * EDGE_ITEMS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        return new int[] {0, 1, 2, n - 3, n - 2, n - 1};
    }

    /** numpy's {@code FloatingFormat} with {@code floatmode='maxprec'}, {@code sign='-'}. */
    private static final class FloatFormat {
        private boolean scientific;
        private int padLeft;
        private int padRight;
        private int precision = PRECISION;
        private int expSize;

        FloatFormat(List<Double> values) {
            List<Double> finite = values.stream().filter(Double::isFinite).toList();
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            boolean anyNonZero = false;
            for (double v : finite) {
                if (v != 0) {
                    anyNonZero = true;
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                    minAbs = Math.min(minAbs, Math.abs(v));
                }
            }
            scientific = anyNonZero && (maxAbs >= 1e8 || minAbs < 0.0001 || maxAbs / minAbs > 1000.0);
            if (finite.isEmpty()) {
                padLeft = 0;
                padRight = 0;
            } else if (scientific) {
                int fracMax = 0;
                int intMax = 0;
                int expMax = 0;
                for (double v : finite) {
                    String[] parts = scientificParts(v, PRECISION, 0);
                    intMax = Math.max(intMax, parts[0].length());
                    fracMax = Math.max(fracMax, parts[1].length());
                    expMax = Math.max(expMax, parts[2].length() - 1);
                }
                precision = fracMax;
                padLeft = intMax;
                expSize = Math.max(expMax, 2);
                padRight = expSize + 2 + precision;
            } else {
                int intMax = 0;
                int fracMax = 0;
                for (double v : finite) {
                    String[] parts = positionalParts(v);
                    intMax = Math.max(intMax, parts[0].length());
                    fracMax = Math.max(fracMax, parts[1].length());
                }
                padLeft = intMax;
                padRight = fracMax;
            }
            if (finite.size() != values.size()) {
                boolean negInf = values.stream().anyMatch(v -> v == Double.NEGATIVE_INFINITY);
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(3 - offset, 3 + (negInf ? 1 : 0) - offset));
            }
        }

        String format(double x) {
            if (!Double.isFinite(x)) {
                String ret = Double.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
                return " ".repeat(Math.max(0, padLeft + padRight + 1 - ret.length())) + ret;
            }
            if (scientific) {
                String[] p = scientificParts(x, precision, precision);
                String exp = p[2];
                String digits = exp.substring(1);
                digits = "0".repeat(Math.max(0, expSize - digits.length())) + digits;
                return pad(p[0], padLeft, true) + "." + p[1] + "e" + exp.charAt(0) + digits;
            }
            String[] p = positionalParts(x);
            return pad(p[0], padLeft, true) + "." + pad(p[1], padRight, false);
        }

        private static String pad(String s, int width, boolean left) {
            if (s.length() >= width) {
                return s;
            }
            String spaces = " ".repeat(width - s.length());
            return left ? spaces + s : s + spaces;
        }
    }

    /** Shortest digits that read back as x, like Dragon4's unique mode. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int p = 1; p <= 17; p++) {
            BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == x) {
                return r;
            }
        }
        return exact;
    }

    /**
     * {@code dragon4_positional(x, precision=8, unique=True, trim='.')} split at the point: the integer part with
     * its sign, and the fraction digits without trailing zeros.
     */
    static String[] positionalParts(double x) {
        String sign = (x < 0 || (x == 0 && 1 / x < 0)) ? "-" : "";
        BigDecimal v = shortest(Math.abs(x));
        if (v.scale() > PRECISION) {
            v = new BigDecimal(Math.abs(x)).setScale(PRECISION, RoundingMode.HALF_EVEN);
        }
        String plain = v.stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        String frac = dot < 0 ? "" : plain.substring(dot + 1);
        return new String[] {sign + intPart, frac};
    }

    /**
     * {@code dragon4_scientific(x, precision, unique=True)}: the mantissa's integer digit with sign, its fraction
     * digits (trailing zeros trimmed, then zero-padded to {@code minDigits}), and the exponent as sign + digits.
     */
    static String[] scientificParts(double x, int precision, int minDigits) {
        String sign = (x < 0 || (x == 0 && 1 / x < 0)) ? "-" : "";
        double a = Math.abs(x);
        String digits;
        int exponent;
        if (a == 0) {
            digits = "0";
            exponent = 0;
        } else {
            BigDecimal v = shortest(a);
            if (v.precision() > precision + 1) {
                v = new BigDecimal(a).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            }
            v = v.stripTrailingZeros();
            digits = v.unscaledValue().toString();
            exponent = digits.length() - 1 - v.scale();
        }
        String frac = digits.substring(1);
        if (frac.length() < minDigits) {
            frac = frac + "0".repeat(minDigits - frac.length());
        }
        String exp = (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        return new String[] {sign + digits.charAt(0), frac, exp};
    }
}
