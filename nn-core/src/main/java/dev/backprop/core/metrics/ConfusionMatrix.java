package dev.backprop.core.metrics;

import java.util.Arrays;

/**
 * The confusion matrix of the <i>Multi-layer Perceptron</i> deck: {@code counts[t][p]} is how many examples of true
 * class t were predicted as p (rows true, columns predicted, as scikit-learn's {@code confusion_matrix}). For two
 * classes with 1 as the positive class: {@code [[TN, FP], [FN, TP]]}.
 */
public record ConfusionMatrix(long[][] counts) {

    /** Counts predictions against the truth; every label must be in [0, classes). */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred, int classes) {
        if (yTrue.length != yPred.length) {
            throw new IllegalArgumentException("confusion_matrix: " + yTrue.length + " true labels but "
                    + yPred.length + " predictions");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("confusion_matrix: classes = " + classes + ", expected at least 1");
        }
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] < 0 || yTrue[i] >= classes || yPred[i] < 0 || yPred[i] >= classes) {
                throw new IllegalArgumentException("confusion_matrix: example " + i + " has true label " + yTrue[i]
                        + " and prediction " + yPred[i] + ", expected both in [0, " + classes + ")");
            }
            counts[yTrue[i]][yPred[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** The number of classes. */
    public int classes() {
        return counts.length;
    }

    /** Examples of true class t predicted as p. */
    public long get(int t, int p) {
        return counts[t][p];
    }

    /** True positives of class c: the diagonal. */
    public long truePositives(int c) {
        return counts[c][c];
    }

    /** False positives of class c: predicted c, but another class (column c without the diagonal). */
    public long falsePositives(int c) {
        long s = 0;
        for (int t = 0; t < classes(); t++) {
            s += t == c ? 0 : counts[t][c];
        }
        return s;
    }

    /** False negatives of class c: of class c, but predicted as another (row c without the diagonal). */
    public long falseNegatives(int c) {
        long s = 0;
        for (int p = 0; p < classes(); p++) {
            s += p == c ? 0 : counts[c][p];
        }
        return s;
    }

    /** True negatives of class c: neither of class c nor predicted c. */
    public long trueNegatives(int c) {
        return total() - truePositives(c) - falsePositives(c) - falseNegatives(c);
    }

    /** Support of class c: how many examples truly are of class c (row c). */
    public long support(int c) {
        return Arrays.stream(counts[c]).sum();
    }

    /** All examples. */
    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }

    /** The diagonal over the total: accuracy = (TP + TN) / (TP + TN + FP + FN) for two classes. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < classes(); c++) {
            right += counts[c][c];
        }
        return (double) right / total();
    }

    /** As numpy prints scikit-learn's {@code confusion_matrix}: {@code [[5 0]\n [1 3]]}, columns right-aligned. */
    @Override
    public String toString() {
        int width = 1;
        for (long[] row : counts) {
            for (long v : row) {
                width = Math.max(width, Long.toString(v).length());
            }
        }
        StringBuilder s = new StringBuilder("[");
        for (int t = 0; t < classes(); t++) {
            s.append(t == 0 ? "[" : " [");
            for (int p = 0; p < classes(); p++) {
                s.append(p == 0 ? "" : " ").append(String.format("%" + width + "d", counts[t][p]));
            }
            s.append(t == classes() - 1 ? "]" : "]\n");
        }
        return s.append("]").toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix c && Arrays.deepEquals(counts, c.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }
}
