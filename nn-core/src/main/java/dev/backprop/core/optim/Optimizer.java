package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import java.util.List;

/**
 * How a gradient becomes a step: the one contract every optimizer follows (tinygrad's {@code optim.py},
 * deep-learning-from-scratch's {@code update(params, grads)}).
 *
 * <p>Parameters and gradients come as two lists in the same fixed order (W1, b1, W2, b2, ... as
 * {@link dev.backprop.core.matrix.MatrixGroup#matrices()} gives them). An optimizer keeps its own state (velocity,
 * moments, step count), created on the first call with the parameters' shapes and on their backend, and matched
 * to the parameters by position. Matrices are values: {@code update} returns new parameters and modifies neither
 * list.
 *
 * <p>On a device, a loop that wraps each step in a {@link dev.backprop.core.matrix.MatrixScope} keeps the
 * optimizer's new state with the new parameters, and frees the old state as it frees the old parameters (the
 * state made on the first call is the scope's, freed when it closes):
 * <pre>{@code
 * try (MatrixScope scope = MatrixScope.open()) {
 *     ...forward, cost, backward...
 *     List<Matrix> previousState = optimizer.state().matrices();
 *     DeepParameters previous = parameters;
 *     parameters = scope.keep(DeepParameters.of(optimizer.update(parameters.matrices(), grads.matrices())));
 *     scope.keep(optimizer.state());
 *     previous.matrices().forEach(Matrix::release);
 *     previousState.forEach(Matrix::release);
 * }
 * }</pre>
 */
public interface Optimizer {

    /** A short name for command lines and summaries: {@code gd}, {@code momentum}, {@code adam}, ... */
    String name();

    /** θ ← step(θ, dθ) for each pair, in order; returns the updated parameters. */
    List<Matrix> update(List<Matrix> parameters, List<Matrix> gradients);

    /** The learning rate in force now (after any schedule). */
    double learningRate();

    /** Called by the training loop before each epoch (0, 1, ...), so that a learning-rate schedule can act. */
    default void startEpoch(int epoch) {
    }

    /**
     * The state the optimizer keeps between updates (velocity, moments), as it is now: a snapshot, for a scope to
     * keep and, once replaced by the next update, to release. None by default.
     */
    default MatrixGroup state() {
        return List::of;
    }
}
