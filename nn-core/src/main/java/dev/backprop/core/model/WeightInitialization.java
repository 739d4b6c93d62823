package dev.backprop.core.model;

import dev.backprop.core.init.Initializer;
import dev.backprop.core.init.RandomNormal;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.TwoLayerNetwork.CostListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The Deep Learning Specialization's "Initialization" assignment: the same 3-layer network
 * LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID ([2, 10, 5, 1]) trained by batch gradient descent from three
 * starts, zeros, large random values and He's, on {@code make_circles}. Its published outcome, which
 * scripts/optim_reference.py reproduces: zeros 50 % / 50 % (train / test accuracy, the symmetry never breaks),
 * random × 10 83 % / 86 % (the first cost is infinite), He 99.3 % / 96 %.
 *
 * <p>The forward and backward passes are those of the optimization assignment ({@link Optimization}); the
 * initializers are {@link Initializer}'s, seeded 3 as the assignment seeds them.
 */
public final class WeightInitialization {

    /** The seed of every {@code initialize_parameters_*}: {@code np.random.seed(3)}. */
    public static final int SEED = 3;

    private WeightInitialization() {
    }

    /** What {@code model()} leaves: the trained parameters and the cost every 1000 iterations (0, 1000, ...). */
    public record ModelRun(DeepParameters parameters, List<Double> costs) {
    }

    /** DLS: {@code initialize_parameters_zeros(layers_dims)}: W^[l] = 0, b^[l] = 0. */
    public static DeepParameters initializeParametersZeros(int[] layersDims) {
        return DeepParameters.of(Initializer.zeros().initializeParameters(layersDims, SEED));
    }

    /** DLS: {@code initialize_parameters_random(layers_dims)}: W^[l] = randn(n^[l], n^[l−1]) · 10, seed 3. */
    public static DeepParameters initializeParametersRandom(int[] layersDims) {
        return DeepParameters.of(Initializer.random(RandomNormal.LARGE).initializeParameters(layersDims, SEED));
    }

    /** DLS: {@code initialize_parameters_he(layers_dims)}: W^[l] = randn(n^[l], n^[l−1]) · √(2 / n^[l−1]), seed 3. */
    public static DeepParameters initializeParametersHe(int[] layersDims) {
        return DeepParameters.of(Initializer.he().initializeParameters(layersDims, SEED));
    }

    /**
     * init_utils: {@code compute_loss(a3, Y)}: the cross-entropy averaged over the m examples, summed as
     * {@code np.nansum} does.
     * <pre>
     * J = (1/m) Σⱼ −y log a3 − (1 − y) log(1 − a3)
     * </pre>
     * Departure, made explicit: a saturated a3 (exactly 0 or 1) makes a term 0 · ∞ = NaN where it matches its
     * label; that term is taken as 0, its limit, as {@code np.nansum} does. Where a saturated a3 contradicts its
     * label the term, and the cost, is +∞, which is returned (the large-random start's first cost). An a3 outside
     * [0, 1] (NaN included) or a label other than 0 and 1 is an error.
     *
     * @throws IllegalArgumentException when a3 is not a probability, Y not 0 or 1, or the shapes differ
     */
    public static double computeLoss(Matrix a3, Matrix Y) {
        return Regularization.crossEntropyNansum("compute_loss", a3, Y);
    }

    /**
     * DLS: {@code model(X, Y, learning_rate=0.01, num_iterations=15000, print_cost=True, initialization="he")}:
     * <pre>
     * layers_dims = [X.shape[0], 10, 5, 1]
     * parameters = initialize_parameters_zeros | _random | _he (layers_dims)
     * for i in range(num_iterations):
     *     a3, cache = forward_propagation(X, parameters)
     *     cost = compute_loss(a3, Y)                          reported every 1000 iterations
     *     grads = backward_propagation(X, Y, cache)
     *     parameters = update_parameters(parameters, grads, learning_rate)
     * </pre>
     * Departures, as in {@link DeepNetwork#lLayerModel}: the cost is computed only on the iterations it is reported,
     * and each iteration runs in a {@link MatrixScope}.
     *
     * @param initialization "zeros", "random" or "he"
     * @throws IllegalStateException when the parameters stop being finite
     */
    public static ModelRun model(Matrix X, Matrix Y, double learningRate, int numIterations, CostListener listener,
                                 String initialization) {
        int[] layersDims = {X.rows(), 10, 5, 1};
        DeepParameters parameters = switch (initialization) {
            case "zeros" -> initializeParametersZeros(layersDims);
            case "random" -> initializeParametersRandom(layersDims);
            case "he" -> initializeParametersHe(layersDims);
            default -> throw new IllegalArgumentException("model: initialization must be \"zeros\", \"random\" or "
                    + "\"he\", got \"" + initialization + "\"");
        };
        parameters = parameters.to(X.backend());
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            try (MatrixScope scope = MatrixScope.open()) {
                DeepCaches cache = Optimization.forwardPropagation(X, parameters);
                if (i % 1000 == 0) {
                    double cost = computeLoss(cache.AL(), Y);
                    costs.add(cost);
                    listener.onCost(i, cost);
                }
                DeepGradients grads = Optimization.backwardPropagation(X, Y, cache);
                DeepParameters previous = parameters;
                parameters = scope.keep(DeepNetwork.updateParameters(parameters, grads, learningRate));
                previous.matrices().forEach(Matrix::release);
            }
        }
        for (Matrix p : parameters.matrices()) {
            if (!p.isFinite()) {
                throw new IllegalStateException("model: the parameters are not finite after " + numIterations
                        + " iterations (" + initialization + " initialization, learning rate " + learningRate + ")");
            }
        }
        return new ModelRun(parameters, costs);
    }
}
