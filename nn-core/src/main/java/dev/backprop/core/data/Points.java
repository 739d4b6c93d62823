package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/** Turns scikit-learn's row-per-example arrays into the workshop's columns: X (n, d) → X.T (d, n), y → (1, n). */
final class Points {

    private Points() {
    }

    static Dataset asColumns(double[] rowMajor, int d, double[] labels) {
        return new Dataset(Matrix.of(labels.length, d, rowMajor).T().contiguous(), Matrix.row(labels));
    }

    static int checkSamples(String generator, int nSamples) {
        if (nSamples < 1) {
            throw new IllegalArgumentException(generator + ": n_samples must be ≥ 1, got " + nSamples);
        }
        return nSamples;
    }

    static double checkNoise(String generator, double noise) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException(generator + ": noise must be ≥ 0, got " + noise);
        }
        return noise;
    }
}
