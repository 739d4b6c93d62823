package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * Glorot and Bengio (2010), normal: W = randn(n, n_prev) · √(2 / (n_prev + n)). (Keras's {@code GlorotNormal}
 * truncates the normal at two standard deviations; this one does not, as PyTorch's {@code xavier_normal_}.)
 */
public record GlorotNormal() implements Initializer {

    @Override
    public String name() {
        return "glorot-normal";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        return random.randn(n, nPrev).times(Math.sqrt(2. / (nPrev + n)));
    }
}
