package dev.backprop.core.train;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * What {@link TrainingLoop} trains: a model whose parameters are a list (W1, b1, W2, b2, ...) and which can take one
 * step on a batch: forward propagation, cost, backward propagation. The workshop's {@code nn_model} and
 * {@code L_layer_model}, logistic regression and {@link Sequential} are each a {@code Trainable}, so one loop trains
 * them all. Examples are columns: X is (n_x, m), Y is (n_y, m).
 */
public interface Trainable {

    /** The parameters in a fixed order, the order the optimizer sees them. */
    List<Matrix> parameters();

    /** Replaces the parameters (the same order and shapes as {@link #parameters()}). */
    void setParameters(List<Matrix> parameters);

    /**
     * One step on a batch in training mode: forward propagation, the cost J of the batch and backward propagation.
     * Returns J and ∂J/∂θ for every parameter, in the order of {@link #parameters()}.
     */
    Step step(Matrix X, Matrix Y);

    /** Forward propagation in evaluation mode (no dropout): the output A^[L] (n_y, m). */
    Matrix output(Matrix X);

    /** The cost J of the output A^[L] against Y (no regularisation term), as {@link #step} computes it. */
    double cost(Matrix AL, Matrix Y);

    /**
     * Which parameters are weights, for the L2 penalty (λ/2m) Σ‖W‖²: true at the index of every W, false for the
     * biases. By default none.
     */
    default boolean[] weights() {
        return new boolean[parameters().size()];
    }

    /**
     * The parameters' names in the order of {@link #parameters()} ({@code W1, b1, W2, …}), for messages; by default
     * none (an empty list), and messages number the parameters instead.
     */
    default List<String> parameterNames() {
        return List.of();
    }

    /** Checks the labels once before training (a label outside the loss's domain); by default accepts any. */
    default void checkLabels(Matrix Y) {
    }

    /** J and the gradients dθ of one batch, in the order of {@link #parameters()}. */
    record Step(double cost, List<Matrix> gradients) {

        public Step {
            gradients = List.copyOf(gradients);
        }
    }
}
