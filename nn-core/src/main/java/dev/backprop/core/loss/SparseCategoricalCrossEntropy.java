package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Categorical cross-entropy with integer labels: Y is a row (1, m) of class indices 0 ≤ yⱼ &lt; n_classes, which
 * is {@link CategoricalCrossEntropy} on the one-hot columns of Y.
 * <pre>
 * onehot = [i = yⱼ]   (n_classes, m)      built as column(0, 1, ..., n−1) == Y, broadcast
 * ℒ = −log â_(y)      â = clip(ŷ, ε, 1 − ε)
 * ∂ℒ/∂ŷ = −onehot / â
 * </pre>
 * Guard: ŷ is clipped to [ε, 1 − ε], as for {@link CategoricalCrossEntropy}. Keras:
 * {@code SparseCategoricalCrossentropy}.
 */
public record SparseCategoricalCrossEntropy() implements CategoricalLoss {

    private static final CategoricalCrossEntropy CATEGORICAL = new CategoricalCrossEntropy();

    @Override
    public Matrix oneHot(Matrix Y, int classes) {
        if (Y.rows() != 1) {
            throw new IllegalArgumentException(this + ": Y must be a row of class indices (1, m), got shape "
                    + Y.shape().compact());
        }
        double[] indices = new double[classes];
        for (int i = 0; i < classes; i++) {
            indices[i] = i;
        }
        return Matrix.column(indices).to(Y.backend()).eq(Y);
    }

    private Matrix checkedOneHot(Matrix AL, Matrix Y) {
        Matrix onehot = oneHot(Y, AL.rows());
        if (Y.cols() != AL.cols()) {
            throw new IllegalArgumentException(this + ": AL has shape " + AL.shape().compact() + " but Y has shape "
                    + Y.shape().compact() + " (a row of " + AL.cols() + " class indices expected)");
        }
        if (onehot.sum() != Y.cols()) {
            checkLabels(Y, AL.rows());
        }
        return onehot;
    }

    /** Every label an integer class index 0 ≤ y &lt; n_classes; the message names the first example that is not. */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        if (Y.rows() != 1) {
            throw new IllegalArgumentException(this + ": Y must be a row of class indices (1, m), got shape "
                    + Y.shape().compact());
        }
        Checks.labelsIn(this, Y, 0, outputs - 1, true);
    }

    /** Checks that every label names a class (one number comes back from the backend). */
    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        return CATEGORICAL.loss(AL, checkedOneHot(AL, Y));
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        return CATEGORICAL.gradient(AL, checkedOneHot(AL, Y));
    }

    @Override
    public String toString() {
        return "sparse_categorical_crossentropy";
    }
}
