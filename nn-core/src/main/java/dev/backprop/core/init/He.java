package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * He et al. (2015): W = randn(n, n_prev) · √(2 / n_prev), DLS {@code initialize_parameters_he}. Keeps the variance
 * of ReLU activations the same from layer to layer.
 */
public record He() implements Initializer {

    @Override
    public String name() {
        return "he";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        return random.randn(n, nPrev).times(Math.sqrt(2. / nPrev));
    }
}
