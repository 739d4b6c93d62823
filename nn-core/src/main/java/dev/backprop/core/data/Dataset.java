package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/** A labelled data set with examples as columns: X is (n_x, m), Y is (n_y, m). */
public record Dataset(Matrix X, Matrix Y) {

    public Dataset {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("Dataset: X " + X.shape().compact() + " and Y " + Y.shape().compact()
                    + " must have the same number of examples (columns)");
        }
    }

    /** m, the number of examples. */
    public int m() {
        return X.cols();
    }
}
