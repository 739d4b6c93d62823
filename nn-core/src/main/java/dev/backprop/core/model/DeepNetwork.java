package dev.backprop.core.model;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalLoss;
import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.OutputCheck;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.TwoLayerNetwork.CostListener;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.Predictions;
import dev.backprop.core.train.PrintCost;
import dev.backprop.core.train.Trainable;
import dev.backprop.core.train.TrainingLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An L-layer network: the general case of the workshop's deep-network slides (<i>Intro to Deep Learning</i>, "Deep Neural Networks"),
 * written as the functions of the course those slides follow (the Deep Learning Specialization's "Building your
 * Deep Neural Network: Step by Step"), each with the same name in camelCase and the same argument order. Examples
 * are columns: X = A^[0] is (n^[0], m) and A^[l] is (n^[l], m).
 * <pre>
 * forward,  l = 1..L:   Z^[l] = W^[l] A^[l−1] + b^[l]            (n^[l], m)
 *                       A^[l] = g^[l](Z^[l])                     (n^[l], m)
 * cost:                 J = (1/m) Σⱼ ℒ(A^[L](j), Y(j))
 * backward, l = L..1:   dA^[L] = ∂ℒ/∂A^[L]                        each loss's own gradient
 *                       dZ^[l] = dA^[l] ⊙ g^[l]′(Z^[l])            (n^[l], m)
 *                       dW^[l] = (1/m) dZ^[l] A^[l−1]ᵀ             (n^[l], n^[l−1])
 *                       db^[l] = (1/m) Σ_columns dZ^[l]            (n^[l], 1)
 *                       dA^[l−1] = W^[l]ᵀ dZ^[l]                  (n^[l−1], m)
 * update:               W^[l] := W^[l] − α dW^[l],   b^[l] := b^[l] − α db^[l]
 * </pre>
 * The workshop's network is [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID with the cross-entropy cost; the methods
 * that take no {@link Architecture} and no activation list build exactly that. The others take any
 * {@link Activation} per layer and any {@link Loss} at the output.
 *
 * <p>Departures from the workshop: parameters, caches and gradients are records indexed by layer, l = 1..L as in
 * the formulas ({@code parameters.W(l)}), not dicts keyed by strings; each layer's cache also keeps A^[l] and the
 * layer's activation, so the backward step needs neither passed again.
 *
 * <p>Like {@link TwoLayerNetwork}, the math runs on whatever {@link Backend} X lives on.
 */
public final class DeepNetwork {

    /** The learning rate of the workshop's {@code L_layer_model}. */
    public static final double LEARNING_RATE = 0.0075;

    /** The seed of {@code initialize_parameters_deep}: {@code np.random.seed(3)}. */
    public static final int SEED = 3;

    /** {@code L_layer_model} reports the cost every 100 iterations. */
    public static final int COST_EVERY = 100;

    private DeepNetwork() {
    }

    // ---------------------------------------------------------------- the types

    /** How {@link #initializeParametersDeep(Architecture, Initialization, int)} draws W^[l]; b^[l] starts at 0. */
    public enum Initialization {
        /**
         * randn · 0.01, the workshop's {@code initialize_parameters_deep}. Breaks the symmetry, but in a deep ReLU
         * network each layer shrinks the signal about 100 times, so training stalls.
         */
        SMALL_RANDOM,
        /**
         * He et al. (2015): randn · √(2 / n^[l−1]), which keeps the variance of ReLU activations the same from layer
         * to layer. The workshop's {@code initialize_parameters_he}.
         */
        HE,
        /** Xavier/Glorot: randn · √(1 / n^[l−1]), the same idea for tanh and sigmoid. */
        XAVIER,
        /**
         * All zeros: every unit of a layer computes the same thing and gets the same gradient, so the symmetry is
         * never broken. The workshop's {@code initialize_parameters_zeros}; draws nothing.
         */
        ZEROS;

        /** The factor a standard-normal draw is multiplied by, for a layer with n^[l−1] inputs. */
        public double scale(int nPrev) {
            return switch (this) {
                case SMALL_RANDOM -> 0.01;
                case HE -> Math.sqrt(2.0 / nPrev);
                case XAVIER -> Math.sqrt(1.0 / nPrev);
                case ZEROS -> 0.0;
            };
        }
    }

    /**
     * What a network is: the layer sizes n^[0], ..., n^[L] (the workshop's {@code layer_dims}), the activation
     * g^[l] of each layer l = 1..L, and the loss it minimises. A binary cross-entropy needs a sigmoid g^[L], a
     * categorical loss a softmax: any other pair is refused, as {@code Sequential.compile} refuses it.
     */
    public record Architecture(List<Integer> layerDims, List<Activation> activations, Loss loss) {

        public Architecture {
            layerDims = List.copyOf(layerDims);
            activations = List.copyOf(activations);
            Objects.requireNonNull(loss, "loss");
            if (layerDims.size() < 2) {
                throw new IllegalArgumentException("layer_dims " + layerDims
                        + " must hold at least the input size n^[0] and the output size n^[L]");
            }
            for (int l = 0; l < layerDims.size(); l++) {
                if (layerDims.get(l) < 1) {
                    throw new IllegalArgumentException("layer_dims " + layerDims + ": n^[" + l + "] = "
                            + layerDims.get(l) + ", every size must be positive");
                }
            }
            if (activations.size() != layerDims.size() - 1) {
                throw new IllegalArgumentException("layer_dims " + layerDims + " make L = " + (layerDims.size() - 1)
                        + " layers but " + activations.size() + " activations were given");
            }
            int L = activations.size();
            OutputCheck.requireReadable("Architecture", loss, activations.get(L - 1),
                    "g^[" + L + "] = " + activations.get(L - 1));
        }

        /** The workshop's network: [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID, binary cross-entropy. */
        public static Architecture dls(int... layerDims) {
            return of(layerDims, new Relu(), new Sigmoid(), new BinaryCrossEntropy());
        }

        /** {@code hidden} in layers 1..L−1, {@code output} in layer L. */
        public static Architecture of(int[] layerDims, Activation hidden, Activation output, Loss loss) {
            List<Activation> activations = new ArrayList<>(Collections.nCopies(Math.max(0, layerDims.length - 2),
                    hidden));
            activations.add(output);
            return new Architecture(Arrays.stream(layerDims).boxed().toList(), activations, loss);
        }

        /** The number of layers with parameters. */
        public int L() {
            return activations.size();
        }

        /** n^[l], for l = 0..L. */
        public int n(int l) {
            return layerDims.get(l);
        }

        /** g^[l], for l = 1..L. */
        public Activation g(int l) {
            return activations.get(checkLayer(l, L()) - 1);
        }
    }

    /**
     * W^[l] (n^[l], n^[l−1]) and b^[l] (n^[l], 1) for l = 1..L: the workshop's {@code parameters} dict.
     */
    public record DeepParameters(List<Matrix> weights, List<Matrix> biases) implements MatrixGroup {

        public DeepParameters {
            weights = List.copyOf(weights);
            biases = List.copyOf(biases);
            if (weights.isEmpty() || weights.size() != biases.size()) {
                throw new IllegalArgumentException("parameters: " + weights.size() + " weight matrices and "
                        + biases.size() + " bias vectors, need L ≥ 1 of each");
            }
            for (int l = 1; l <= weights.size(); l++) {
                Matrix W = weights.get(l - 1);
                Matrix b = biases.get(l - 1);
                if (b.rows() != W.rows() || b.cols() != 1) {
                    throw new IllegalArgumentException("parameters: b" + l + " has shape " + b.shape().compact()
                            + " but W" + l + " has shape " + W.shape().compact() + ": b" + l + " must be ("
                            + W.rows() + ",1)");
                }
            }
        }

        /** The parameters from {@link #matrices()}'s order: W1, b1, W2, b2, ... */
        public static DeepParameters of(List<Matrix> matrices) {
            if (matrices.size() % 2 != 0) {
                throw new IllegalArgumentException("parameters: " + matrices.size() + " matrices, not pairs (W, b)");
            }
            List<Matrix> W = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            for (int i = 0; i < matrices.size(); i += 2) {
                W.add(matrices.get(i));
                b.add(matrices.get(i + 1));
            }
            return new DeepParameters(W, b);
        }

        /** The number of layers L. */
        public int L() {
            return weights.size();
        }

        /** W^[l], l = 1..L. */
        public Matrix W(int l) {
            return weights.get(checkLayer(l, L()) - 1);
        }

        /** b^[l], l = 1..L. */
        public Matrix b(int l) {
            return biases.get(checkLayer(l, L()) - 1);
        }

        /** W1, b1, W2, b2, ..., WL, bL. */
        @Override
        public List<Matrix> matrices() {
            List<Matrix> all = new ArrayList<>();
            for (int l = 1; l <= L(); l++) {
                all.add(W(l));
                all.add(b(l));
            }
            return all;
        }

        /** These parameters on another backend (copies), like {@code tensor.to(device)}. */
        public DeepParameters to(Backend backend) {
            return new DeepParameters(weights.stream().map(W -> W.to(backend)).toList(),
                    biases.stream().map(b -> b.to(backend)).toList());
        }
    }

    /**
     * What layer l's forward step saw and made: the workshop's {@code cache = ((A_prev, W, b), Z)}, plus A = g(Z)
     * and the activation g, which the backward step reads back.
     */
    public record LayerCache(Matrix A_prev, Matrix W, Matrix b, Matrix Z, Matrix A, Activation activation)
            implements MatrixGroup {

        @Override
        public List<Matrix> matrices() {
            return List.of(A_prev, W, b, Z, A);
        }
    }

    /** The caches of layers 1..L, the workshop's {@code caches} list. */
    public record DeepCaches(List<LayerCache> layers) implements MatrixGroup {

        public DeepCaches {
            layers = List.copyOf(layers);
        }

        public int L() {
            return layers.size();
        }

        /** The cache of layer l, l = 1..L. */
        public LayerCache layer(int l) {
            return layers.get(checkLayer(l, L()) - 1);
        }

        /** A^[l] for l = 0..L; A^[0] is X. */
        public Matrix A(int l) {
            return l == 0 ? layer(1).A_prev() : layer(l).A();
        }

        /** Z^[l] for l = 1..L. */
        public Matrix Z(int l) {
            return layer(l).Z();
        }

        /** A^[L], the prediction ŷ. */
        public Matrix AL() {
            return A(L());
        }

        /** Z1, A1, ..., ZL, AL. */
        @Override
        public List<Matrix> matrices() {
            List<Matrix> all = new ArrayList<>();
            for (LayerCache c : layers) {
                all.add(c.Z());
                all.add(c.A());
            }
            return all;
        }
    }

    /** What one layer's backward step returns: the workshop's {@code dA_prev, dW, db}. */
    public record LayerGradients(Matrix dA_prev, Matrix dW, Matrix db) implements MatrixGroup {

        @Override
        public List<Matrix> matrices() {
            return List.of(dA_prev, dW, db);
        }
    }

    /**
     * The workshop's {@code grads}: dA^[l] for l = 0..L−1, and dW^[l], db^[l] for l = 1..L, each with the shape of
     * what it is the gradient of.
     */
    public record DeepGradients(List<Matrix> dA, List<Matrix> dW, List<Matrix> db) implements MatrixGroup {

        public DeepGradients {
            dA = List.copyOf(dA);
            dW = List.copyOf(dW);
            db = List.copyOf(db);
            if (dW.isEmpty() || dW.size() != db.size() || dA.size() != dW.size()) {
                throw new IllegalArgumentException("grads: " + dA.size() + " dA, " + dW.size() + " dW, " + db.size()
                        + " db; need L of each");
            }
        }

        public int L() {
            return dW.size();
        }

        /** dA^[l] = ∂J/∂A^[l] (times m), l = 0..L−1; dA^[0] is the gradient with respect to X. */
        public Matrix dA(int l) {
            if (l < 0 || l >= L()) {
                throw new IndexOutOfBoundsException("dA" + l + " does not exist: dA^[l] is kept for l = 0.."
                        + (L() - 1));
            }
            return dA.get(l);
        }

        /** dW^[l], l = 1..L. */
        public Matrix dW(int l) {
            return dW.get(checkLayer(l, L()) - 1);
        }

        /** db^[l], l = 1..L. */
        public Matrix db(int l) {
            return db.get(checkLayer(l, L()) - 1);
        }

        /** dW1, db1, ..., dWL, dbL: the order of {@link DeepParameters#matrices()}, for the gradient check. */
        @Override
        public List<Matrix> matrices() {
            List<Matrix> all = new ArrayList<>();
            for (int l = 1; l <= L(); l++) {
                all.add(dW(l));
                all.add(db(l));
            }
            return all;
        }
    }

    /** One row of the table of shapes: layer l's W^[l], b^[l], Z^[l] and A^[l]. */
    public record LayerShapes(int l, Shape W, Shape b, Shape Z, Shape A) {
    }

    private static int checkLayer(int l, int L) {
        if (l < 1 || l > L) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are 1.." + L);
        }
        return l;
    }

    // ---------------------------------------------------------------- initialisation

    /**
     * Workshop: {@code initialize_parameters_deep(layer_dims)}, with its {@code np.random.seed(3)}: for the workshop's
     * architecture, W^[l] = randn(n^[l], n^[l−1]) · 0.01 and b^[l] = zeros((n^[l], 1)).
     */
    public static DeepParameters initializeParametersDeep(int... layerDims) {
        return initializeParametersDeep(Architecture.dls(layerDims), Initialization.SMALL_RANDOM, SEED);
    }

    /** {@link #initializeParametersDeep(Architecture, Initialization, int)} with the workshop's seed 3. */
    public static DeepParameters initializeParametersDeep(Architecture architecture, Initialization initialization) {
        return initializeParametersDeep(architecture, initialization, SEED);
    }

    /**
     * Workshop: {@code initialize_parameters_deep}, {@code initialize_parameters_he}, {@code _zeros}: seeds numpy's
     * generator with {@code seed}, then for l = 1..L in turn
     * <pre>
     * W^[l] = randn(n^[l], n^[l−1]) · scale(n^[l−1])
     * b^[l] = zeros((n^[l], 1))
     * </pre>
     * drawing in the same order as numpy, so the weights are the notebook's. The parameters are on the CPU.
     */
    public static DeepParameters initializeParametersDeep(Architecture architecture, Initialization initialization,
                                                          int seed) {
        NumpyRandom random = new NumpyRandom(seed);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= architecture.L(); l++) {
            int rows = architecture.n(l);
            int nPrev = architecture.n(l - 1);
            W.add(initialization == Initialization.ZEROS ? Matrix.zeros(rows, nPrev)
                    : random.randn(rows, nPrev).times(initialization.scale(nPrev)));
            b.add(Matrix.zeros(rows, 1));
        }
        return new DeepParameters(W, b);
    }

    // ---------------------------------------------------------------- forward

    /**
     * Workshop: {@code linear_forward(A, W, b)}, the linear part of a layer.
     * <pre>
     * Z = W · A + b      (n^[l], n^[l−1])·(n^[l−1], m) + (n^[l], 1) → (n^[l], m)
     * </pre>
     * The workshop also returns {@code cache = (A, W, b)}; here {@link #linearActivationForward} keeps them.
     *
     * @throws IllegalArgumentException when W's columns do not match A's rows, or b is not (n^[l], 1)
     */
    public static Matrix linearForward(Matrix A, Matrix W, Matrix b) {
        checkLinear("linear_forward", "A", A, "W", W, "b", b);
        return W.dotPlus(A, b);
    }

    /**
     * Workshop: {@code linear_activation_forward(A_prev, W, b, activation)}: one layer.
     * <pre>
     * Z = W · A_prev + b
     * A = g(Z)
     * </pre>
     * Returns the layer's cache; A is {@code cache.A()}.
     */
    public static LayerCache linearActivationForward(Matrix A_prev, Matrix W, Matrix b, Activation activation) {
        return layerForward("linear_activation_forward", "A_prev", A_prev, "W", W, "b", b, activation);
    }

    private static LayerCache layerForward(String where, String aName, Matrix A_prev, String wName, Matrix W,
                                           String bName, Matrix b, Activation activation) {
        checkLinear(where, aName, A_prev, wName, W, bName, b);
        // Z = W · A_prev + b,  A = g(Z)
        Matrix Z = W.dotPlus(A_prev, b);
        Matrix A = activation.forward(Z);
        return new LayerCache(A_prev, W, b, Z, A, activation);
    }

    private static void checkLinear(String where, String aName, Matrix A, String wName, Matrix W, String bName,
                                    Matrix b) {
        if (W.cols() != A.rows()) {
            throw new IllegalArgumentException(where + " does not chain: " + wName + " has shape "
                    + W.shape().compact() + " but " + aName + " has shape " + A.shape().compact() + " (" + wName
                    + "'s " + W.cols() + " columns must match " + aName + "'s " + A.rows() + " rows)");
        }
        if (b.rows() != W.rows() || b.cols() != 1) {
            throw new IllegalArgumentException(where + ": " + bName + " has shape " + b.shape().compact() + " but "
                    + wName + " has shape " + W.shape().compact() + ": " + bName + " must be (" + W.rows() + ",1)");
        }
    }

    /** [RELU] × (L−1) → SIGMOID: the workshop's activations for L layers. */
    public static List<Activation> workshopActivations(int L) {
        List<Activation> activations = new ArrayList<>(Collections.nCopies(L - 1, new Relu()));
        activations.add(new Sigmoid());
        return activations;
    }

    /**
     * Workshop: {@code L_model_forward(X, parameters)}: [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID. Returns the
     * caches; AL is {@code caches.AL()}.
     */
    public static DeepCaches lModelForward(Matrix X, DeepParameters parameters) {
        return lModelForward(X, parameters, workshopActivations(parameters.L()));
    }

    /**
     * {@code L_model_forward} with activation g^[l] in layer l:
     * <pre>
     * A^[0] = X
     * for l = 1..L:  Z^[l] = W^[l] A^[l−1] + b^[l],  A^[l] = g^[l](Z^[l])
     * </pre>
     *
     * @throws IllegalArgumentException when a layer's W^[l] does not chain with A^[l−1] (the message names the layer
     *                                  and both shapes), there are not L activations, or X holds NaN or ±∞
     */
    public static DeepCaches lModelForward(Matrix X, DeepParameters parameters, List<Activation> activations) {
        X.requireFinite("L_model_forward", "X", "");
        return forward(X, parameters, activations);
    }

    /** L_model_forward without the check of X, for a training loop that checked it once. */
    private static DeepCaches forward(Matrix X, DeepParameters parameters, List<Activation> activations) {
        int L = parameters.L();
        if (activations.size() != L) {
            throw new IllegalArgumentException("L_model_forward: " + L + " layers of parameters but "
                    + activations.size() + " activations " + activations);
        }
        List<LayerCache> caches = new ArrayList<>();
        Matrix A = X;
        for (int l = 1; l <= L; l++) {
            LayerCache cache = layerForward("L_model_forward: layer " + l, l == 1 ? "X" : "A" + (l - 1), A,
                    "W" + l, parameters.W(l), "b" + l, parameters.b(l), activations.get(l - 1));
            caches.add(cache);
            A = cache.A();
        }
        return new DeepCaches(caches);
    }

    // ---------------------------------------------------------------- cost

    /**
     * Workshop: {@code compute_cost(AL, Y)}, the cross-entropy cost.
     * <pre>
     * J = −(1/m) Σⱼ ( y⁽ʲ⁾ log a⁽ʲ⁾ + (1 − y⁽ʲ⁾) log(1 − a⁽ʲ⁾) )
     * </pre>
     * Exactly the workshop's formula, unclipped (the rule is in {@link TwoLayerNetwork#computeCost}).
     */
    public static double computeCost(Matrix AL, Matrix Y) {
        if (!AL.shape().equals(Y.shape())) {
            throw new IllegalArgumentException("compute_cost: AL has shape " + AL.shape().compact()
                    + " but Y has shape " + Y.shape().compact());
        }
        Inputs.requireProbabilities("compute_cost", "AL", AL);
        new BinaryCrossEntropy().checkLabels(Y, Y.rows());
        return TwoLayerNetwork.crossEntropy(AL, Y);
    }

    /**
     * J = (1/m) Σⱼ ℒ(A^[L](j), Y(j)) for any loss, as the loss object computes it: the cross-entropies evaluate at
     * clip(AL, ε, 1 − ε) (ε = 1e-7, {@link Loss#EPSILON}, Keras's guard), so a saturated output prints a large
     * finite cost; inside [ε, 1 − ε] it is the workshop's value to the last bit. That clip is in the value only: the
     * training path's gradient is the combined dZ^[L] = A − Y ({@link #modelBackward}).
     *
     * @throws IllegalArgumentException when a label is outside the loss's domain (the message names the example), AL
     *                                  holds NaN or ±∞, or a cross-entropy's AL is not a probability
     */
    public static double computeCost(Matrix AL, Matrix Y, Loss loss) {
        Loss read = loss instanceof ClassWeightedLoss weighted ? weighted.unweighted() : loss;
        if (read instanceof BinaryCrossEntropy || read instanceof CategoricalLoss) {
            // a clip would hide an AL that no sigmoid or softmax gives
            Inputs.requireProbabilities("compute_cost", "AL", AL);
        } else {
            AL.requireFinite("compute_cost", "AL", "");
        }
        loss.checkLabels(Y, AL.rows());
        return loss.cost(AL, Y);
    }

    // ---------------------------------------------------------------- backward

    /**
     * Workshop: {@code linear_backward(dZ, cache)}, the linear part of a layer's backward step.
     * <pre>
     * dW = (1/m) dZ · A_prevᵀ          (n^[l], n^[l−1])
     * db = (1/m) Σ_columns dZ          (n^[l], 1)
     * dA_prev = Wᵀ · dZ                (n^[l−1], m)
     * </pre>
     */
    public static LayerGradients linearBackward(Matrix dZ, LayerCache cache) {
        Matrix A_prev = cache.A_prev();
        Matrix W = cache.W();
        if (!dZ.shape().equals(cache.Z().shape())) {
            throw new IllegalArgumentException("linear_backward: dZ has shape " + dZ.shape().compact()
                    + " but Z has shape " + cache.Z().shape().compact());
        }
        int m = A_prev.cols();
        // dW = (1/m) dZ · A_prevᵀ
        Matrix dW = dZ.dot(A_prev.T()).times(1.0 / m);
        // db = (1/m) Σ_columns dZ
        Matrix db = dZ.sum(1).times(1.0 / m);
        // dA_prev = Wᵀ · dZ
        Matrix dA_prev = W.T().dot(dZ);
        return new LayerGradients(dA_prev, dW, db);
    }

    /**
     * Workshop: {@code linear_activation_backward(dA, cache, activation)}: one layer's backward step, with the
     * activation the cache remembers.
     * <pre>
     * dZ = g′ applied to dA     (dA ⊙ g′(Z) for an elementwise g)
     * dA_prev, dW, db = linear_backward(dZ, cache)
     * </pre>
     * The sigmoid's and tanh's g′ read the cached A = g(Z): a(1 − a) and 1 − a², where the DLS
     * {@code sigmoid_backward} recomputes σ(Z). The same numbers, but a cache built by hand must hold A = g(Z).
     */
    public static LayerGradients linearActivationBackward(Matrix dA, LayerCache cache) {
        if (!dA.shape().equals(cache.A().shape())) {
            throw new IllegalArgumentException("linear_activation_backward: dA has shape " + dA.shape().compact()
                    + " but A has shape " + cache.A().shape().compact());
        }
        Matrix dZ = cache.activation().backward(dA, cache.Z(), cache.A());
        return linearBackward(dZ, cache);
    }

    /**
     * Workshop: {@code L_model_backward(AL, Y, caches)}, for the cross-entropy cost:
     * {@code dAL = −(Y/AL − (1 − Y)/(1 − AL))}, then back through the layers.
     */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, DeepCaches caches) {
        return lModelBackward(AL, Y, caches, new BinaryCrossEntropy());
    }

    /**
     * {@code L_model_backward} for any loss:
     * <pre>
     * dA^[L] = loss.gradient(AL, Y)              binary cross-entropy: −(Y/AL − (1 − Y)/(1 − AL))
     * for l = L..1:  dA^[l−1], dW^[l], db^[l] = linear_activation_backward(dA^[l], cache^[l])
     * </pre>
     * When the output layer is softmax and the loss a categorical cross-entropy, the first step is the combined
     * dZ^[L] = A^[L] − Y ({@link Softmax#backwardWithCrossEntropy}), which equals the two steps above without
     * dividing by A^[L]. Binary cross-entropy with one output follows the workshop's dAL exactly, unclipped, so
     * DLS's published test values reproduce (the {@link BinaryCrossEntropy} loss object clips; this line does not).
     * Training uses {@link #modelBackward} instead.
     */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, DeepCaches caches, Loss loss) {
        AL.requireFinite("L_model_backward", "AL", "");
        try {
            loss.checkLabels(Y, AL.rows());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("L_model_backward: " + e.getMessage(), e);
        }
        return backward(AL, Y, caches, loss, false);
    }

    /**
     * The backward pass {@link #lLayerModel} trains with: {@code L_model_backward}, except at a sigmoid output with
     * binary cross-entropy, where dZ^[L] is the combined A^[L] − Y (as for softmax with categorical cross-entropy)
     * wherever the output saturates. There dAL ⊙ σ′(Z^[L]) vanishes: at z ≳ 37, σ(z) rounds to 1 and σ′(z) to 0
     * (and the loss's clip makes dAL finite), while the true dJ/dZ = A − Y is still 1 for y = 0.
     * <pre>
     * dZ^[L] = dAL ⊙ A(1 − A)     where ε &lt; A &lt; 1 − ε     (= A − Y up to rounding)
     * dZ^[L] = A − Y              where A ≤ ε or A ≥ 1 − ε  (the clip of the loss is active)
     * </pre>
     * Departure from a plain A − Y everywhere: inside [ε, 1 − ε] the workshop's two-step product is kept, so that
     * every cost the lessons print stays the workshop's to the last digit.
     */
    public static DeepGradients modelBackward(Matrix AL, Matrix Y, DeepCaches caches, Loss loss) {
        return backward(AL, Y, caches, loss, true);
    }

    private static DeepGradients backward(Matrix AL, Matrix Y, DeepCaches caches, Loss loss, boolean training) {
        int L = caches.L();
        Matrix[] dA = new Matrix[L];
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        LayerCache output = caches.layer(L);
        LayerGradients grads;
        if (output.activation() instanceof Softmax && loss instanceof CategoricalLoss categorical) {
            // dZ^[L] = A^[L] − Y
            grads = linearBackward(Softmax.backwardWithCrossEntropy(AL, categorical.oneHot(Y, AL.rows())), output);
        } else if (training && output.activation() instanceof Sigmoid && loss instanceof BinaryCrossEntropy) {
            // dZ^[L] = dA^[L] ⊙ σ′(Z^[L]) where ε < A^[L] < 1 − ε,  (A^[L] − Y) / n^[L] where the output saturates
            Matrix workshop = output.activation().backward(loss.gradient(AL, Y), output.Z(), AL);
            Matrix saturated = AL.le(Loss.EPSILON).plus(AL.ge(1 - Loss.EPSILON));
            Matrix exact = AL.minus(Y).div(AL.rows());
            grads = linearBackward(workshop.times(saturated.rminus(1)).plus(exact.times(saturated)), output);
        } else if (loss instanceof BinaryCrossEntropy && AL.rows() == 1) {
            // dAL = −(Y/AL − (1 − Y)/(1 − AL)), the workshop's line, unclipped
            Matrix dAL = Y.div(AL).minus(Y.rminus(1).div(AL.rminus(1))).negate();
            grads = linearActivationBackward(dAL, output);
        } else {
            // dA^[L] = ∂ℒ/∂A^[L]
            grads = linearActivationBackward(loss.gradient(AL, Y), output);
        }
        dA[L - 1] = grads.dA_prev();
        dW[L - 1] = grads.dW();
        db[L - 1] = grads.db();
        for (int l = L - 1; l >= 1; l--) {
            // dA^[l−1], dW^[l], db^[l] from dA^[l]
            grads = linearActivationBackward(dA[l], caches.layer(l));
            dA[l - 1] = grads.dA_prev();
            dW[l - 1] = grads.dW();
            db[l - 1] = grads.db();
        }
        return new DeepGradients(List.of(dA), List.of(dW), List.of(db));
    }

    // ---------------------------------------------------------------- update and training

    /**
     * Workshop: {@code update_parameters(parameters, grads, learning_rate)}, one step of gradient descent.
     * <pre>
     * W^[l] := W^[l] − α dW^[l],   b^[l] := b^[l] − α db^[l]     for l = 1..L
     * </pre>
     */
    public static DeepParameters updateParameters(DeepParameters parameters, DeepGradients grads,
                                                  double learningRate) {
        Inputs.requireLearningRate("update_parameters", learningRate);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= parameters.L(); l++) {
            Inputs.requireSameShape("update_parameters", "W" + l, parameters.W(l), "dW" + l, grads.dW(l));
            Inputs.requireSameShape("update_parameters", "b" + l, parameters.b(l), "db" + l, grads.db(l));
            // W^[l] := W^[l] − α dW^[l],  b^[l] := b^[l] − α db^[l]
            W.add(parameters.W(l).minusTimes(grads.dW(l), learningRate));
            b.add(parameters.b(l).minusTimes(grads.db(l), learningRate));
        }
        return new DeepParameters(W, b);
    }

    /**
     * Workshop: {@code L_layer_model(X, Y, layers_dims, learning_rate, num_iterations, print_cost)}: the workshop's
     * network and initialisation, the cost reported every 100 iterations (0, 100, ...).
     */
    public static DeepParameters lLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                             int numIterations, CostListener listener) {
        return lLayerModel(X, Y, Architecture.dls(layersDims), Initialization.SMALL_RANDOM, learningRate,
                numIterations, COST_EVERY, listener);
    }

    /**
     * Workshop: {@code L_layer_model}: initialise (seed 3), then repeat forward propagation, cost, backward
     * propagation and update, in the one {@link TrainingLoop} with full batches (one epoch is one iteration) and
     * {@link GradientDescent}. The parameters are made on the host and moved to X's backend, where training stays.
     *
     * <p>Departures from the workshop: the backward pass is {@link #modelBackward} (the combined dZ^[L] = A − Y at
     * a sigmoid or softmax output, so a saturated output still learns); X, Y and every iteration's cost are checked
     * for NaN/±∞; each iteration runs in a {@link MatrixScope} so that a device frees its temporaries.
     *
     * @throws IllegalStateException when the cost stops being finite (learning rate too large, say)
     */
    public static DeepParameters lLayerModel(Matrix X, Matrix Y, Architecture architecture,
                                             Initialization initialization, double learningRate, int numIterations,
                                             int costEvery, CostListener listener) {
        return lLayerModel(X, Y, architecture, initialization, SEED, learningRate, numIterations, costEvery,
                listener);
    }

    /**
     * {@code L_layer_model} with the seed of the initialisation given: DLS's "Deep Neural Network – Application"
     * seeds 1 where the step-by-step notebook seeds 3.
     */
    public static DeepParameters lLayerModel(Matrix X, Matrix Y, Architecture architecture,
                                             Initialization initialization, int seed, double learningRate,
                                             int numIterations, int costEvery, CostListener listener) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("L_layer_model: X has " + X.cols() + " examples " + X.shape().compact()
                    + " but Y has " + Y.cols() + " " + Y.shape().compact());
        }
        if (X.rows() != architecture.n(0)) {
            throw new IllegalArgumentException("L_layer_model: X has " + X.rows() + " rows " + X.shape().compact()
                    + " but layer_dims " + architecture.layerDims() + " start with n^[0] = " + architecture.n(0));
        }
        return lLayerModel(X, Y, architecture, initializeParametersDeep(architecture, initialization, seed),
                learningRate, numIterations, costEvery, listener);
    }

    /** {@code L_layer_model}'s loop from given starting parameters (moved to X's backend). */
    public static DeepParameters lLayerModel(Matrix X, Matrix Y, Architecture architecture, DeepParameters start,
                                             double learningRate, int numIterations, int costEvery,
                                             CostListener listener) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("L_layer_model: X has " + X.cols() + " examples " + X.shape().compact()
                    + " but Y has " + Y.cols() + " " + Y.shape().compact());
        }
        if (numIterations < 0) {
            throw new IllegalArgumentException("L_layer_model: num_iterations must be ≥ 0, got " + numIterations);
        }
        Model model = new Model(architecture, start.to(X.backend()));
        // a null listener is print_cost=False
        CostListener report = listener == null ? (i, cost) -> { } : listener;
        new TrainingLoop("L_layer_model", new GradientDescent(learningRate)).epochs(numIterations)
                .callbacks(new PrintCost(costEvery, report::onCost)).fit(model, X, Y);
        return model.parameters;
    }

    /**
     * DLS "Deep Neural Network – Application": {@code two_layer_model(X, Y, layers_dims, learning_rate=0.0075,
     * num_iterations=3000, print_cost)}, LINEAR → RELU → LINEAR → SIGMOID with {@code np.random.seed(1)} and
     * randn · 0.01, reporting the cost every 100 iterations. {@code layersDims} is (n_x, n_h, n_y).
     */
    public static DeepParameters twoLayerModel(Matrix X, Matrix Y, int[] layersDims, double learningRate,
                                               int numIterations, CostListener listener) {
        if (layersDims.length != 3) {
            throw new IllegalArgumentException("two_layer_model: layers_dims must be (n_x, n_h, n_y), got "
                    + Arrays.toString(layersDims));
        }
        return lLayerModel(X, Y, Architecture.dls(layersDims), Initialization.SMALL_RANDOM, 1, learningRate,
                numIterations, COST_EVERY, listener);
    }

    /** L_layer_model's network for the {@link TrainingLoop}. */
    private static final class Model implements Trainable {
        private final Architecture architecture;
        private DeepParameters parameters;

        Model(Architecture architecture, DeepParameters parameters) {
            this.architecture = architecture;
            this.parameters = parameters;
        }

        @Override
        public List<Matrix> parameters() {
            return parameters.matrices();
        }

        @Override
        public void setParameters(List<Matrix> matrices) {
            parameters = DeepParameters.of(matrices);
        }

        @Override
        public Step step(Matrix X, Matrix Y) {
            DeepCaches caches = forward(X, parameters, architecture.activations());
            double cost = architecture.loss().cost(caches.AL(), Y);
            return new Step(cost, modelBackward(caches.AL(), Y, caches, architecture.loss()).matrices());
        }

        @Override
        public Matrix output(Matrix X) {
            return forward(X, parameters, architecture.activations()).AL();
        }

        @Override
        public double cost(Matrix AL, Matrix Y) {
            return architecture.loss().cost(AL, Y);
        }

        @Override
        public List<String> parameterNames() {
            List<String> names = new ArrayList<>();
            for (int l = 1; l <= parameters.L(); l++) {
                names.add("W" + l);
                names.add("b" + l);
            }
            return names;
        }

        @Override
        public boolean[] weights() {
            boolean[] w = new boolean[2 * parameters.L()];
            for (int l = 0; l < parameters.L(); l++) {
                w[2 * l] = true;
            }
            return w;
        }

        @Override
        public void checkLabels(Matrix Y) {
            architecture.loss().checkLabels(Y, architecture.n(architecture.L()));
        }
    }

    // ---------------------------------------------------------------- prediction

    /**
     * Workshop: {@code predict(X, y, parameters)}: 1 where AL &gt; 0.5, else 0, as a (1, m) matrix. The workshop's
     * also prints the accuracy against y; here {@link TwoLayerNetwork#accuracy} computes it.
     */
    public static Matrix predict(Matrix X, DeepParameters parameters) {
        return predict(X, parameters, workshopActivations(parameters.L()));
    }

    /**
     * The class of each example, from the output layer's activation:
     * <ul>
     * <li>softmax: the index of the largest probability (the first, on ties, as {@code np.argmax}), (1, m);</li>
     * <li>sigmoid: 1 where A^[L] &gt; 0.5, else 0;</li>
     * <li>any other (tanh, linear: a score centred on 0, as the hinge losses read it): 1 where A^[L] &gt; 0.</li>
     * </ul>
     * For a regression, the prediction is A^[L] itself: {@code lModelForward(X, parameters, activations).AL()}.
     */
    public static Matrix predict(Matrix X, DeepParameters parameters, List<Activation> activations) {
        X.requireFinite("predict", "X", "");
        Matrix AL = forward(X, parameters, activations).AL();
        Activation output = activations.get(activations.size() - 1);
        if (output instanceof Softmax) {
            return Predictions.argmax(AL);
        }
        return Predictions.requireFinite("predict", AL).gt(output instanceof Sigmoid ? 0.5 : 0.0);
    }

    // ---------------------------------------------------------------- for the lessons

    /**
     * ‖dW^[l]‖ (the Frobenius norm, √Σ dW²) for l = 1..L, in {@code [l − 1]}: how much gradient reaches each layer.
     * Shrinking towards layer 1, it shows the vanishing gradient of a deep stack of sigmoids.
     */
    public static double[] gradientNorms(DeepGradients grads) {
        double[] norms = new double[grads.L()];
        for (int l = 1; l <= grads.L(); l++) {
            norms[l - 1] = Math.sqrt(grads.dW(l).square().sum());
        }
        return norms;
    }

    /**
     * The shapes of W^[l], b^[l], Z^[l] and A^[l] for l = 1..L with m examples, read from the parameters.
     */
    public static List<LayerShapes> layerShapes(DeepParameters parameters, List<Activation> activations, int m) {
        if (activations.size() != parameters.L()) {
            throw new IllegalArgumentException("layer shapes: " + parameters.L() + " layers of parameters but "
                    + activations.size() + " activations");
        }
        List<LayerShapes> shapes = new ArrayList<>();
        for (int l = 1; l <= parameters.L(); l++) {
            Matrix W = parameters.W(l);
            shapes.add(new LayerShapes(l, W.shape(), parameters.b(l).shape(), new Shape(W.rows(), m),
                    new Shape(W.rows(), m)));
        }
        return shapes;
    }
}
