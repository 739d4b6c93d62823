package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * W = randn(n, n_prev) · √(1 / n_prev): what the DLS lectures call Xavier initialization, for tanh (also LeCun's
 * normal). {@link GlorotNormal} is Glorot and Bengio's own, which averages fan-in and fan-out.
 */
public record Xavier() implements Initializer {

    @Override
    public String name() {
        return "xavier";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        return random.randn(n, nPrev).times(Math.sqrt(1. / nPrev));
    }
}
