package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * A loss with each example weighted by its class, Keras's {@code class_weight}: rare classes count as much as
 * common ones (the <i>Multi-layer Perceptron</i> deck's balanced and imbalanced data).
 * <pre>
 * ℒ_w⁽ʲ⁾ = w_{c(j)} · ℒ⁽ʲ⁾          c(j) the class of example j            (1, m)
 * J     = (1/m) Σⱼ w_{c(j)} ℒ⁽ʲ⁾    Keras: 'sum_over_batch_size' with class_weight
 * dAL   = w_{c(j)} · ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾    column by column                        (n, m)
 * </pre>
 * The class of an example is the row of the 1 in a one-hot column of Y, or the label itself in a label row (1, m).
 */
public final class ClassWeightedLoss implements Loss {

    private final Loss loss;
    private final double[] classWeights;

    /** {@code loss} weighted by {@code classWeights[c]} for the examples of class c. */
    public ClassWeightedLoss(Loss loss, double[] classWeights) {
        for (int c = 0; c < classWeights.length; c++) {
            if (!(classWeights[c] >= 0 && Double.isFinite(classWeights[c]))) {
                throw new IllegalArgumentException("class weights: weight " + classWeights[c] + " of class " + c
                        + " must be a finite number ≥ 0");
            }
        }
        this.loss = loss;
        this.classWeights = classWeights.clone();
    }

    /**
     * scikit-learn's {@code compute_class_weight("balanced")}: {@code w_c = m / (classes · count_c)}, 0 for a class
     * with no examples.
     */
    public static double[] balanced(Matrix Y, int classes) {
        int[] counts = new int[classes];
        for (int c : classes(Y, classes)) {
            counts[c]++;
        }
        double[] w = new double[classes];
        for (int c = 0; c < classes; c++) {
            w[c] = counts[c] == 0 ? 0 : (double) Y.cols() / (classes * (double) counts[c]);
        }
        return w;
    }

    /** The loss that is weighted. */
    public Loss unweighted() {
        return loss;
    }

    /** The weight of each example, w_{c(j)}, as a row (1, m). */
    public Matrix sampleWeights(Matrix Y) {
        int[] c = classes(Y, classWeights.length);
        double[] w = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            w[j] = classWeights[c[j]];
        }
        return Matrix.row(w);
    }

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        return loss.loss(AL, Y).times(sampleWeights(Y));
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        return loss.gradient(AL, Y).times(sampleWeights(Y));
    }

    @Override
    public void checkLabels(Matrix Y, int outputs) {
        loss.checkLabels(Y, outputs);
        classes(Y, classWeights.length);
    }

    private static int[] classes(Matrix Y, int classes) {
        double[][] y = Y.toArray2D();
        int[] c = new int[Y.cols()];
        for (int j = 0; j < c.length; j++) {
            if (Y.rows() > 1) {
                int best = 0;
                for (int i = 1; i < Y.rows(); i++) {
                    if (y[i][j] > y[best][j]) {
                        best = i;
                    }
                }
                c[j] = best;
            } else {
                double v = y[0][j];
                if (v != Math.rint(v) || v < 0 || v >= classes) {
                    throw new IllegalArgumentException("class weights: label " + v + " of example " + j
                            + " is not a class in [0, " + classes + ")");
                }
                c[j] = (int) v;
            }
        }
        return c;
    }

    @Override
    public String toString() {
        return "class_weighted(" + loss + ")";
    }
}
