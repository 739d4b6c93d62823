package dev.backprop.core.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall, F1 and support for every class and their averages, laid out as scikit-learn's
 * {@code classification_report} prints them, digit for digit. Workshop (deck: "Model Evaluation"):
 * <pre>
 * precision_c = TP_c / (TP_c + FP_c)    recall_c = TP_c / (TP_c + FN_c)    F1_c = 2 P_c R_c / (P_c + R_c)
 * macro    = (1/K) Σ_c value_c          weighted = Σ_c support_c · value_c / Σ_c support_c
 * micro    = from Σ_c TP_c, Σ_c FP_c, Σ_c FN_c  (= accuracy here)
 * </pre>
 * Every class 0..K−1 gets a row, also a class that occurs in neither the truth nor the predictions, where
 * scikit-learn leaves it out unless it is given {@code labels=range(K)}.
 */
public record ClassificationReport(ConfusionMatrix confusionMatrix, List<String> targetNames) {

    /** A report on predictions, classes named 0, 1, … */
    public static ClassificationReport of(int[] yTrue, int[] yPred, int classes) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        return new ClassificationReport(ConfusionMatrix.of(yTrue, yPred, classes), List.copyOf(names));
    }

    /** The same report with the classes named (sklearn's {@code target_names}). */
    public ClassificationReport named(List<String> names) {
        if (names.size() != confusionMatrix.classes()) {
            throw new IllegalArgumentException("classification_report: " + names.size() + " target names for "
                    + confusionMatrix.classes() + " classes");
        }
        return new ClassificationReport(confusionMatrix, List.copyOf(names));
    }

    public double precision(int c) {
        return Metrics.precision(confusionMatrix, c);
    }

    public double recall(int c) {
        return Metrics.recall(confusionMatrix, c);
    }

    public double f1(int c) {
        return Metrics.f1(confusionMatrix, c);
    }

    public long support(int c) {
        return confusionMatrix.support(c);
    }

    public double accuracy() {
        return confusionMatrix.accuracy();
    }

    /** Averaged precision. */
    public double precision(Average average) {
        return average(average, 0);
    }

    /** Averaged recall. */
    public double recall(Average average) {
        return average(average, 1);
    }

    /** Averaged F1 (macro: the mean of the per-class F1, as scikit-learn, not F1 of the mean P and R). */
    public double f1(Average average) {
        return average(average, 2);
    }

    private double average(Average average, int which) {
        ConfusionMatrix cm = confusionMatrix;
        int K = cm.classes();
        if (average == Average.MICRO) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int c = 0; c < K; c++) {
                tp += cm.truePositives(c);
                fp += cm.falsePositives(c);
                fn += cm.falseNegatives(c);
            }
            return switch (which) {
                case 0 -> Metrics.ratio(tp, tp + fp);
                case 1 -> Metrics.ratio(tp, tp + fn);
                default -> Metrics.f1(Metrics.ratio(tp, tp + fp), Metrics.ratio(tp, tp + fn));
            };
        }
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < K; c++) {
            double value = which == 0 ? precision(c) : which == 1 ? recall(c) : f1(c);
            double w = average == Average.MACRO ? 1 : support(c);
            sum += w * value;
            weights += w;
        }
        return Metrics.ratio(sum, weights);
    }

    /** {@code classification_report(y_true, y_pred)}: two decimals. */
    @Override
    public String toString() {
        return format(2);
    }

    /**
     * {@code classification_report(y_true, y_pred, target_names=…, digits=digits)}, the same text: a header, one
     * row per class, then accuracy, macro avg and weighted avg, numbers rounded half-to-even as Python's format.
     */
    public String format(int digits) {
        String last = "weighted avg";
        int width = Math.max(last.length(), digits);
        for (String name : targetNames) {
            width = Math.max(width, name.length());
        }
        StringBuilder s = new StringBuilder();
        s.append(" ".repeat(width)).append(' ');
        for (String h : new String[] {"precision", "recall", "f1-score", "support"}) {
            s.append(' ').append(pad(h, 9));
        }
        s.append("\n\n");
        for (int c = 0; c < confusionMatrix.classes(); c++) {
            row(s, targetNames.get(c), width, digits, precision(c), recall(c), f1(c), support(c));
        }
        s.append('\n');
        long total = confusionMatrix.total();
        s.append(pad("accuracy", width)).append(' ').append(' ').append(" ".repeat(9)).append(' ')
                .append(" ".repeat(9)).append(' ').append(pad(fixed(accuracy(), digits), 9)).append(' ')
                .append(pad(Long.toString(total), 9)).append('\n');
        row(s, "macro avg", width, digits, precision(Average.MACRO), recall(Average.MACRO), f1(Average.MACRO), total);
        row(s, "weighted avg", width, digits, precision(Average.WEIGHTED), recall(Average.WEIGHTED),
                f1(Average.WEIGHTED), total);
        return s.toString();
    }

    private static void row(StringBuilder s, String name, int width, int digits, double p, double r, double f,
            long support) {
        s.append(pad(name, width)).append(' ');
        for (double v : new double[] {p, r, f}) {
            s.append(' ').append(pad(fixed(v, digits), 9));
        }
        s.append(' ').append(pad(Long.toString(support), 9)).append('\n');
    }

    /** Python's {@code format(v, '.{digits}f')}: the exact binary value rounded half to even. */
    static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
