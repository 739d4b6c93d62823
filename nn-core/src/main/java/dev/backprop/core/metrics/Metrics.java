package dev.backprop.core.metrics;

/**
 * The deck's classification metrics, per class c, from the {@link ConfusionMatrix}:
 * <pre>
 * accuracy  = (TP + TN) / (TP + TN + FP + FN)    (for many classes: the diagonal over all)
 * precision = TP / (TP + FP)
 * recall    = TP / (TP + FN)
 * F1        = 2 · precision · recall / (precision + recall)
 * </pre>
 * A ratio whose denominator is 0 is 0, as scikit-learn's default {@code zero_division} gives (with a warning).
 */
public final class Metrics {

    private Metrics() {
    }

    /** The fraction of predictions that are right: {@code np.mean(y_pred == y_true)}. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        if (yTrue.length != yPred.length || yTrue.length == 0) {
            throw new IllegalArgumentException("accuracy: " + yTrue.length + " true labels and " + yPred.length
                    + " predictions; expected as many, at least one");
        }
        int right = 0;
        for (int i = 0; i < yTrue.length; i++) {
            right += yTrue[i] == yPred[i] ? 1 : 0;
        }
        return (double) right / yTrue.length;
    }

    /** precision = TP / (TP + FP) of class c. */
    public static double precision(ConfusionMatrix cm, int c) {
        return ratio(cm.truePositives(c), cm.truePositives(c) + cm.falsePositives(c));
    }

    /** recall = TP / (TP + FN) of class c. */
    public static double recall(ConfusionMatrix cm, int c) {
        return ratio(cm.truePositives(c), cm.truePositives(c) + cm.falseNegatives(c));
    }

    /**
     * F1 = 2 · precision · recall / (precision + recall) of class c, the harmonic mean, computed from P and R as
     * the deck writes it (and as scikit-learn does, to the last bit).
     */
    public static double f1(ConfusionMatrix cm, int c) {
        return f1(precision(cm, c), recall(cm, c));
    }

    /** F1 = 2PR / (P + R); 0 when P + R = 0. */
    static double f1(double precision, double recall) {
        return ratio(2 * precision * recall, precision + recall);
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }
}
