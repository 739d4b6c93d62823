package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * Two interleaving half circles: scikit-learn's {@code make_moons}, the data of the DLS optimization assignment.
 */
public final class Moons {

    private Moons() {
    }

    /**
     * {@code sklearn.datasets.make_moons(n_samples, shuffle=True, noise=noise)} drawing from {@code random}, as
     * scikit-learn draws from numpy's global generator when {@code random_state} is None: so
     * {@code np.random.seed(3); make_moons(300, noise=.2)} is {@code makeMoons(300, 0.2, new NumpyRandom(3))},
     * point for point.
     * <pre>
     * outer: (cos t, sin t),            t = linspace(0, π, n_samples // 2)          label 0
     * inner: (1 − cos t, 1 − sin t − ½), t = linspace(0, π, n_samples − n // 2)     label 1
     * shuffle the examples (np.arange + shuffle), then X += normal(scale=noise, size=(n, 2))
     * </pre>
     * Returns X (2, n) and Y (1, n). A noise of 0 draws nothing, as scikit-learn's {@code noise=None} (its
     * {@code noise=0.0} would still draw the zero noise from the generator).
     */
    public static Dataset makeMoons(int nSamples, double noise, NumpyRandom random) {
        return makeMoons(nSamples, true, noise, random);
    }

    /** {@code make_moons(n_samples, shuffle, noise)}; with shuffle false the outer moon comes first. */
    public static Dataset makeMoons(int nSamples, boolean shuffle, double noise, NumpyRandom random) {
        Points.checkSamples("make_moons", nSamples);
        Points.checkNoise("make_moons", noise);
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        double[] tOut = Matrix.linspace(0, Math.PI, nOut).toArray();
        double[] tIn = Matrix.linspace(0, Math.PI, nIn).toArray();
        double[] X = new double[2 * nSamples];
        double[] y = new double[nSamples];
        for (int i = 0; i < nOut; i++) {
            X[2 * i] = Math.cos(tOut[i]);
            X[2 * i + 1] = Math.sin(tOut[i]);
        }
        for (int i = 0; i < nIn; i++) {
            X[2 * (nOut + i)] = 1 - Math.cos(tIn[i]);
            X[2 * (nOut + i) + 1] = 1 - Math.sin(tIn[i]) - 0.5;
            y[nOut + i] = 1;
        }
        return Noise.shuffleAndAdd(X, y, shuffle, noise, random);
    }
}
