package dev.backprop.core.model;

import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.matrix.UnaryOp;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.Predictions;
import dev.backprop.core.train.PrintCost;
import dev.backprop.core.train.Trainable;
import dev.backprop.core.train.TrainingLoop;
import java.util.List;

/**
 * The workshop's network with one hidden layer ("The Algorithm" of the <i>Intro to Deep Learning</i> deck): LINEAR → TANH → LINEAR → SIGMOID,
 * trained by gradient descent on the cross-entropy cost. Each method is one function of the workshop's numpy
 * code, with the same name in camelCase and the same argument order. Examples are columns: X is (n_x, m) and
 * Y is (n_y, m).
 *
 * <p>The math runs on whatever {@link dev.backprop.core.matrix.Backend} X lives on: the same code trains on the
 * CPU or on an OpenCL device.
 */
public final class TwoLayerNetwork {

    /** The learning rate the workshop's {@code update_parameters} uses by default. */
    public static final double LEARNING_RATE = 1.2;

    /** The seed of the workshop's {@code initialize_parameters}: {@code np.random.seed(2)}. */
    public static final int SEED = 2;

    private TwoLayerNetwork() {
    }

    /** The sizes of the three layers: input n_x, hidden n_h, output n_y. */
    public record LayerSizes(int n_x, int n_h, int n_y) {
    }

    /** W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1). The workshop's {@code parameters} dict. */
    public record Parameters(Matrix W1, Matrix b1, Matrix W2, Matrix b2) implements MatrixGroup {
        @Override
        public List<Matrix> matrices() {
            return List.of(W1, b1, W2, b2);
        }

        /** The parameters in the order of {@link #matrices()}. */
        public static Parameters of(List<Matrix> m) {
            return new Parameters(m.get(0), m.get(1), m.get(2), m.get(3));
        }

        /** The same parameters on another backend, like {@code DeepParameters.to}. */
        public Parameters to(Backend backend) {
            return of(matrices().stream().map(m -> m.to(backend)).toList());
        }
    }

    /** What forward propagation remembers for the backward pass: Z1, A1 (n_h, m), Z2, A2 (n_y, m). */
    public record Cache(Matrix Z1, Matrix A1, Matrix Z2, Matrix A2) implements MatrixGroup {
        @Override
        public List<Matrix> matrices() {
            return List.of(Z1, A1, Z2, A2);
        }
    }

    /** ∂J/∂W1, ∂J/∂b1, ∂J/∂W2, ∂J/∂b2, each with the shape of its parameter. The workshop's {@code grads}. */
    public record Gradients(Matrix dW1, Matrix db1, Matrix dW2, Matrix db2) implements MatrixGroup {
        @Override
        public List<Matrix> matrices() {
            return List.of(dW1, db1, dW2, db2);
        }
    }

    /** Receives the cost during training, e.g. to print {@code Cost after iteration 1000: 0.288083}. */
    @FunctionalInterface
    public interface CostListener {
        void onCost(int iteration, double cost);
    }

    /**
     * Workshop: {@code layer_sizes(X, Y)}. n_x = X.shape[0], n_h = 4 (the workshop's default hidden size),
     * n_y = Y.shape[0].
     */
    public static LayerSizes layerSizes(Matrix X, Matrix Y) {
        return new LayerSizes(X.rows(), 4, Y.rows());
    }

    /**
     * Workshop: {@code initialize_parameters(n_x, n_h, n_y)}, with {@code np.random.seed(2)} first as the workshop
     * notebook does, so that every run starts from the same weights.
     * <pre>
     * W1 = np.random.randn(n_h, n_x) * 0.01     (n_h, n_x)
     * b1 = np.zeros((n_h, 1))                   (n_h, 1)
     * W2 = np.random.randn(n_y, n_h) * 0.01     (n_y, n_h)
     * b2 = np.zeros((n_y, 1))                   (n_y, 1)
     * </pre>
     * Small random weights break the symmetry between hidden units; zero biases are fine.
     */
    public static Parameters initializeParameters(int n_x, int n_h, int n_y) {
        return initializeParameters(n_x, n_h, n_y, SEED);
    }

    /**
     * {@code initialize_parameters(n_x, n_h, n_y)} after {@code np.random.seed(seed)}.
     *
     * @throws IllegalArgumentException when a size is below 1, naming it (n_x, n_h or n_y)
     */
    public static Parameters initializeParameters(int n_x, int n_h, int n_y, int seed) {
        requireSize("n_x", n_x);
        requireSize("n_h", n_h);
        requireSize("n_y", n_y);
        NumpyRandom random = new NumpyRandom(seed);
        Matrix W1 = random.randn(n_h, n_x).times(0.01);
        Matrix b1 = Matrix.zeros(n_h, 1);
        Matrix W2 = random.randn(n_y, n_h).times(0.01);
        Matrix b2 = Matrix.zeros(n_y, 1);
        return new Parameters(W1, b1, W2, b2);
    }

    private static void requireSize(String name, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("initialize_parameters: " + name + " = " + n
                    + ", a layer needs at least 1 unit");
        }
    }

    /**
     * Workshop: {@code forward_propagation(X, parameters)}.
     * <pre>
     * Z1 = W1 · X + b1      (n_h, m)
     * A1 = tanh(Z1)         (n_h, m)
     * Z2 = W2 · A1 + b2     (n_y, m)
     * A2 = σ(Z2)            (n_y, m)   the probability that y = 1
     * </pre>
     * Returns the cache; A2 is {@code cache.A2()}.
     *
     * @throws IllegalArgumentException when X does not have W1's n_x rows (examples are columns) or holds NaN/±∞
     */
    public static Cache forwardPropagation(Matrix X, Parameters parameters) {
        if (X.rows() != parameters.W1().cols()) {
            throw new IllegalArgumentException("forward_propagation: W1 has shape " + parameters.W1().shape().compact()
                    + " but X has shape " + X.shape().compact() + ": X is (n_x, m), one example per column");
        }
        X.requireFinite("forward_propagation", "X", "");
        return forward(X, parameters);
    }

    /** forward_propagation without the checks, for the training loop (which checks X once). */
    private static Cache forward(Matrix X, Parameters parameters) {
        Matrix Z1 = parameters.W1().dotPlus(X, parameters.b1());
        Matrix A1 = Z1.tanh();
        Matrix Z2 = parameters.W2().dotPlus(A1, parameters.b2());
        Matrix A2 = sigmoid(Z2);
        return new Cache(Z1, A1, Z2, A2);
    }

    /** Workshop: {@code sigmoid(z)} = 1 / (1 + e^(−z)). */
    public static Matrix sigmoid(Matrix z) {
        return z.map(UnaryOp.SIGMOID, 0);
    }

    /**
     * Workshop: {@code compute_cost(A2, Y, parameters)}, the cross-entropy cost.
     * <pre>
     * J = −(1/m) Σᵢ ( y⁽ⁱ⁾ log a⁽ⁱ⁾ + (1 − y⁽ⁱ⁾) log(1 − a⁽ⁱ⁾) )
     * </pre>
     * The workshop's signature also takes the parameters (for regularisation, later); this one does not need them.
     *
     * <p>The engine's cross-entropy rule: the workshop's {@code compute_cost} functions (this one and
     * {@link DeepNetwork#computeCost(Matrix, Matrix)}) compute the formula exactly, unclipped, so DLS's published
     * values reproduce and a confidently wrong saturated output (a = 1 for y = 0) gives ∞, which the training loop
     * reports as divergence. The {@link BinaryCrossEntropy} loss object (Keras's) evaluates the same formula at
     * clip(a, ε, 1 − ε); inside [ε, 1 − ε] the two agree to the last bit. No gradient is clipped: training uses
     * dZ = A − Y (here {@link #backwardPropagation}'s dZ2).
     *
     * @throws IllegalArgumentException when A2 and Y differ in shape, A2 holds a value outside [0, 1] or NaN, or a
     *                                  label is outside [0, 1]
     */
    public static double computeCost(Matrix A2, Matrix Y) {
        if (!A2.shape().equals(Y.shape())) {
            throw new IllegalArgumentException("compute_cost: A2 has shape " + A2.shape().compact()
                    + " but Y has shape " + Y.shape().compact());
        }
        Inputs.requireProbabilities("compute_cost", "A2", A2);
        new BinaryCrossEntropy().checkLabels(Y, Y.rows());
        return crossEntropy(A2, Y);
    }

    /** J without the shape and label checks, for the training loop (which checks the labels once). */
    static double crossEntropy(Matrix A2, Matrix Y) {
        int m = Y.cols();
        // logprobs = log(A2) ⊙ Y + (1 − Y) ⊙ log(1 − A2)
        Matrix logprobs = A2.log().times(Y).plus(Y.rminus(1).times(A2.rminus(1).log()));
        return -logprobs.sum() / m;
    }

    /**
     * Workshop: {@code backward_propagation(parameters, cache, X, Y)}.
     * <pre>
     * dZ2 = A2 − Y                        (n_y, m)
     * dW2 = (1/m) dZ2 · A1ᵀ               (n_y, n_h)
     * db2 = (1/m) Σ_columns dZ2           (n_y, 1)
     * dZ1 = W2ᵀ · dZ2 ⊙ (1 − A1²)         (n_h, m)    tanh′(Z1) = 1 − A1²
     * dW1 = (1/m) dZ1 · Xᵀ                (n_h, n_x)
     * db1 = (1/m) Σ_columns dZ1           (n_h, 1)
     * </pre>
     *
     * @throws IllegalArgumentException when Y does not have A2's shape, or a label is outside [0, 1]
     */
    public static Gradients backwardPropagation(Parameters parameters, Cache cache, Matrix X, Matrix Y) {
        if (!cache.A2().shape().equals(Y.shape()) || X.cols() != Y.cols()) {
            throw new IllegalArgumentException("backward_propagation: Y has shape " + Y.shape().compact()
                    + " but A2 has shape " + cache.A2().shape().compact() + " and X " + X.shape().compact());
        }
        new BinaryCrossEntropy().checkLabels(Y, Y.rows());
        return backward(parameters, cache, X, Y);
    }

    /** backward_propagation without the checks, for the training loop (which checks Y once). */
    private static Gradients backward(Parameters parameters, Cache cache, Matrix X, Matrix Y) {
        int m = X.cols();
        Matrix W2 = parameters.W2();
        Matrix A1 = cache.A1();
        Matrix A2 = cache.A2();

        Matrix dZ2 = A2.minus(Y);
        Matrix dW2 = dZ2.dot(A1.T()).times(1.0 / m);
        Matrix db2 = dZ2.sum(1).times(1.0 / m);
        Matrix dZ1 = W2.T().dot(dZ2).times(A1.power(2).rminus(1));
        Matrix dW1 = dZ1.dot(X.T()).times(1.0 / m);
        Matrix db1 = dZ1.sum(1).times(1.0 / m);
        return new Gradients(dW1, db1, dW2, db2);
    }

    /**
     * Workshop: {@code update_parameters(parameters, grads, learning_rate)}, one step of gradient descent.
     * <pre>
     * θ := θ − α ∂J/∂θ    for θ in W1, b1, W2, b2
     * </pre>
     */
    public static Parameters updateParameters(Parameters parameters, Gradients grads, double learningRate) {
        Inputs.requireLearningRate("update_parameters", learningRate);
        Inputs.requireSameShape("update_parameters", "W1", parameters.W1(), "dW1", grads.dW1());
        Inputs.requireSameShape("update_parameters", "b1", parameters.b1(), "db1", grads.db1());
        Inputs.requireSameShape("update_parameters", "W2", parameters.W2(), "dW2", grads.dW2());
        Inputs.requireSameShape("update_parameters", "b2", parameters.b2(), "db2", grads.db2());
        Matrix W1 = parameters.W1().minusTimes(grads.dW1(), learningRate);
        Matrix b1 = parameters.b1().minusTimes(grads.db1(), learningRate);
        Matrix W2 = parameters.W2().minusTimes(grads.dW2(), learningRate);
        Matrix b2 = parameters.b2().minusTimes(grads.db2(), learningRate);
        return new Parameters(W1, b1, W2, b2);
    }

    /** {@link #updateParameters(Parameters, Gradients, double)} with the workshop's learning rate 1.2. */
    public static Parameters updateParameters(Parameters parameters, Gradients grads) {
        return updateParameters(parameters, grads, LEARNING_RATE);
    }

    /**
     * Workshop: {@code nn_model(X, Y, n_h, num_iterations, print_cost)} with learning rate 1.2, reporting the cost
     * every 1000 iterations (0, 1000, ...).
     */
    public static Parameters nnModel(Matrix X, Matrix Y, int n_h, int numIterations, CostListener listener) {
        return nnModel(X, Y, n_h, numIterations, LEARNING_RATE, 1000, listener);
    }

    /**
     * Workshop: {@code nn_model}: initialise, then repeat forward propagation, cost, backward propagation and
     * update, in the one {@link TrainingLoop} with full batches (one epoch is one iteration) and
     * {@link GradientDescent}. The parameters are made on the host and moved to X's backend, where training stays.
     *
     * <p>Departures from the workshop: the loop checks X, Y and every iteration's cost for NaN/±∞ and stops with the
     * iteration and the learning rate; each iteration runs in a {@link MatrixScope} so a device frees its
     * temporaries.
     *
     * @throws IllegalArgumentException when n_h &lt; 1, X and Y do not match, or a label is outside {0, 1}
     * @throws IllegalStateException    when the cost stops being finite (learning rate too large, say)
     */
    public static Parameters nnModel(Matrix X, Matrix Y, int n_h, int numIterations, double learningRate,
                                     int costEvery, CostListener listener) {
        return nnModel(X, Y, n_h, numIterations, learningRate, costEvery, SEED, listener);
    }

    /**
     * {@code nn_model} with the seed of {@code initialize_parameters} given, as DLS's planar assignment calls it
     * ({@code np.random.seed(3)} there, 2 in the workshop).
     */
    public static Parameters nnModel(Matrix X, Matrix Y, int n_h, int numIterations, double learningRate,
                                     int costEvery, int seed, CostListener listener) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("nn_model: X has " + X.cols() + " examples " + X.shape().compact()
                    + " but Y has " + Y.cols() + " " + Y.shape().compact());
        }
        if (n_h < 1) {
            throw new IllegalArgumentException("nn_model: n_h = " + n_h + ", the hidden layer needs at least 1 unit");
        }
        LayerSizes sizes = layerSizes(X, Y);
        return nnModel(X, Y, initializeParameters(sizes.n_x(), n_h, sizes.n_y(), seed), numIterations,
                learningRate, costEvery, listener);
    }

    /**
     * {@code nn_model}'s loop from given starting parameters (moved to X's backend): gradient descent on the
     * cross-entropy, the cost reported every {@code costEvery} iterations (never when 0).
     */
    public static Parameters nnModel(Matrix X, Matrix Y, Parameters start, int numIterations, double learningRate,
                                     int costEvery, CostListener listener) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("nn_model: X has " + X.cols() + " examples " + X.shape().compact()
                    + " but Y has " + Y.cols() + " " + Y.shape().compact());
        }
        if (numIterations < 0) {
            throw new IllegalArgumentException("nn_model: num_iterations must be ≥ 0, got " + numIterations);
        }
        Model model = new Model(start.to(X.backend()));
        // a null listener is print_cost=False
        CostListener report = listener == null ? (i, cost) -> { } : listener;
        new TrainingLoop("nn_model", new GradientDescent(learningRate)).epochs(numIterations)
                .callbacks(new PrintCost(costEvery, report::onCost)).fit(model, X, Y);
        return model.parameters;
    }

    /** nn_model's network for the {@link TrainingLoop}: forward, cost and backward propagation on a batch. */
    private static final class Model implements Trainable {
        private Parameters parameters;

        Model(Parameters parameters) {
            this.parameters = parameters;
        }

        @Override
        public List<Matrix> parameters() {
            return parameters.matrices();
        }

        @Override
        public void setParameters(List<Matrix> matrices) {
            parameters = Parameters.of(matrices);
        }

        @Override
        public List<String> parameterNames() {
            return List.of("W1", "b1", "W2", "b2");
        }

        @Override
        public Step step(Matrix X, Matrix Y) {
            Cache cache = forward(X, parameters);
            double cost = crossEntropy(cache.A2(), Y);
            return new Step(cost, backward(parameters, cache, X, Y).matrices());
        }

        @Override
        public Matrix output(Matrix X) {
            return forward(X, parameters).A2();
        }

        @Override
        public double cost(Matrix A2, Matrix Y) {
            return crossEntropy(A2, Y);
        }

        @Override
        public boolean[] weights() {
            return new boolean[] {true, false, true, false};
        }

        @Override
        public void checkLabels(Matrix Y) {
            new BinaryCrossEntropy().checkLabels(Y, Y.rows());
        }
    }

    /**
     * Workshop: {@code predict(parameters, X)}: the class of each example, 1 where A2 &gt; 0.5, as a (1, m)
     * matrix of 0/1.
     */
    public static Matrix predict(Parameters parameters, Matrix X) {
        return Predictions.requireFinite("predict", forward(X, parameters).A2()).gt(0.5);
    }

    /**
     * The workshop's accuracy, {@code (Y·predictionsᵀ + (1 − Y)·(1 − predictions)ᵀ) / m · 100}: the percentage of
     * examples whose predicted class equals the label.
     */
    public static double accuracy(Matrix predictions, Matrix Y) {
        if (!predictions.shape().equals(Y.shape())) {
            throw new IllegalArgumentException("accuracy: predictions have shape " + predictions.shape().compact()
                    + " but Y has shape " + Y.shape().compact());
        }
        Inputs.requireZeroOne("accuracy", "predictions", predictions);
        Inputs.requireZeroOne("accuracy", "Y", Y);
        return predictions.eq(Y).mean() * 100.0;
    }
}
