package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

/** Gaussian clusters around random centres: scikit-learn's {@code make_blobs}. */
public final class Blobs {

    private Blobs() {
    }

    /** {@code make_blobs(n_samples, n_features=2, centers, cluster_std)} with the centre box (−10, 10), shuffled. */
    public static Dataset makeBlobs(int nSamples, int centers, double clusterStd, NumpyRandom random) {
        return makeBlobs(nSamples, 2, centers, clusterStd, -10.0, 10.0, true, random);
    }

    /**
     * {@code sklearn.datasets.make_blobs(n_samples, n_features, centers, cluster_std, center_box, shuffle)} drawing
     * from {@code random} as scikit-learn draws from numpy's global generator:
     * <pre>
     * centers = uniform(box_low, box_high, size=(centers, n_features))
     * n_samples // centers points per centre (the first n_samples % centers get one more)
     * for centre i: X[...] = normal(loc=centers[i], scale=cluster_std, size=(n_i, n_features));  y = i
     * shuffle the examples
     * </pre>
     * Returns X (n_features, n) and Y (1, n) holding the centre's index 0..centers−1.
     */
    public static Dataset makeBlobs(int nSamples, int nFeatures, int centers, double clusterStd, double centerBoxLow,
                                    double centerBoxHigh, boolean shuffle, NumpyRandom random) {
        Points.checkSamples("make_blobs", nSamples);
        if (nFeatures < 1 || centers < 1) {
            throw new IllegalArgumentException("make_blobs: n_features and centers must be ≥ 1, got " + nFeatures
                    + " and " + centers);
        }
        if (!(clusterStd >= 0) || !Double.isFinite(clusterStd)) {
            throw new IllegalArgumentException("make_blobs: cluster_std must be ≥ 0, got " + clusterStd);
        }
        double[] centres = random.uniform(centerBoxLow, centerBoxHigh, centers * nFeatures);
        double[] X = new double[nSamples * nFeatures];
        double[] y = new double[nSamples];
        int start = 0;
        for (int i = 0; i < centers; i++) {
            int n = nSamples / centers + (i < nSamples % centers ? 1 : 0);
            for (int r = start; r < start + n; r++) {
                for (int c = 0; c < nFeatures; c++) {
                    // normal(loc=centers[i], scale=cluster_std): loc + scale · gauss, row-major
                    X[r * nFeatures + c] = centres[i * nFeatures + c] + clusterStd * random.gauss();
                }
                y[r] = i;
            }
            start += n;
        }
        if (shuffle) {
            int[] indices = ScikitLearnShuffle.indices(nSamples, random);
            X = ScikitLearnShuffle.rows(X, nFeatures, indices);
            y = ScikitLearnShuffle.labels(y, indices);
        }
        return Points.asColumns(X, nFeatures, y);
    }
}
