package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/** XOR: the class is 1 where exactly one coordinate is positive, a set no straight line separates. */
public final class Xor {

    private Xor() {
    }

    /**
     * The XOR truth table of the <em>Intro to Deep Learning</em> deck: (0,0) and (1,1) are class 0, (1,0) and (0,1)
     * class 1. X (2, 4), Y (1, 4).
     */
    public static Dataset truthTable() {
        return new Dataset(Matrix.of(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}}), Matrix.row(0, 1, 1, 0));
    }

    /**
     * m points with standard-normal coordinates labelled by XOR, as scikit-learn's non-linear SVM example draws
     * them ({@code X = np.random.randn(m, 2); y = np.logical_xor(X[:, 0] > 0, X[:, 1] > 0)}). X (2, m), Y (1, m).
     */
    public static Dataset gaussian(int m, NumpyRandom random) {
        Points.checkSamples("xor", m);
        double[] X = random.randn(2 * m);
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = (X[2 * i] > 0) != (X[2 * i + 1] > 0) ? 1 : 0;
        }
        return Points.asColumns(X, 2, y);
    }
}
