package dev.backprop.core.train;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one training loop: every model of the workshop (the two-layer network, the L-layer network, logistic
 * regression, {@link Sequential}) trains here.
 * <pre>
 * for epoch = 0 .. epochs−1:
 *     optimizer.startEpoch(epoch)                        a learning-rate schedule acts here
 *     for each mini-batch (X_t, Y_t) of the (shuffled) columns:
 *         J_t, dθ = model.step(X_t, Y_t)                 forward, cost, backward
 *         J_t += (λ/2m_t) Σ‖W‖²,  dW += (λ/m_t) W        when L2 is on
 *         θ = optimizer.update(θ, dθ)
 *     loss = Σ_t m_t J_t / m                            the cost averaged over the epoch
 *     metrics, validation, callbacks
 * </pre>
 * Batch gradient descent (batch size m, the default), stochastic gradient descent (batch size 1) and mini-batch
 * gradient descent are the same loop. With full batches, an epoch is one iteration of the workshop's loops.
 *
 * <p>Shuffling: none by default (the batches are consecutive columns). {@link #shuffle(int)} draws a new
 * permutation every epoch from one generator seeded once. {@link #dls(int)} follows the DLS optimization
 * assignment's {@code model()}: before each epoch {@code seed = seed + 1}, then {@code random_mini_batches(X, Y,
 * size, seed)} ({@code np.random.seed(seed)}, {@code np.random.permutation(m)}, the last batch partial).
 *
 * <p>Never silently wrong: X and Y are checked once before training (every value finite, as many examples, m ≥ 1,
 * labels in the loss's domain), and the cost of every batch is checked: a NaN or ±∞ stops training with the
 * iteration, epoch, batch and learning rate.
 *
 * <p>Each batch runs in a {@link MatrixScope}, so that a device frees its temporaries and the fast CPU backend
 * reuses their arrays for the next batch's; the new parameters are kept, with the optimizer's
 * {@linkplain Optimizer#state() state}; the parameters and state they replace are freed.
 */
public final class TrainingLoop {

    /** The state of a run, for callbacks. */
    public static final class Run {
        private final Trainable model;
        private final History history;
        private final int epochs;
        private final long startNanos;
        private boolean stoppedEarly;

        Run(Trainable model, History history, int epochs, long startNanos) {
            this.model = model;
            this.history = history;
            this.epochs = epochs;
            this.startNanos = startNanos;
        }

        public Trainable model() {
            return model;
        }

        public History history() {
            return history;
        }

        /** The number of epochs asked for. */
        public int epochs() {
            return epochs;
        }

        public long startNanos() {
            return startNanos;
        }

        /** Whether a callback stopped training before the last epoch. */
        public boolean stoppedEarly() {
            return stoppedEarly;
        }
    }

    private final String name;
    private final Optimizer optimizer;
    private int epochs = 1;
    private int batchSize;
    private boolean shuffle;
    private boolean dls;
    private int seed;
    private double lambda;
    private Matrix validationX;
    private Matrix validationY;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();

    /**
     * A loop named {@code name} (the workshop function it runs for, e.g. {@code nn_model}; every message starts with
     * it) that steps with {@code optimizer}.
     */
    public TrainingLoop(String name, Optimizer optimizer) {
        this.name = name;
        this.optimizer = optimizer;
    }

    /** How many passes over the training data (the workshop's {@code num_iterations} with full batches). */
    public TrainingLoop epochs(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException(name + ": epochs must be ≥ 0, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Examples per batch: m (full batch, the default, also for 0), 1 (stochastic), or anything between. */
    public TrainingLoop batchSize(int batchSize) {
        if (batchSize < 0) {
            throw new IllegalArgumentException(name + ": batch size must be ≥ 1 (or 0 for the whole training set),"
                    + " got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Shuffles the columns every epoch, from one {@code NumpyRandom(seed)}. */
    public TrainingLoop shuffle(int seed) {
        this.shuffle = true;
        this.dls = false;
        this.seed = seed;
        return this;
    }

    /** The DLS {@code model()} convention: {@code seed += 1} before every epoch, then reshuffle with that seed. */
    public TrainingLoop dls(int seed) {
        this.shuffle = true;
        this.dls = true;
        this.seed = seed;
        return this;
    }

    /** L2 regularisation with strength λ ({@link Regularization}); 0 turns it off. */
    public TrainingLoop l2(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException(name + ": L2 λ must be a finite number ≥ 0, got " + lambda);
        }
        this.lambda = lambda;
        return this;
    }

    /** Data to report {@code val_loss} and {@code val_…} metrics on after every epoch (not trained on). */
    public TrainingLoop validation(Matrix X, Matrix Y) {
        this.validationX = X;
        this.validationY = Y;
        return this;
    }

    public TrainingLoop metrics(List<Metric> metrics) {
        this.metrics.addAll(metrics);
        return this;
    }

    public TrainingLoop callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    /** The optimizer this loop steps with. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains {@code model} on X (n_x, m) and Y (n_y, m) and returns what each epoch recorded.
     *
     * @throws IllegalArgumentException when X and Y do not match, hold NaN/±∞, have no examples, or a label is
     *                                  outside the loss's domain
     * @throws IllegalStateException    when the cost of a batch, the output, or an epoch's loss or metric stops being
     *                                  finite
     */
    public History fit(Trainable model, Matrix X, Matrix Y) {
        checkData(X, Y, "X", "Y");
        checkLabels(model, Y, "Y");
        if (validationX != null) {
            checkData(validationX, validationY, "validation X", "validation Y");
            checkLabels(model, validationY, "validation Y");
        }
        int m = X.cols();
        int size = batchSize == 0 || batchSize > m ? m : batchSize;
        int batches = (m + size - 1) / size;
        boolean[] weights = model.weights();
        NumpyRandom random = shuffle && !dls ? new NumpyRandom(seed) : null;
        int epochSeed = seed;
        History history = new History();
        long start = System.nanoTime();
        Run run = new Run(model, history, epochs, start);
        int iteration = 0;
        int epoch = 0;
        for (; epoch < epochs; epoch++) {
            optimizer.startEpoch(epoch);
            int[] order = null;
            if (dls) {
                epochSeed++;
                order = new NumpyRandom(epochSeed).permutation(m);
            } else if (random != null) {
                order = random.permutation(m);
            }
            // X[:, permutation], Y[:, permutation]: gathered once per epoch, then cut into batches
            Matrix Xs = order == null ? X : X.columns(order);
            Matrix Ys = order == null ? Y : Y.columns(order);
            double epochCost = 0;
            double epochCostScaled = 0;
            for (int t = 0; t < batches; t++, iteration++) {
                int from = t * size;
                int to = Math.min(m, from + size);
                try (MatrixScope scope = MatrixScope.open()) {
                    Matrix Xt = batches == 1 ? Xs : Xs.columns(from, to);
                    Matrix Yt = batches == 1 ? Ys : Ys.columns(from, to);
                    List<Matrix> parameters = model.parameters();
                    Trainable.Step step = model.step(Xt, Yt);
                    double cost = step.cost();
                    List<Matrix> gradients = step.gradients();
                    if (lambda > 0) {
                        // J += (λ/2m) Σ‖W‖²,  dW += (λ/m) W
                        cost += Regularization.l2Cost(parameters, weights, lambda, to - from);
                        gradients = Regularization.l2Gradients(parameters, gradients, weights, lambda, to - from);
                    }
                    if (!Double.isFinite(cost)) {
                        throw new IllegalStateException(name + ": cost is " + cost + " at iteration " + iteration
                                + " (epoch " + epoch + ", batch " + (t + 1) + " of " + batches + ", learning rate "
                                + optimizer.learningRate() + "): " + (iteration == 0
                                ? "no step of this fit was taken yet, so the parameters it started from already cost"
                                + " that: the features or the labels may be on too large a scale (normalize them)"
                                + (lambda > 0 ? ", the L2 λ " + lambda + " too large" : "")
                                + ", or an earlier fit diverged"
                                : "the input was finite, so the steps diverged; try a smaller learning rate"));
                    }
                    List<Matrix> previousState = optimizer.state().matrices();
                    List<Matrix> updated = optimizer.update(parameters, gradients);
                    List<Matrix> state = optimizer.state().matrices();
                    // the optimizer holds its new state from here on, even when the check below throws
                    for (Matrix s : state) {
                        scope.keep(s);
                    }
                    requireFiniteParameters(model, updated, iteration, epoch);
                    for (Matrix p : updated) {
                        scope.keep(p);
                    }
                    model.setParameters(updated);
                    releaseReplaced(parameters, updated);
                    releaseReplaced(previousState, state);
                    epochCost += batches == 1 ? cost : cost * (to - from);
                    // the same mean, for when the sum of cost · m_t overflows though each cost is finite
                    epochCostScaled += cost * ((double) (to - from) / m);
                }
            }
            if (order != null) {
                Xs.release();
                Ys.release();
            }
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", batches == 1 ? epochCost
                    : Double.isFinite(epochCost) ? epochCost / m : epochCostScaled);
            if (!metrics.isEmpty() || validationX != null) {
                MatrixScope evaluation = MatrixScope.open();
                try {
                    if (!metrics.isEmpty()) {
                        Matrix AL = model.output(X);
                        requireFiniteOutput(AL, "X", iteration - 1, epoch);
                        for (Metric metric : metrics) {
                            logs.put(metric.name(), metric.value(AL, Y));
                        }
                    }
                    if (validationX != null) {
                        Matrix AL = model.output(validationX);
                        requireFiniteOutput(AL, "validation X", iteration - 1, epoch);
                        logs.put("val_loss", model.cost(AL, validationY));
                        for (Metric metric : metrics) {
                            logs.put("val_" + metric.name(), metric.value(AL, validationY));
                        }
                    }
                } finally {
                    evaluation.close();
                }
            }
            requireFiniteLogs(logs, epoch);
            logs.forEach(history::add);
            boolean stop = false;
            for (Callback callback : callbacks) {
                stop |= callback.onEpochEnd(epoch, logs, run);
            }
            if (stop) {
                run.stoppedEarly = epoch < epochs - 1;
                epoch++;
                break;
            }
        }
        history.secondsPerEpoch(epoch == 0 ? 0 : (System.nanoTime() - start) / 1e9 / epoch);
        for (Callback callback : callbacks) {
            callback.onTrainEnd(run);
        }
        return history;
    }

    /** Frees each matrix of {@code old} that is not also in {@code kept} (the same object). */
    private static void releaseReplaced(List<Matrix> old, List<Matrix> kept) {
        for (Matrix m : old) {
            if (!containsSame(kept, m)) {
                m.release();
            }
        }
    }

    private static boolean containsSame(List<Matrix> matrices, Matrix m) {
        for (Matrix k : matrices) {
            if (k == m) {
                return true;
            }
        }
        return false;
    }

    /** The loss's label check, its message prefixed with this loop's name (nn_model, fit, …). */
    private void checkLabels(Trainable model, Matrix Y, String what) {
        try {
            model.checkLabels(Y);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The cheap per-iteration guard on the weights: Σ of each updated parameter (one reduction, one number from a
     * device) is finite unless a weight is NaN or ±∞ (or the weights are so large that their sum overflows). A
     * clipped cost can stay finite while the weights overflow, so the cost check alone would miss it.
     */
    private void requireFiniteParameters(Trainable model, List<Matrix> parameters, int iteration, int epoch) {
        for (int i = 0; i < parameters.size(); i++) {
            double sum = parameters.get(i).sum();
            if (!Double.isFinite(sum)) {
                // by its name where the model has names (W1, b1, …), else by its place
                List<String> names = model.parameterNames();
                String parameter = names.size() == parameters.size() ? names.get(i)
                        : "parameter " + (i + 1) + " of " + parameters.size();
                throw new IllegalStateException(name + ": " + parameter + " "
                        + parameters.get(i).shape().compact() + " holds NaN or ±∞ (Σ = " + sum + ") after iteration "
                        + iteration + " (epoch " + epoch + ", learning rate " + optimizer.learningRate() + "): the"
                        + " steps diverged; try a smaller learning rate");
            }
        }
    }

    /** An epoch's loss and metrics, every one finite, or an exception naming the first that is not. */
    private void requireFiniteLogs(Map<String, Double> logs, int epoch) {
        for (Map.Entry<String, Double> log : logs.entrySet()) {
            if (!Double.isFinite(log.getValue())) {
                throw new IllegalStateException(name + ": " + log.getKey() + " is " + log.getValue() + " after epoch "
                        + epoch + " (learning rate " + optimizer.learningRate() + "), though the output is finite: it"
                        + " overflows a double, or takes the log of 0; the labels or the L2 penalty may be far too"
                        + " large");
            }
        }
    }

    /**
     * The parameters and the data were finite, so an output that is not comes from parameters too large for the
     * forward pass (W·A overflows to ±∞, then ∞ − ∞ is NaN): the steps diverged before a batch's cost could show it.
     */
    private void requireFiniteOutput(Matrix AL, String input, int iteration, int epoch) {
        int k = AL.firstNonFinite();
        if (k >= 0) {
            int i = k / AL.cols();
            int j = k % AL.cols();
            throw new IllegalStateException(name + ": the output on " + input + " " + AL.shape().compact() + " is "
                    + AL.get(i, j) + " at column " + j + " (row " + i + ") after iteration " + iteration + " (epoch "
                    + epoch + ", learning rate " + optimizer.learningRate() + "), though the parameters and the input"
                    + " are finite: the steps diverged; try a smaller learning rate");
        }
    }

    private void checkData(Matrix X, Matrix Y, String xName, String yName) {
        if (X.cols() != Y.cols()) {
            throw new IllegalArgumentException(name + ": " + xName + " has " + X.cols() + " examples "
                    + X.shape().compact() + " but " + yName + " has " + Y.cols() + " " + Y.shape().compact());
        }
        if (X.cols() == 0) {
            throw new IllegalArgumentException(name + ": " + xName + " has no examples " + X.shape().compact()
                    + ": there is nothing to train on");
        }
        requireFinite(X, xName);
        requireFinite(Y, yName);
    }

    private void requireFinite(Matrix A, String what) {
        A.requireFinite(name, what, "clean the data before training");
    }

    /** Copies of the parameters on the CPU, which stay valid while a device frees the originals. */
    static List<Matrix> snapshot(List<Matrix> parameters) {
        return parameters.stream().map(p -> Matrix.of(p.rows(), p.cols(), p.toArray())).toList();
    }

    /** The snapshot moved back to the backend of {@code like}. */
    static List<Matrix> restore(List<Matrix> snapshot, List<Matrix> like) {
        List<Matrix> out = new ArrayList<>();
        for (int i = 0; i < snapshot.size(); i++) {
            out.add(snapshot.get(i).to(like.get(i).backend()));
        }
        return out;
    }
}
