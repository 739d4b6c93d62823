package dev.backprop.core.model;

import dev.backprop.core.init.Initializer;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.TwoLayerNetwork.CostListener;
import dev.backprop.core.optim.Hyperparameters;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The Deep Learning Specialization's "Optimization Methods" assignment, function by function, with its names,
 * argument order and math: mini-batches, momentum, Adam, learning-rate decay, and its {@code model()} with the
 * helpers of its {@code opt_utils} (a 3-layer LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID network, He
 * initialization seeded 3). Examples are columns: X is (n_x, m), Y is (1, m).
 * <pre>
 * mini-batch gradient descent, per epoch:  shuffle the columns; for each batch of 64: forward, cost, backward, update
 * momentum:  v = β v + (1 − β) dW;           W = W − α v
 * Adam:      v = β₁ v + (1 − β₁) dW;  s = β₂ s + (1 − β₂) dW²
 *            v̂ = v / (1 − β₁ᵗ);  ŝ = s / (1 − β₂ᵗ);  W = W − α v̂ / (√ŝ + ε)
 * </pre>
 * Departures from the assignment: the dicts {@code v}, {@code s}, {@code grads} are records indexed by layer
 * (l = 1..L), and {@code parameters} is {@link DeepParameters}. The {@link Optimizer} classes of
 * {@code core.optim} compute the same numbers; these functions are the ones a lesson shows line by line.
 */
public final class Optimization {

    /** {@code model()}'s seed before the first epoch (incremented at the start of every epoch). */
    public static final int MODEL_SEED = 10;

    /** The seed of opt_utils' {@code initialize_parameters}. */
    public static final int INITIALIZATION_SEED = 3;

    private Optimization() {
    }

    // ---------------------------------------------------------------- the types

    /** One mini-batch: {@code (mini_batch_X, mini_batch_Y)}, X (n_x, size), Y (1, size). */
    public record MiniBatch(Matrix X, Matrix Y) {
    }

    /**
     * DLS's {@code v} or {@code s} dict: one matrix per parameter, keyed as the gradients are ({@code dW1, db1,
     * ...}), l = 1..L.
     */
    public record Averages(List<Matrix> dW, List<Matrix> db) implements MatrixGroup {

        public Averages {
            dW = List.copyOf(dW);
            db = List.copyOf(db);
            if (dW.size() != db.size()) {
                throw new IllegalArgumentException("averages: " + dW.size() + " dW and " + db.size() + " db");
            }
        }

        public int L() {
            return dW.size();
        }

        /** {@code v["dW" + str(l)]}, l = 1..L. */
        public Matrix dW(int l) {
            return dW.get(l - 1);
        }

        /** {@code v["db" + str(l)]}, l = 1..L. */
        public Matrix db(int l) {
            return db.get(l - 1);
        }

        /** dW1, db1, dW2, db2, ... */
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

    /** What {@code update_parameters_with_momentum} returns: {@code parameters, v}. */
    public record MomentumUpdate(DeepParameters parameters, Averages v) {
    }

    /** What {@code initialize_adam} returns: {@code v, s}. */
    public record AdamState(Averages v, Averages s) {
    }

    /** What {@code update_parameters_with_adam} returns: {@code parameters, v, s, v_corrected, s_corrected}. */
    public record AdamUpdate(DeepParameters parameters, Averages v, Averages s, Averages vCorrected,
                             Averages sCorrected) {
    }

    /** A learning-rate decay as {@code model()} takes it: {@link #updateLr} or {@link #scheduleLrDecay}. */
    @FunctionalInterface
    public interface Decay {
        double learningRate(double learningRate0, int epochNum, double decayRate);
    }

    /**
     * What {@code model()} leaves: the trained parameters, and what it records every 100 epochs (epoch 0, 100,
     * ...): the epoch-averaged cost and the learning rate after that epoch's decay.
     */
    public record ModelRun(DeepParameters parameters, List<Double> costs, List<Double> learningRates) {
    }

    // ---------------------------------------------------------------- mini-batches

    /**
     * DLS: {@code random_mini_batches(X, Y, mini_batch_size=64, seed=0)}:
     * <pre>
     * np.random.seed(seed)
     * permutation = list(np.random.permutation(m))
     * shuffled_X = X[:, permutation];  shuffled_Y = Y[:, permutation]
     * batches of mini_batch_size columns; the last one holds the m mod mini_batch_size left over
     * </pre>
     * The permutation is numpy's, draw for draw, so the batches are the notebook's bit for bit. The batches are on
     * X's backend (the shuffle itself runs on the host); shuffled_X and shuffled_Y are freed once cut.
     */
    public static List<MiniBatch> randomMiniBatches(Matrix X, Matrix Y) {
        return randomMiniBatches(X, Y, 64, 0);
    }

    /** DLS: {@code random_mini_batches(X, Y, mini_batch_size, seed)}: see {@link #randomMiniBatches(Matrix, Matrix)}. */
    public static List<MiniBatch> randomMiniBatches(Matrix X, Matrix Y, int miniBatchSize, int seed) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException("random_mini_batches: X " + X.shape().compact() + " and Y "
                    + Y.shape().compact() + " must have the same number of examples (columns)");
        }
        if (miniBatchSize < 1) {
            throw new IllegalArgumentException("random_mini_batches: mini_batch_size must be ≥ 1, got "
                    + miniBatchSize);
        }
        int m = X.cols();
        int[] permutation = new NumpyRandom(seed).permutation(m);
        Matrix shuffled_X = X.columns(permutation);
        Matrix shuffled_Y = Y.columns(permutation);
        List<MiniBatch> miniBatches = new ArrayList<>();
        for (int from = 0; from < m; from += miniBatchSize) {
            int to = Math.min(from + miniBatchSize, m);
            miniBatches.add(new MiniBatch(shuffled_X.columns(from, to), shuffled_Y.columns(from, to)));
        }
        shuffled_X.release();
        shuffled_Y.release();
        return miniBatches;
    }

    // ---------------------------------------------------------------- gradient descent, momentum, Adam

    /**
     * DLS: {@code update_parameters_with_gd(parameters, grads, learning_rate)}, the workshop's
     * {@code update_parameters}: W^[l] = W^[l] − α dW^[l], b^[l] = b^[l] − α db^[l].
     */
    public static DeepParameters updateParametersWithGd(DeepParameters parameters, DeepGradients grads,
                                                        double learningRate) {
        return DeepNetwork.updateParameters(parameters, grads, learningRate);
    }

    /**
     * DLS: {@code initialize_velocity(parameters)}: v["dW" + l] = zeros(W^[l].shape), v["db" + l] =
     * zeros(b^[l].shape), on the parameters' backend.
     */
    public static Averages initializeVelocity(DeepParameters parameters) {
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        for (int l = 1; l <= parameters.L(); l++) {
            dW.add(zerosLike(parameters.W(l)));
            db.add(zerosLike(parameters.b(l)));
        }
        return new Averages(dW, db);
    }

    private static Matrix zerosLike(Matrix A) {
        return A.backend().full(A.rows(), A.cols(), 0.0);
    }

    /**
     * DLS: {@code update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)}, for l = 1..L:
     * <pre>
     * v["dW" + l] = β v["dW" + l] + (1 − β) dW^[l];    W^[l] = W^[l] − α v["dW" + l]
     * v["db" + l] = β v["db" + l] + (1 − β) db^[l];    b^[l] = b^[l] − α v["db" + l]
     * </pre>
     */
    public static MomentumUpdate updateParametersWithMomentum(DeepParameters parameters, DeepGradients grads,
                                                              Averages v, double beta, double learningRate) {
        checkLayers("update_parameters_with_momentum", parameters, grads, v);
        Hyperparameters.unit("update_parameters_with_momentum", "beta", beta);
        Inputs.requireLearningRate("update_parameters_with_momentum", learningRate);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Matrix> vdW = new ArrayList<>();
        List<Matrix> vdb = new ArrayList<>();
        for (int l = 1; l <= parameters.L(); l++) {
            // v = β v + (1 − β) dW
            vdW.add(v.dW(l).times(beta).plus(grads.dW(l).times(1 - beta)));
            vdb.add(v.db(l).times(beta).plus(grads.db(l).times(1 - beta)));
            // W = W − α v
            W.add(parameters.W(l).minusTimes(vdW.get(l - 1), learningRate));
            b.add(parameters.b(l).minusTimes(vdb.get(l - 1), learningRate));
        }
        return new MomentumUpdate(new DeepParameters(W, b), new Averages(vdW, vdb));
    }

    /** DLS: {@code initialize_adam(parameters)}: v and s, both zeros like the parameters. */
    public static AdamState initializeAdam(DeepParameters parameters) {
        return new AdamState(initializeVelocity(parameters), initializeVelocity(parameters));
    }

    /**
     * DLS: {@code update_parameters_with_adam(parameters, grads, v, s, t)}, with its defaults α = 0.01, β₁ = 0.9,
     * β₂ = 0.999, ε = 1e-8.
     */
    public static AdamUpdate updateParametersWithAdam(DeepParameters parameters, DeepGradients grads, Averages v,
                                                      Averages s, int t) {
        return updateParametersWithAdam(parameters, grads, v, s, t, 0.01, 0.9, 0.999, 1e-8);
    }

    /**
     * DLS: {@code update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9,
     * beta2=0.999, epsilon=1e-8)}, for every parameter W (and b likewise):
     * <pre>
     * v = β₁ v + (1 − β₁) dW             v̂ = v / (1 − β₁ᵗ)
     * s = β₂ s + (1 − β₂) dW²            ŝ = s / (1 − β₂ᵗ)
     * W = W − α v̂ / (√ŝ + ε)
     * </pre>
     * t counts the updates so far, this one included (1 on the first call).
     */
    public static AdamUpdate updateParametersWithAdam(DeepParameters parameters, DeepGradients grads, Averages v,
                                                      Averages s, int t, double learningRate, double beta1,
                                                      double beta2, double epsilon) {
        checkLayers("update_parameters_with_adam", parameters, grads, v);
        checkLayers("update_parameters_with_adam", parameters, grads, s);
        if (t < 1) {
            throw new IllegalArgumentException("update_parameters_with_adam: t counts the updates from 1, got " + t);
        }
        Inputs.requireLearningRate("update_parameters_with_adam", learningRate);
        Hyperparameters.unit("update_parameters_with_adam", "beta1", beta1);
        Hyperparameters.unit("update_parameters_with_adam", "beta2", beta2);
        Hyperparameters.epsilon("update_parameters_with_adam", epsilon);
        int L = parameters.L();
        List<List<Matrix>> out = new ArrayList<>();   // W, b, v.dW, v.db, s.dW, s.db, v̂.dW, v̂.db, ŝ.dW, ŝ.db
        for (int k = 0; k < 10; k++) {
            out.add(new ArrayList<>());
        }
        for (int l = 1; l <= L; l++) {
            Matrix[] theta = {parameters.W(l), parameters.b(l)};
            Matrix[] d = {grads.dW(l), grads.db(l)};
            Matrix[] vs = {v.dW(l), v.db(l)};
            Matrix[] ss = {s.dW(l), s.db(l)};
            for (int k = 0; k < 2; k++) {
                // v = β₁ v + (1 − β₁) dW;   v̂ = v / (1 − β₁ᵗ)
                Matrix vNew = vs[k].times(beta1).plus(d[k].times(1 - beta1));
                Matrix vCorrected = vNew.div(1 - Math.pow(beta1, t));
                // s = β₂ s + (1 − β₂) dW²;  ŝ = s / (1 − β₂ᵗ)
                Matrix sNew = ss[k].times(beta2).plus(d[k].square().times(1 - beta2));
                Matrix sCorrected = sNew.div(1 - Math.pow(beta2, t));
                // W = W − α v̂ / (√ŝ + ε)
                out.get(k).add(theta[k].minus(vCorrected.times(learningRate).div(sCorrected.sqrt().plus(epsilon))));
                out.get(2 + k).add(vNew);
                out.get(4 + k).add(sNew);
                out.get(6 + k).add(vCorrected);
                out.get(8 + k).add(sCorrected);
            }
        }
        return new AdamUpdate(new DeepParameters(out.get(0), out.get(1)), new Averages(out.get(2), out.get(3)),
                new Averages(out.get(4), out.get(5)), new Averages(out.get(6), out.get(7)),
                new Averages(out.get(8), out.get(9)));
    }

    private static void checkLayers(String where, DeepParameters parameters, DeepGradients grads, Averages v) {
        if (grads.L() != parameters.L() || v.L() != parameters.L()) {
            throw new IllegalArgumentException(where + ": parameters have " + parameters.L() + " layers, grads "
                    + grads.L() + ", v/s " + v.L());
        }
        for (int l = 1; l <= parameters.L(); l++) {
            if (!grads.dW(l).shape().equals(parameters.W(l).shape())
                    || !v.dW(l).shape().equals(parameters.W(l).shape())) {
                throw new IllegalArgumentException(where + ": W" + l + " has shape "
                        + parameters.W(l).shape().compact() + ", dW" + l + " " + grads.dW(l).shape().compact()
                        + ", v/s[dW" + l + "] " + v.dW(l).shape().compact());
            }
        }
    }

    // ---------------------------------------------------------------- learning-rate decay

    /** α₀ a learning rate, the epoch ≥ 0, the decay rate ≥ 0: else 1 + decay_rate · epoch_num can reach 0. */
    private static void requireDecay(String function, double learningRate0, int epochNum, double decayRate) {
        Inputs.requireLearningRate(function, learningRate0);
        if (epochNum < 0 || !(decayRate >= 0 && Double.isFinite(decayRate))) {
            throw new IllegalArgumentException(function + ": epoch_num " + epochNum + " and decay_rate " + decayRate
                    + " must be ≥ 0 (a negative decay makes the rate grow, and 1 + decay_rate · epoch_num can be 0)");
        }
    }

    /** DLS: {@code update_lr(learning_rate0, epoch_num, decay_rate)}: α = α₀ / (1 + decay_rate · epoch_num). */
    public static double updateLr(double learningRate0, int epochNum, double decayRate) {
        requireDecay("update_lr", learningRate0, epochNum, decayRate);
        return learningRate0 / (1 + decayRate * epochNum);
    }

    /**
     * DLS: {@code schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000)}:
     * α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋).
     */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
        if (timeInterval < 1) {
            throw new IllegalArgumentException("schedule_lr_decay: time_interval must be ≥ 1, got " + timeInterval);
        }
        requireDecay("schedule_lr_decay", learningRate0, epochNum, decayRate);
        return learningRate0 / (1 + decayRate * Math.floor((double) epochNum / timeInterval));
    }

    /** {@link #scheduleLrDecay(double, int, double, int)} with DLS's time_interval = 1000. */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate) {
        return scheduleLrDecay(learningRate0, epochNum, decayRate, 1000);
    }

    // ---------------------------------------------------------------- opt_utils: the 3-layer network

    /**
     * opt_utils: {@code initialize_parameters(layer_dims)}: He initialization after {@code np.random.seed(3)},
     * W^[l] = randn(n^[l], n^[l−1]) · √(2 / n^[l−1]), b^[l] = 0.
     */
    public static DeepParameters initializeParameters(int[] layersDims) {
        return DeepParameters.of(Initializer.he().initializeParameters(layersDims, INITIALIZATION_SEED));
    }

    /**
     * opt_utils: {@code forward_propagation(X, parameters)}: [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID (the
     * assignment's L = 3), the same as {@link DeepNetwork#lModelForward(Matrix, DeepParameters)}. A3 is
     * {@code caches.AL()}.
     */
    public static DeepCaches forwardPropagation(Matrix X, DeepParameters parameters) {
        return DeepNetwork.lModelForward(X, parameters);
    }

    /**
     * opt_utils: {@code compute_cost(a3, Y)}. Note: it returns the <em>sum</em> of the cross-entropy over the
     * mini-batch, not the mean; {@code model()} adds the sums of an epoch and divides by m.
     * <pre>
     * cost_total = Σⱼ −y log a3 − (1 − y) log(1 − a3)
     * </pre>
     */
    public static double computeCost(Matrix a3, Matrix Y) {
        if (!a3.shape().equals(Y.shape())) {
            throw new IllegalArgumentException("compute_cost: a3 has shape " + a3.shape().compact() + " but Y has "
                    + Y.shape().compact());
        }
        Inputs.requireProbabilities("compute_cost", "a3", a3);
        Inputs.requireZeroOne("compute_cost", "Y", Y);
        // logprobs = −log(a3)·Y + −log(1 − a3)·(1 − Y)
        Matrix logprobs = a3.log().negate().times(Y).plus(a3.rminus(1).log().negate().times(Y.rminus(1)));
        return logprobs.sum();
    }

    /**
     * opt_utils: {@code backward_propagation(X, Y, cache)}, with the 1/m folded into dz^[L] first, as there:
     * <pre>
     * dz^[L] = (1/m)(a^[L] − Y)
     * dW^[l] = dz^[l] · a^[l−1]ᵀ          db^[l] = Σ_columns dz^[l]
     * da^[l−1] = W^[l]ᵀ · dz^[l]           dz^[l−1] = da^[l−1] ⊙ (a^[l−1] &gt; 0)
     * </pre>
     * The record's dA^[l] holds da^[l] (dA^[0], the gradient with respect to X, which the assignment does not
     * compute, is computed too).
     */
    public static DeepGradients backwardPropagation(Matrix X, Matrix Y, DeepCaches caches) {
        int L = caches.L();
        int m = X.cols();
        Matrix[] dA = new Matrix[L];
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        // dz3 = 1/m (a3 − Y)
        Matrix dz = caches.AL().minus(Y).times(1. / m);
        for (int l = L; l >= 1; l--) {
            LayerCache layer = caches.layer(l);
            // dW = dz · a_prevᵀ,  db = Σ_columns dz
            dW[l - 1] = dz.dot(layer.A_prev().T());
            db[l - 1] = dz.sum(1);
            // da_prev = Wᵀ · dz
            dA[l - 1] = layer.W().T().dot(dz);
            if (l > 1) {
                // dz_prev = da_prev ⊙ (a_prev > 0)
                dz = dA[l - 1].times(layer.A_prev().gt(0));
            }
        }
        return new DeepGradients(List.of(dA), List.of(dW), List.of(db));
    }

    /** opt_utils: {@code predict(X, y, parameters)}: 1 where a3 &gt; 0.5, else 0, (1, m). */
    public static Matrix predict(Matrix X, DeepParameters parameters) {
        return forwardPropagation(X, parameters).AL().gt(0.5);
    }

    /** The accuracy {@code predict} prints: {@code np.mean(p[0,:] == y[0,:])}, a fraction in [0, 1]. */
    public static double accuracy(Matrix X, Matrix Y, DeepParameters parameters) {
        return predict(X, parameters).eq(Y).mean();
    }

    // ---------------------------------------------------------------- model()

    /**
     * DLS: {@code model(X, Y, layers_dims, optimizer)} with the assignment's defaults: learning_rate = 0.0007,
     * mini_batch_size = 64, beta = 0.9, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, num_epochs = 5000, no decay.
     */
    public static ModelRun model(Matrix X, Matrix Y, int[] layersDims, String optimizer, CostListener listener) {
        return model(X, Y, layersDims, optimizer, 0.0007, 64, 0.9, 0.9, 0.999, 1e-8, 5000, listener, null, 1);
    }

    /**
     * DLS: {@code model(X, Y, layers_dims, optimizer, learning_rate, mini_batch_size, beta, beta1, beta2, epsilon,
     * num_epochs, print_cost, decay, decay_rate)}:
     * <pre>
     * parameters = initialize_parameters(layers_dims)          He, seed 3
     * seed = 10;  t = 0
     * for i in range(num_epochs):
     *     seed = seed + 1
     *     for (X_b, Y_b) in random_mini_batches(X, Y, mini_batch_size, seed):
     *         a3 = forward_propagation(X_b);  cost_total += compute_cost(a3, Y_b)
     *         grads = backward_propagation(X_b, Y_b, caches)
     *         update: "gd" | "momentum" (v) | "adam" (t = t + 1; v, s)
     *     cost_avg = cost_total / m
     *     if decay: learning_rate = decay(learning_rate0, i, decay_rate)     after the epoch
     * </pre>
     * The listener gets "Cost after epoch i" every 1000 epochs, as {@code print_cost} prints it; the run records
     * the cost and learning rate every 100 epochs, as the assignment's {@code costs} list.
     *
     * <p>Departure: each mini-batch step runs in a {@link MatrixScope}, so that a device frees its temporaries.
     *
     * @param decay {@link #updateLr}, {@link #scheduleLrDecay(double, int, double)}, or null for none
     * @throws IllegalStateException when the epoch's cost stops being finite
     */
    public static ModelRun model(Matrix X, Matrix Y, int[] layersDims, String optimizer, double learningRate,
                                 int miniBatchSize, double beta, double beta1, double beta2, double epsilon,
                                 int numEpochs, CostListener listener, Decay decay, double decayRate) {
        if (!List.of("gd", "momentum", "adam").contains(optimizer)) {
            throw new IllegalArgumentException("model: optimizer must be \"gd\", \"momentum\" or \"adam\", got \""
                    + optimizer + "\"");
        }
        if (X.rows() != layersDims[0]) {
            throw new IllegalArgumentException("model: X has " + X.rows() + " features " + X.shape().compact()
                    + " but layers_dims[0] is " + layersDims[0]);
        }
        List<Double> costs = new ArrayList<>();
        List<Double> learningRates = new ArrayList<>();
        int t = 0;
        int seed = MODEL_SEED;
        int m = X.cols();
        double learningRate0 = learningRate;
        DeepParameters parameters = initializeParameters(layersDims).to(X.backend());
        Averages v = null;
        Averages s = null;
        if (optimizer.equals("momentum")) {
            v = initializeVelocity(parameters);
        } else if (optimizer.equals("adam")) {
            AdamState adam = initializeAdam(parameters);
            v = adam.v();
            s = adam.s();
        }
        for (int i = 0; i < numEpochs; i++) {
            seed = seed + 1;
            double costTotal = 0;
            for (MiniBatch miniBatch : randomMiniBatches(X, Y, miniBatchSize, seed)) {
                try (MatrixScope scope = MatrixScope.open()) {
                    DeepCaches caches = forwardPropagation(miniBatch.X(), parameters);
                    costTotal += computeCost(caches.AL(), miniBatch.Y());
                    DeepGradients grads = backwardPropagation(miniBatch.X(), miniBatch.Y(), caches);
                    List<Matrix> previous = new ArrayList<>(parameters.matrices());
                    switch (optimizer) {
                        case "gd" -> parameters = updateParametersWithGd(parameters, grads, learningRate);
                        case "momentum" -> {
                            MomentumUpdate update = updateParametersWithMomentum(parameters, grads, v, beta,
                                    learningRate);
                            previous.addAll(v.matrices());
                            parameters = update.parameters();
                            v = scope.keep(update.v());
                        }
                        default -> {
                            t = t + 1;
                            AdamUpdate update = updateParametersWithAdam(parameters, grads, v, s, t, learningRate,
                                    beta1, beta2, epsilon);
                            previous.addAll(v.matrices());
                            previous.addAll(s.matrices());
                            parameters = update.parameters();
                            v = scope.keep(update.v());
                            s = scope.keep(update.s());
                        }
                    }
                    scope.keep(parameters);
                    previous.forEach(Matrix::release);
                }
                miniBatch.X().release();
                miniBatch.Y().release();
            }
            double costAvg = costTotal / m;
            if (!Double.isFinite(costAvg)) {
                throw new IllegalStateException("model: the cost is " + costAvg + " after epoch " + i + " ("
                        + optimizer + ", learning rate " + learningRate + ")");
            }
            if (decay != null) {
                learningRate = decay.learningRate(learningRate0, i, decayRate);
            }
            if (i % 1000 == 0) {
                listener.onCost(i, costAvg);
            }
            if (i % 100 == 0) {
                costs.add(costAvg);
                learningRates.add(learningRate);
            }
        }
        return new ModelRun(parameters, costs, learningRates);
    }

    /**
     * {@code model()} with any {@link Optimizer} in place of the three named ones: the same initialization,
     * mini-batches, seeds and epoch-averaged cost, with {@code optimizer.startEpoch(i)} before epoch i. With
     * {@code GradientDescent}, {@code Momentum} or {@code Adam} (DLS's defaults) it gives the numbers of the named
     * runs. No decay (an optimizer's schedule does that).
     */
    public static ModelRun model(Matrix X, Matrix Y, int[] layersDims, Optimizer optimizer, int miniBatchSize,
                                 int numEpochs, CostListener listener) {
        List<Double> costs = new ArrayList<>();
        List<Double> learningRates = new ArrayList<>();
        int seed = MODEL_SEED;
        int m = X.cols();
        DeepParameters parameters = initializeParameters(layersDims).to(X.backend());
        for (int i = 0; i < numEpochs; i++) {
            seed = seed + 1;
            optimizer.startEpoch(i);
            double costTotal = 0;
            for (MiniBatch miniBatch : randomMiniBatches(X, Y, miniBatchSize, seed)) {
                try (MatrixScope scope = MatrixScope.open()) {
                    DeepCaches caches = forwardPropagation(miniBatch.X(), parameters);
                    costTotal += computeCost(caches.AL(), miniBatch.Y());
                    DeepGradients grads = backwardPropagation(miniBatch.X(), miniBatch.Y(), caches);
                    DeepParameters previous = parameters;
                    List<Matrix> previousState = optimizer.state().matrices();
                    parameters = scope.keep(DeepParameters.of(optimizer.update(parameters.matrices(),
                            grads.matrices())));
                    scope.keep(optimizer.state());
                    previous.matrices().forEach(Matrix::release);
                    previousState.forEach(Matrix::release);
                }
                miniBatch.X().release();
                miniBatch.Y().release();
            }
            double costAvg = costTotal / m;
            if (!Double.isFinite(costAvg)) {
                throw new IllegalStateException("model: the cost is " + costAvg + " after epoch " + i + " ("
                        + optimizer.name() + ", learning rate " + optimizer.learningRate() + ")");
            }
            if (i % 1000 == 0) {
                listener.onCost(i, costAvg);
            }
            if (i % 100 == 0) {
                costs.add(costAvg);
                learningRates.add(optimizer.learningRate());
            }
        }
        return new ModelRun(parameters, costs, learningRates);
    }
}
