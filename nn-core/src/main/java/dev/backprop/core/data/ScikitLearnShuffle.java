package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

/**
 * scikit-learn's {@code sklearn.utils.shuffle(X, y, random_state=generator)} on the examples of a generated data
 * set: {@code indices = np.arange(n); generator.shuffle(indices)}, then X[indices], y[indices]. Package-private: the
 * generators call it in the order scikit-learn does.
 */
final class ScikitLearnShuffle {

    private ScikitLearnShuffle() {
    }

    /** The examples' new order: {@code np.arange(n)} shuffled by {@code random}. */
    static int[] indices(int n, NumpyRandom random) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        random.shuffle(indices);
        return indices;
    }

    /** Rows of a row-major (n, d) array, reordered: {@code points[indices]}. */
    static double[] rows(double[] points, int d, int[] indices) {
        double[] out = new double[points.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(points, indices[i] * d, out, i * d, d);
        }
        return out;
    }

    /** {@code labels[indices]}. */
    static double[] labels(double[] labels, int[] indices) {
        double[] out = new double[labels.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }
}
