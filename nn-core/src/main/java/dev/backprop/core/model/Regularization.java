package dev.backprop.core.model;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.TwoLayerNetwork.CostListener;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The Deep Learning Specialization's "Regularization" assignment, function by function, with its names, argument
 * order and math, for its network LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID (the functions take any
 * L ≥ 2: ReLU hidden layers, a sigmoid output). Examples are columns: X is (n_x, m), Y is (1, m).
 * <pre>
 * L2:       J = cross-entropy + (1/m)(λ/2) Σ_l ‖W^[l]‖²          dW^[l] += (λ/m) W^[l]
 * dropout:  D^[l] = rand(A^[l].shape) &lt; keep_prob;  A^[l] = A^[l] ⊙ D^[l] / keep_prob    (hidden layers)
 *           dA^[l] = dA^[l] ⊙ D^[l] / keep_prob                                          (backward, same mask)
 * </pre>
 * The forward pass is {@link DeepNetwork#lModelForward(Matrix, DeepParameters)}; its caches are the assignment's
 * {@code cache} tuple. Departures: records instead of tuples and dicts, layers indexed l = 1..L.
 */
public final class Regularization {

    /** {@code forward_propagation_with_dropout} seeds numpy with 1 on every call, so the masks repeat. */
    public static final int DROPOUT_SEED = 1;

    private Regularization() {
    }

    /**
     * What {@code forward_propagation_with_dropout} caches: Z^[l] and A^[l] for l = 1..L (A^[l] after dropout), the
     * masks D^[l] of the hidden layers l = 1..L−1 (0/1, on the parameters' backend), and the parameters.
     */
    public record DropoutCache(List<Matrix> Z, List<Matrix> D, List<Matrix> A, DeepParameters parameters)
            implements MatrixGroup {

        public DropoutCache {
            Z = List.copyOf(Z);
            D = List.copyOf(D);
            A = List.copyOf(A);
        }

        public int L() {
            return Z.size();
        }

        /** Z^[l], l = 1..L. */
        public Matrix Z(int l) {
            return Z.get(l - 1);
        }

        /** D^[l], the mask of hidden layer l = 1..L−1. */
        public Matrix D(int l) {
            return D.get(l - 1);
        }

        /** A^[l] (after dropout for l &lt; L), l = 1..L; A^[L] is the output. */
        public Matrix A(int l) {
            return A.get(l - 1);
        }

        public Matrix AL() {
            return A(L());
        }

        @Override
        public List<Matrix> matrices() {
            List<Matrix> all = new ArrayList<>(Z);
            all.addAll(D);
            all.addAll(A);
            return all;
        }
    }

    /** What {@code model()} leaves: the trained parameters and the cost every 1000 iterations (0, 1000, ...). */
    public record ModelRun(DeepParameters parameters, List<Double> costs) {
    }

    // ---------------------------------------------------------------- reg_utils and model()

    /**
     * reg_utils: {@code initialize_parameters(layer_dims)}: after {@code np.random.seed(3)}, for l = 1..L
     * W^[l] = randn(n^[l], n^[l−1]) / √n^[l−1] and b^[l] = 0 (Xavier's scale, divided as the assignment divides).
     */
    public static DeepParameters initializeParameters(int[] layerDims) {
        NumpyRandom random = new NumpyRandom(3);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l < layerDims.length; l++) {
            W.add(random.randn(layerDims[l], layerDims[l - 1]).div(Math.sqrt(layerDims[l - 1])));
            b.add(Matrix.zeros(layerDims[l], 1));
        }
        return new DeepParameters(W, b);
    }

    /**
     * DLS: {@code model(X, Y, learning_rate=0.3, num_iterations=30000, print_cost=True, lambd=0, keep_prob=1)}:
     * the network [n_x, 20, 3, 1], trained by batch gradient descent with L2 (lambd &gt; 0) or dropout
     * (keep_prob &lt; 1), never both (the assignment asserts it):
     * <pre>
     * parameters = initialize_parameters([X.shape[0], 20, 3, 1])
     * for i in range(num_iterations):
     *     a3, cache = forward_propagation(X, parameters)  |  forward_propagation_with_dropout(X, parameters, keep_prob)
     *     cost = compute_cost(a3, Y)  |  compute_cost_with_regularization(a3, Y, parameters, lambd)
     *     grads = backward_propagation  |  _with_regularization(X, Y, cache, lambd)  |  _with_dropout(..., keep_prob)
     *                                      (backward_propagation is {@link Optimization#backwardPropagation}'s)
     *     parameters = update_parameters(parameters, grads, learning_rate)
     * </pre>
     * The listener gets the cost every 10 000 iterations, as {@code print_cost} prints it; the run records it every
     * 1000. As in the assignment, the dropout masks are drawn with seed 1 in every iteration, so they repeat.
     *
     * <p>Departures, as in {@link DeepNetwork#lLayerModel}: the cost is computed only on the iterations it is
     * recorded, and each iteration runs in a {@link MatrixScope}.
     *
     * @throws IllegalArgumentException when both lambd and keep_prob regularize, or either is out of range
     */
    public static ModelRun model(Matrix X, Matrix Y, double learningRate, int numIterations,
                                 CostListener listener, double lambd,
                                 double keepProb) {
        checkLambda("model", lambd);
        checkKeepProb("model", keepProb);
        if (lambd != 0 && keepProb != 1) {
            throw new IllegalArgumentException("model: use L2 (lambd = " + lambd + ") or dropout (keep_prob = "
                    + keepProb + "), not both, as the assignment asserts");
        }
        DeepParameters parameters = initializeParameters(new int[] {X.rows(), 20, 3, 1}).to(X.backend());
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            try (MatrixScope scope = MatrixScope.open()) {
                DeepGradients grads;
                if (keepProb == 1) {
                    DeepCaches cache = DeepNetwork.lModelForward(X, parameters);
                    if (i % 1000 == 0) {
                        record(costs, listener, i, lambd == 0 ? computeCost(cache.AL(), Y)
                                : computeCostWithRegularization(cache.AL(), Y, parameters, lambd));
                    }
                    grads = lambd == 0 ? Optimization.backwardPropagation(X, Y, cache)
                            : backwardPropagationWithRegularization(X, Y, cache, lambd);
                } else {
                    DropoutCache cache = forwardPropagationWithDropout(X, parameters, keepProb);
                    if (i % 1000 == 0) {
                        record(costs, listener, i, computeCost(cache.AL(), Y));
                    }
                    grads = backwardPropagationWithDropout(X, Y, cache, keepProb);
                }
                DeepParameters previous = parameters;
                parameters = scope.keep(DeepNetwork.updateParameters(parameters, grads, learningRate));
                previous.matrices().forEach(Matrix::release);
            }
        }
        return new ModelRun(parameters, costs);
    }

    private static void record(List<Double> costs, CostListener listener,
                               int i, double cost) {
        costs.add(cost);
        if (i % 10000 == 0) {
            listener.onCost(i, cost);
        }
    }

    // ---------------------------------------------------------------- L2 regularization

    /**
     * reg_utils: {@code compute_cost(a3, Y)}: the cross-entropy, averaged over the m examples, summed as
     * {@code np.nansum} does.
     * <pre>
     * J = (1/m) Σⱼ −y log a − (1 − y) log(1 − a)
     * </pre>
     * A saturated output (A3 exactly 0 or 1) makes a term 0 · ∞ = NaN where it matches its label; that term is
     * taken as 0, its limit, as {@code np.nansum} does. Where it contradicts its label, the term and the cost are
     * +∞. A3 outside [0, 1] (NaN included) or a label other than 0 and 1 is an error, never summed away.
     *
     * @throws IllegalArgumentException when A3 is not a probability, Y not 0 or 1, or the shapes differ
     */
    public static double computeCost(Matrix A3, Matrix Y) {
        return crossEntropyNansum("compute_cost", A3, Y);
    }

    /** (1/m) np.nansum(−log(a)·Y − log(1 − a)·(1 − Y)), where only a 0 · log 0 term can be NaN (see computeCost). */
    static double crossEntropyNansum(String where, Matrix a, Matrix Y) {
        if (!a.shape().equals(Y.shape())) {
            throw new IllegalArgumentException(where + ": a3 has shape " + a.shape().compact() + " but Y has "
                    + Y.shape().compact());
        }
        // with a3 in [0, 1] and y 0 or 1, a NaN term can only be 0 · log 0
        Inputs.requireProbabilities(where, "a3", a);
        Inputs.requireZeroOne(where, "Y", Y);
        int m = Y.cols();
        // logprobs = −log(a3)·Y + −log(1 − a3)·(1 − Y)
        double[] logprobs = a.log().negate().times(Y).plus(a.rminus(1).log().negate().times(Y.rminus(1)))
                .toArray();
        for (int j = 0; j < logprobs.length; j++) {
            if (Double.isNaN(logprobs[j])) {
                logprobs[j] = 0;   // 0 · log 0, as np.nansum
            }
        }
        return 1. / m * Matrix.row(logprobs).sum();
    }

    /**
     * DLS: {@code compute_cost_with_regularization(A3, Y, parameters, lambd)}:
     * <pre>
     * J = compute_cost(A3, Y) + (1/m)(λ/2) (Σ W1² + Σ W2² + Σ W3²)
     * </pre>
     */
    public static double computeCostWithRegularization(Matrix A3, Matrix Y, DeepParameters parameters,
                                                       double lambd) {
        checkLambda("compute_cost_with_regularization", lambd);
        int m = Y.cols();
        double crossEntropyCost = computeCost(A3, Y);
        // (1/m)(λ/2) Σ_l Σ W^[l]²
        double sumOfSquares = 0;
        for (int l = 1; l <= parameters.L(); l++) {
            sumOfSquares += parameters.W(l).square().sum();
        }
        double L2RegularizationCost = (1. / m * lambd / 2) * sumOfSquares;
        return crossEntropyCost + L2RegularizationCost;
    }

    /**
     * DLS: {@code backward_propagation_with_regularization(X, Y, cache, lambd)}, for l = L..1:
     * <pre>
     * dZ^[L] = A^[L] − Y
     * dW^[l] = (1/m) dZ^[l] · A^[l−1]ᵀ + (λ/m) W^[l]         (n^[l], n^[l−1])
     * db^[l] = (1/m) Σ_columns dZ^[l]                        (n^[l], 1)
     * dA^[l−1] = W^[l]ᵀ · dZ^[l];   dZ^[l−1] = dA^[l−1] ⊙ (A^[l−1] &gt; 0)
     * </pre>
     * The caches are {@link DeepNetwork#lModelForward(Matrix, DeepParameters)}'s.
     */
    public static DeepGradients backwardPropagationWithRegularization(Matrix X, Matrix Y, DeepCaches cache,
                                                                      double lambd) {
        checkLambda("backward_propagation_with_regularization", lambd);
        int L = cache.L();
        List<Matrix> A = new ArrayList<>();
        List<Matrix> W = new ArrayList<>();
        for (int l = 1; l <= L; l++) {
            A.add(cache.A(l));
            W.add(cache.layer(l).W());
        }
        return backward(X, Y, A, W, null, 1, lambd);
    }

    private static void checkLambda(String where, double lambd) {
        if (!(lambd >= 0) || !Double.isFinite(lambd)) {
            throw new IllegalArgumentException(where + ": lambd must be ≥ 0, got " + lambd);
        }
    }

    // ---------------------------------------------------------------- dropout

    /** DLS: {@code forward_propagation_with_dropout(X, parameters)}, with its default keep_prob = 0.5. */
    public static DropoutCache forwardPropagationWithDropout(Matrix X, DeepParameters parameters) {
        return forwardPropagationWithDropout(X, parameters, 0.5);
    }

    /**
     * DLS: {@code forward_propagation_with_dropout(X, parameters, keep_prob=0.5)}, with its
     * {@code np.random.seed(1)}: see {@link #forwardPropagationWithDropout(Matrix, DeepParameters, double,
     * NumpyRandom)}.
     */
    public static DropoutCache forwardPropagationWithDropout(Matrix X, DeepParameters parameters, double keepProb) {
        return forwardPropagationWithDropout(X, parameters, keepProb, new NumpyRandom(DROPOUT_SEED));
    }

    /**
     * DLS: {@code forward_propagation_with_dropout}, drawing the masks from {@code random} in numpy's order (D1,
     * then D2, ...), each a {@code np.random.rand(A.shape)} in row-major order:
     * <pre>
     * Z^[l] = W^[l] A^[l−1] + b^[l];   A^[l] = relu(Z^[l])                   l = 1..L−1
     * D^[l] = (rand(A^[l].shape) &lt; keep_prob)
     * A^[l] = A^[l] ⊙ D^[l] / keep_prob           inverted dropout: the expected A^[l] is unchanged
     * Z^[L] = W^[L] A^[L−1] + b^[L];   A^[L] = sigmoid(Z^[L])
     * </pre>
     */
    public static DropoutCache forwardPropagationWithDropout(Matrix X, DeepParameters parameters, double keepProb,
                                                             NumpyRandom random) {
        checkKeepProb("forward_propagation_with_dropout", keepProb);
        int L = parameters.L();
        List<Matrix> Z = new ArrayList<>();
        List<Matrix> D = new ArrayList<>();
        List<Matrix> A = new ArrayList<>();
        Matrix APrev = X;
        for (int l = 1; l <= L; l++) {
            LayerCache layer = DeepNetwork.linearActivationForward(APrev, parameters.W(l), parameters.b(l),
                    DeepNetwork.workshopActivations(L).get(l - 1));
            Z.add(layer.Z());
            Matrix Al = layer.A();
            if (l < L) {
                // D = rand(A.shape) < keep_prob;  A = A ⊙ D / keep_prob
                Matrix Dl = random.rand(Al.rows(), Al.cols()).lt(keepProb).to(X.backend());
                Al = Al.times(Dl).div(keepProb);
                D.add(Dl);
            }
            A.add(Al);
            APrev = Al;
        }
        return new DropoutCache(Z, D, A, parameters);
    }

    /**
     * DLS: {@code backward_propagation_with_dropout(X, Y, cache, keep_prob)}: the gradients of the network that ran
     * with these masks; the masks switch off the same units on the way back:
     * <pre>
     * dZ^[L] = A^[L] − Y
     * dW^[l] = (1/m) dZ^[l] · A^[l−1]ᵀ;   db^[l] = (1/m) Σ_columns dZ^[l]
     * dA^[l−1] = W^[l]ᵀ · dZ^[l];   dA^[l−1] = dA^[l−1] ⊙ D^[l−1] / keep_prob
     * dZ^[l−1] = dA^[l−1] ⊙ (A^[l−1] &gt; 0)
     * </pre>
     */
    public static DeepGradients backwardPropagationWithDropout(Matrix X, Matrix Y, DropoutCache cache,
                                                               double keepProb) {
        checkKeepProb("backward_propagation_with_dropout", keepProb);
        List<Matrix> W = new ArrayList<>();
        for (int l = 1; l <= cache.L(); l++) {
            W.add(cache.parameters().W(l));
        }
        return backward(X, Y, cache.A(), W, cache.D(), keepProb, 0);
    }

    private static void checkKeepProb(String where, double keepProb) {
        if (!(keepProb > 0 && keepProb <= 1)) {
            throw new IllegalArgumentException(where + ": keep_prob must be in (0, 1], got " + keepProb);
        }
    }

    /** The backward pass both assignments' functions share; D null means no dropout, lambd 0 no L2. */
    private static DeepGradients backward(Matrix X, Matrix Y, List<Matrix> A, List<Matrix> W, List<Matrix> D,
                                          double keepProb, double lambd) {
        int L = A.size();
        if (!A.get(L - 1).shape().equals(Y.shape())) {
            throw new IllegalArgumentException("backward propagation: A" + L + " has shape "
                    + A.get(L - 1).shape().compact() + " but Y has " + Y.shape().compact());
        }
        int m = X.cols();
        Matrix[] dA = new Matrix[L];
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        // dZ^[L] = A^[L] − Y
        Matrix dZ = A.get(L - 1).minus(Y);
        for (int l = L; l >= 1; l--) {
            Matrix APrev = l == 1 ? X : A.get(l - 2);
            Matrix Wl = W.get(l - 1);
            // dW = (1/m) dZ · A_prevᵀ (+ (λ/m) W),  db = (1/m) Σ_columns dZ
            dW[l - 1] = dZ.dot(APrev.T()).times(1. / m);
            if (lambd != 0) {
                dW[l - 1] = dW[l - 1].plus(Wl.times(lambd).div(m));
            }
            db[l - 1] = dZ.sum(1).times(1. / m);
            // dA_prev = Wᵀ · dZ
            dA[l - 1] = Wl.T().dot(dZ);
            if (l > 1) {
                Matrix dAPrev = dA[l - 1];
                if (D != null) {
                    // dA = dA ⊙ D / keep_prob
                    dAPrev = dAPrev.times(D.get(l - 2)).div(keepProb);
                    dA[l - 1] = dAPrev;
                }
                // dZ_prev = dA_prev ⊙ (A_prev > 0)
                dZ = dAPrev.times(APrev.gt(0));
            }
        }
        return new DeepGradients(List.of(dA), List.of(dW), List.of(db));
    }
}
