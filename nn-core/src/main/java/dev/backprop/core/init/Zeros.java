package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;

/**
 * W = 0, DLS {@code initialize_parameters_zeros}: every unit of a layer computes the same thing and gets the same
 * gradient, so the symmetry is never broken. Draws nothing.
 */
public record Zeros() implements Initializer {

    @Override
    public String name() {
        return "zeros";
    }

    @Override
    public Matrix weights(int n, int nPrev, NumpyRandom random) {
        return Matrix.zeros(n, nPrev);
    }
}
