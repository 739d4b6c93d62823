package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * Glorot and Bengio (2010), uniform, Keras's default for {@code Dense}:
 * <pre>
 * limit = √(6 / (n_prev + n));   W = np.random.uniform(−limit, limit, (n, n_prev))
 * </pre>
 */
public record GlorotUniform() implements Initializer {

    @Override
    public String name() {
        return "glorot-uniform";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        double limit = Math.sqrt(6. / (nPrev + n));
        return Matrix.of(n, nPrev, random.uniform(-limit, limit, n * nPrev));
    }
}
