package dev.backprop.core.layer;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;

/**
 * One layer of a network, deep-learning-from-scratch style: {@link #forward} computes the layer's output and
 * caches what {@link #backward} needs; {@link #backward} turns dA = ∂J/∂A (times m, as the workshop's dA) into
 * dA_prev and keeps the gradients of the layer's parameters. Examples are columns: A_prev is (n^[l−1], m) and A is
 * (n^[l], m).
 *
 * <p>The parameters and their gradients are lists in a fixed order (W, b), so an
 * {@link dev.backprop.core.optim.Optimizer} updates any layer the same way.
 */
public interface Layer {

    /**
     * Makes the parameters for {@code nPrev} inputs, drawing from {@code random} in numpy's order (layer by layer,
     * W before b), and returns the layer's output size n^[l].
     */
    int build(int nPrev, NumpyRandom random);

    /** A = layer(A_prev); in training mode also caches what backward needs (and dropout drops). */
    Matrix forward(Matrix A_prev, boolean training);

    /** dA_prev from dA, after a training-mode {@link #forward}; keeps the parameters' gradients. */
    Matrix backward(Matrix dA);

    /**
     * {@link #backward} for the first layer, without dA_prev: there dA_prev would be ∂J/∂X, which nothing uses, so
     * only the parameters' gradients are kept (Keras and PyTorch skip it too; DLS's {@code L_model_backward} does
     * compute dA0). By default, {@link #backward} with its result dropped.
     */
    default void backwardToParameters(Matrix dA) {
        backward(dA);
    }

    /** The parameters (W, b for a dense layer), in the order the optimizer sees them; none by default. */
    default List<Matrix> parameters() {
        return List.of();
    }

    /** Replaces the parameters, in the order of {@link #parameters()}. */
    default void setParameters(List<Matrix> parameters) {
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(this + " has no parameters, got " + parameters.size());
        }
    }

    /** dW, db of the last {@link #backward}, in the order of {@link #parameters()}. */
    default List<Matrix> gradients() {
        return List.of();
    }

    /** Which parameters are weights (for L2), parallel to {@link #parameters()}. */
    default boolean[] weights() {
        return new boolean[0];
    }

    /** The output size n^[l], once built. */
    int units();

    /** Keras's layer type for the summary: Dense, Dropout. */
    String type();
}
