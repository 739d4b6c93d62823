package dev.backprop.core.data;

import dev.backprop.core.random.NumpyRandom;

/**
 * A small circle inside a large one: scikit-learn's {@code make_circles}, the data of the DLS initialization
 * assignment.
 */
public final class Circles {

    private Circles() {
    }

    /**
     * {@code sklearn.datasets.make_circles(n_samples, shuffle=True, noise=noise, factor=0.8)} drawing from
     * {@code random} as scikit-learn draws from numpy's global generator: the DLS initialization data is
     * {@code makeCircles(300, 0.05, new NumpyRandom(1))} (training) and {@code (100, 0.05, new NumpyRandom(2))} (test).
     */
    public static Dataset makeCircles(int nSamples, double noise, NumpyRandom random) {
        return makeCircles(nSamples, true, noise, 0.8, random);
    }

    /**
     * {@code make_circles(n_samples, shuffle, noise, factor)}:
     * <pre>
     * outer: (cos t, sin t),                 t = linspace(0, 2π, n_samples // 2, endpoint=False)      label 0
     * inner: factor · (cos t, sin t),        t = linspace(0, 2π, n − n // 2, endpoint=False)          label 1
     * shuffle the examples, then X += normal(scale=noise, size=(n, 2))
     * </pre>
     * Returns X (2, n) and Y (1, n); a noise of 0 draws nothing, as scikit-learn's {@code noise=None}.
     */
    public static Dataset makeCircles(int nSamples, boolean shuffle, double noise, double factor,
                                      NumpyRandom random) {
        Points.checkSamples("make_circles", nSamples);
        Points.checkNoise("make_circles", noise);
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("make_circles: factor must be in [0, 1), got " + factor);
        }
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        double[] X = new double[2 * nSamples];
        double[] y = new double[nSamples];
        // np.linspace(0, 2π, n, endpoint=False) = arange(n) · (2π / n)
        double stepOut = 2 * Math.PI / nOut;
        for (int i = 0; i < nOut; i++) {
            X[2 * i] = Math.cos(i * stepOut);
            X[2 * i + 1] = Math.sin(i * stepOut);
        }
        double stepIn = 2 * Math.PI / nIn;
        for (int i = 0; i < nIn; i++) {
            X[2 * (nOut + i)] = Math.cos(i * stepIn) * factor;
            X[2 * (nOut + i) + 1] = Math.sin(i * stepIn) * factor;
            y[nOut + i] = 1;
        }
        return Noise.shuffleAndAdd(X, y, shuffle, noise, random);
    }
}
