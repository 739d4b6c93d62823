package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * The workshop's planar "flower": two classes of 200 points each, arranged as the petals of a flower, which no
 * straight line separates.
 */
public final class PlanarDataset {

    private PlanarDataset() {
    }

    /**
     * Workshop: {@code load_planar_dataset()}, draw for draw:
     * <pre>
     * np.random.seed(1); m = 400; N = 200; a = 4           # a: the maximum ray of the flower
     * for j in 0, 1:
     *     t = np.linspace(j*3.12, (j+1)*3.12, N) + np.random.randn(N)*0.2    # theta
     *     r = a*np.sin(4*t) + np.random.randn(N)*0.2                         # radius
     *     X[j*N:(j+1)*N] = np.c_[r*np.sin(t), r*np.cos(t)];  Y[j*N:(j+1)*N] = j
     * X = X.T; Y = Y.T
     * </pre>
     * Returns X (2, 400) and Y (1, 400), labels 0 (red) and 1 (blue).
     */
    public static Dataset loadPlanarDataset() {
        NumpyRandom random = new NumpyRandom(1);
        int m = 400;
        int N = m / 2;
        double a = 4;
        double[] X = new double[2 * m];
        double[] Y = new double[m];
        for (int j = 0; j < 2; j++) {
            double[] linspace = Matrix.linspace(j * 3.12, (j + 1) * 3.12, N).toArray();
            double[] noiseT = random.randn(N);
            double[] noiseR = random.randn(N);
            for (int i = 0; i < N; i++) {
                double t = linspace[i] + noiseT[i] * 0.2;
                double r = a * Math.sin(4 * t) + noiseR[i] * 0.2;
                int example = N * j + i;
                X[example] = r * Math.sin(t);
                X[m + example] = r * Math.cos(t);
                Y[example] = j;
            }
        }
        return new Dataset(Matrix.of(2, m, X), Matrix.of(1, m, Y));
    }
}
