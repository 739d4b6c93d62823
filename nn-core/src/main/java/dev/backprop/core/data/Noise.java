package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

/** The last two steps of make_moons and make_circles, in scikit-learn's order: shuffle, then add gaussian noise. */
final class Noise {

    private Noise() {
    }

    /** (n, 2) points X and labels y: shuffled if asked, then X += normal(scale=noise, size=X.shape) if noise > 0. */
    static Dataset shuffleAndAdd(double[] X, double[] y, boolean shuffle, double noise, NumpyRandom random) {
        if (shuffle) {
            int[] indices = ScikitLearnShuffle.indices(y.length, random);
            X = ScikitLearnShuffle.rows(X, 2, indices);
            y = ScikitLearnShuffle.labels(y, indices);
        }
        if (noise > 0) {
            // X += np.random.normal(scale=noise, size=X.shape), drawn in row-major order
            double[] e = random.normal(0, noise, X.length);
            for (int i = 0; i < X.length; i++) {
                X[i] += e[i];
            }
        }
        return Points.asColumns(X, 2, y);
    }
}
