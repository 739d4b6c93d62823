package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/**
 * The examples of a regression: features X (n_x, m) and real-valued targets Y (1, m), one column per example.
 */
public record RegressionData(Matrix X, Matrix Y) {

    public RegressionData {
        if (X.cols() != Y.cols() || Y.rows() != 1) {
            throw new IllegalArgumentException("regression data: X " + X.shape().compact() + " and Y "
                    + Y.shape().compact() + " must have as many columns, and Y one row");
        }
    }

    /** How many examples. */
    public int m() {
        return X.cols();
    }

    /** The examples (columns) at the given indices, in that order, like {@code X[:, indices], Y[:, indices]}. */
    public RegressionData select(int[] indices) {
        return new RegressionData(X.columns(indices), Y.columns(indices));
    }
}
