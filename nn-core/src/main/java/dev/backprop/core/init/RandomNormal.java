package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * W = randn(n, n_prev) · scale. With 0.01 it is the workshop's {@code initialize_parameters}; with 10 it is DLS's
 * {@code initialize_parameters_random}, whose large weights saturate the sigmoid and start with a huge cost.
 */
public record RandomNormal(double scale) implements Initializer {

    /** The workshop's 0.01. */
    public static final double SMALL = 0.01;
    /** DLS's "large" 10. */
    public static final double LARGE = 10;

    public RandomNormal {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("random initialization: scale must be a positive number, got " + scale);
        }
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        return random.randn(n, nPrev).times(scale);
    }
}
