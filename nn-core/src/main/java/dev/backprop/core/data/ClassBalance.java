package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * Balanced and imbalanced data (the <i>Multi-layer Perceptron</i> deck's "pay attention to your data: they may fool
 * your model"): class counts, an imbalanced variant of a data set, and class weights for the loss.
 */
public final class ClassBalance {

    private ClassBalance() {
    }

    /** How many examples each class has: {@code np.bincount(labels, minlength=classes)}. */
    public static int[] counts(LabeledData data) {
        int[] counts = new int[data.classes()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * An imbalanced variant: every example of {@code majority} is kept, and of each other class only
     * {@code keep} (a fraction in [0, 1]), drawn with {@code np.random.seed(seed)}; the original order stays.
     */
    public static LabeledData imbalanced(LabeledData data, int majority, double keep, int seed) {
        if (keep < 0 || keep > 1 || majority < 0 || majority >= data.classes()) {
            throw new IllegalArgumentException("imbalanced: keep " + keep + " must be in [0, 1] and class "
                    + majority + " in [0, " + data.classes() + ")");
        }
        NumpyRandom random = new NumpyRandom(seed);
        double[] u = random.rand(data.m());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < data.m(); i++) {
            if (data.labels()[i] == majority || u[i] < keep) {
                kept.add(i);
            }
        }
        return data.select(kept.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Keras's {@code class_weight}, "balanced" as scikit-learn's {@code compute_class_weight} computes it:
     * <pre>
     * w_c = m / (classes · count_c)
     * </pre>
     * so every class contributes equally to the loss; a class with no examples gets weight 0.
     */
    public static double[] classWeights(LabeledData data) {
        int[] counts = counts(data);
        double[] w = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            w[c] = counts[c] == 0 ? 0 : (double) data.m() / (counts.length * (double) counts[c]);
        }
        return w;
    }

    /**
     * The weight of each example, {@code w[labels[i]]}, as a row (1, m): a loss multiplies each example's loss by
     * it before averaging, {@code J = (1/m) Σ_i weights_i · L(ŷ_i, y_i)}, as Keras does with {@code class_weight}.
     */
    public static Matrix sampleWeights(LabeledData data, double[] classWeights) {
        if (classWeights.length != data.classes()) {
            throw new IllegalArgumentException("sampleWeights: " + classWeights.length + " class weights for "
                    + data.classes() + " classes");
        }
        double[] w = new double[data.m()];
        for (int i = 0; i < w.length; i++) {
            w[i] = classWeights[data.labels()[i]];
        }
        return Matrix.row(w);
    }
}
