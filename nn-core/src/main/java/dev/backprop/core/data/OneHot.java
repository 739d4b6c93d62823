package dev.backprop.core.data;

import dev.backprop.core.matrix.HostMemory;
import dev.backprop.core.matrix.Matrix;

/** One-hot encoding of class labels: a column per example with a single 1 in the row of its class. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * Encodes labels 0..classes−1 as a (classes, m) matrix: {@code Y[c][i] = 1} if {@code labels[i] == c}, else 0.
     * Like {@code np.eye(classes)[labels].T}.
     *
     * @throws IllegalArgumentException naming the first label outside [0, classes), or the shape when (classes, m)
     *                                  is more than one matrix can hold
     */
    public static Matrix encode(int[] labels, int classes) {
        double[] y = HostMemory.doubles("one_hot", classes, labels.length);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("one_hot: label " + labels[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
            y[labels[i] * labels.length + i] = 1.0;
        }
        return Matrix.of(classes, labels.length, y);
    }

    /** The class of each column: the row of its largest entry, like {@code np.argmax(Y, axis=0)}. */
    public static int[] decode(Matrix Y) {
        double[] y = Y.toArray();
        int m = Y.cols();
        int[] labels = new int[m];
        for (int i = 0; i < m; i++) {
            for (int c = 1; c < Y.rows(); c++) {
                if (y[c * m + i] > y[labels[i] * m + i]) {
                    labels[i] = c;
                }
            }
        }
        return labels;
    }
}
