package dev.backprop.core.train;

import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalLoss;
import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.OutputCheck;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stack of layers trained by the one {@link TrainingLoop}, with the names Keras users know:
 * <pre>{@code
 * Sequential model = Sequential.of(new Dense(4, new Relu()), new Dense(1, new Sigmoid()));
 * model.compile(new BinaryCrossEntropy(), new GradientDescent(1.2), Metric.accuracy());
 * History history = model.fit(X, Y, 1000, 64);
 * System.out.println(model.summary());
 * }</pre>
 * <b>Examples are columns</b>, as everywhere in the workshop: X is (n_x, m) and Y is (n_y, m). Keras puts examples
 * in rows, so its {@code X} is our {@code X.T()} and its summary's {@code (None, 4)} is our {@code (4, m)}.
 * <pre>
 * forward:   A^[0] = X,  A^[l] = layer_l(A^[l−1])
 * cost:      J = loss.cost(A^[L], Y)
 * backward:  dZ^[L] = A^[L] − Y          sigmoid + binary cross-entropy, softmax + categorical cross-entropy
 *            dA^[L] = ∂ℒ/∂A^[L]           any other output and loss
 *            dA^[l−1] = layer_l.backward(dA^[l])     for l = L … 2; layer 1 keeps dW, db only (no dA^[0] = ∂J/∂X)
 * </pre>
 * With sigmoid + binary cross-entropy and softmax + categorical cross-entropy the output's dZ is A − Y (divided by
 * the number of output rows for binary cross-entropy, which averages over them): exact, and it never vanishes when
 * the output saturates (z ≳ 37 makes σ(z) = 1, and the clipped dA ⊙ σ′(z) would be 0). The clip of the loss stays in
 * the printed cost only. A {@link ClassWeightedLoss} around either keeps the combined form, each column weighted:
 * dZ = w_c ⊙ (A − Y).
 *
 * <p>The weights are drawn when the model is built ({@link #build(int, int)}, or the first {@code fit} with seed 3):
 * one {@link NumpyRandom} for the whole stack, layer by layer, in numpy's order.
 */
public final class Sequential implements Trainable {

    /** The seed of {@code build} when {@code fit} builds the model: the workshop's {@code np.random.seed(3)}. */
    public static final int SEED = 3;

    private final List<Layer> layers;
    private int inputSize = -1;
    private Loss loss;
    private Optimizer optimizer;
    private List<Metric> metrics = List.of();

    private Sequential(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("sequential: needs at least one layer");
        }
        this.layers = List.copyOf(layers);
    }

    /** The model with these layers, first to last. */
    public static Sequential of(Layer... layers) {
        return new Sequential(Arrays.asList(layers));
    }

    /** Draws every layer's weights for n_x inputs with {@code NumpyRandom(seed)}. */
    public Sequential build(int n_x, int seed) {
        NumpyRandom random = new NumpyRandom(seed);
        int n = n_x;
        for (int l = 0; l < layers.size(); l++) {
            try {
                n = layers.get(l).build(n, random);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sequential: layer " + (l + 1) + " " + layers.get(l) + ": "
                        + e.getMessage(), e);
            }
        }
        inputSize = n_x;
        return this;
    }

    /**
     * The loss to minimise, the optimizer that steps, and the metrics {@code fit} records per epoch.
     *
     * @throws IllegalArgumentException when the loss cannot read the output layer: a binary cross-entropy reads
     *                                  sigmoid probabilities, a categorical one a softmax over the classes (Keras
     *                                  trains either way, and silently learns nothing or nonsense)
     */
    public Sequential compile(Loss loss, Optimizer optimizer, Metric... metrics) {
        Dense output = null;
        for (Layer layer : layers) {
            output = layer instanceof Dense dense ? dense : output;
        }
        if (output != null) {
            OutputCheck.requireReadable("compile", loss, output.activation(), output.toString());
        }
        this.loss = loss;
        this.optimizer = optimizer;
        this.metrics = List.of(metrics);
        return this;
    }

    /** Trains for {@code epochs} over batches of {@code batchSize} (0: the whole set) without shuffling. */
    public History fit(Matrix X, Matrix Y, int epochs, int batchSize) {
        return fit(X, Y, loop().epochs(epochs).batchSize(batchSize));
    }

    /** As {@link #fit(Matrix, Matrix, int, int)}, reporting {@code val_loss} and metrics on (X_val, Y_val). */
    public History fit(Matrix X, Matrix Y, int epochs, int batchSize, Matrix X_val, Matrix Y_val) {
        return fit(X, Y, loop().epochs(epochs).batchSize(batchSize).validation(X_val, Y_val));
    }

    /**
     * Trains with a configured loop (shuffling, L2, callbacks), made by {@link #loop()}. Builds the model for X's
     * rows with seed {@link #SEED} when it is not built yet.
     */
    public History fit(Matrix X, Matrix Y, TrainingLoop loop) {
        requireCompiled();
        if (inputSize < 0) {
            build(X.rows(), SEED);
        }
        if (parameters().stream().anyMatch(p -> p.backend() != X.backend())) {
            setParameters(parameters().stream().map(p -> p.to(X.backend())).toList());
        }
        return loop.fit(this, X, Y);
    }

    /** A training loop with this model's optimizer and metrics, to configure and pass to {@code fit}. */
    public TrainingLoop loop() {
        requireCompiled();
        return new TrainingLoop("fit", optimizer).metrics(metrics);
    }

    /** The cost and every metric on (X, Y), in evaluation mode: {@code {loss=…, accuracy=…}}. */
    public Map<String, Double> evaluate(Matrix X, Matrix Y) {
        requireCompiled();
        if (X.cols() == 0 || X.cols() != Y.cols()) {
            throw new IllegalArgumentException("evaluate: X has " + X.cols() + " examples " + X.shape().compact()
                    + " and Y " + Y.cols() + " " + Y.shape().compact() + ": there must be as many, at least one");
        }
        X.requireFinite("evaluate", "X", "");
        Y.requireFinite("evaluate", "Y", "");
        loss.checkLabels(Y, layers.get(layers.size() - 1).units());
        Matrix AL = output(X);
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("loss", cost(AL, Y));
        for (Metric metric : metrics) {
            result.put(metric.name(), metric.value(AL, Y));
        }
        return result;
    }

    /** The output A^[L] (n_y, m) in evaluation mode: probabilities, or the values of a regression. */
    public Matrix predict(Matrix X) {
        X.requireFinite("predict", "X", "");
        return output(X);
    }

    /**
     * The class of each example (1, m), {@link Predictions#classes(Matrix, double)}: one output row is read at
     * {@link #decisionThreshold()}.
     */
    public Matrix predictClasses(Matrix X) {
        return Predictions.classes(output(X), decisionThreshold());
    }

    /** Where one output row changes class under the compiled loss, {@link Predictions#threshold(Loss)}. */
    public double decisionThreshold() {
        return Predictions.threshold(loss);
    }

    /**
     * Keras's {@code model.summary()}: each layer, its output shape and its parameter count, then the totals.
     * Output shapes are written (n, m), examples as columns, where Keras writes (None, n).
     */
    public String summary() {
        if (inputSize < 0) {
            throw new IllegalStateException("sequential: summary needs the input size; build(n_x, seed) first");
        }
        String rule = "_".repeat(65) + "\n";
        StringBuilder s = new StringBuilder("Model: \"sequential\"\n").append(rule);
        s.append(String.format(" %-27s%-26s%-10s%n", "Layer (type)", "Output Shape", "Param #"));
        s.append("=".repeat(65)).append('\n');
        Map<String, Integer> seen = new LinkedHashMap<>();
        long total = 0;
        for (Layer layer : layers) {
            String base = layer.type().toLowerCase();
            int k = seen.merge(base, 1, Integer::sum) - 1;
            String name = (k == 0 ? base : base + "_" + k) + " (" + layer.type() + ")";
            long count = layer.parameters().stream().mapToLong(Matrix::size).sum();
            total += count;
            s.append(String.format(" %-27s%-26s%-10d%n", name, "(" + layer.units() + ", m)", count));
        }
        s.append("=".repeat(65)).append('\n');
        s.append("Total params: ").append(total).append('\n');
        s.append("Trainable params: ").append(total).append('\n');
        s.append("Non-trainable params: 0\n").append(rule);
        return s.toString();
    }

    /** The layers, first to last. */
    public List<Layer> layers() {
        return layers;
    }

    /** The number of input rows n_x the model was built for; -1 before it is built. */
    public int inputSize() {
        return inputSize;
    }

    /**
     * The parameters by their workshop names, in order: {@code W1, b1, W2, b2, …}, numbered by the layers that have
     * parameters (a dropout layer has none and takes no number), as the workshop's {@code parameters["W" + str(l)]}.
     */
    public Map<String, Matrix> namedParameters() {
        Map<String, Matrix> named = new LinkedHashMap<>();
        int l = 0;
        for (Layer layer : layers) {
            List<Matrix> p = layer.parameters();
            if (p.isEmpty()) {
                continue;
            }
            l++;
            if (p.size() != 2) {
                throw new IllegalStateException("sequential: layer " + l + " " + layer + " has " + p.size()
                        + " parameters; names W, b fit dense layers only");
            }
            named.put("W" + l, p.get(0));
            named.put("b" + l, p.get(1));
        }
        return named;
    }

    /**
     * Replaces the parameters with those named {@code W1, b1, …} (as {@link #namedParameters()} gives them, from a
     * saved model, say); the names and shapes must match the built model's.
     *
     * @throws IllegalArgumentException naming the missing, extra or misshapen parameter
     */
    public void setNamedParameters(Map<String, Matrix> parameters) {
        Map<String, Matrix> current = namedParameters();
        for (String name : parameters.keySet()) {
            if (!current.containsKey(name)) {
                throw new IllegalArgumentException("sequential: unexpected parameter " + name + "; the model has "
                        + current.keySet());
            }
        }
        List<Matrix> ordered = new ArrayList<>();
        for (Map.Entry<String, Matrix> e : current.entrySet()) {
            Matrix given = parameters.get(e.getKey());
            if (given == null) {
                throw new IllegalArgumentException("sequential: parameter " + e.getKey() + " "
                        + e.getValue().shape().compact() + " is missing");
            }
            if (!given.shape().equals(e.getValue().shape())) {
                throw new IllegalArgumentException("sequential: parameter " + e.getKey() + " has shape "
                        + given.shape().compact() + ", the model needs " + e.getValue().shape().compact());
            }
            given.requireFinite("sequential", "parameter " + e.getKey(), "");
            ordered.add(given);
        }
        setParameters(ordered);
    }

    /** The loss of {@link #compile}. */
    public Loss loss() {
        return loss;
    }

    // ---------------------------------------------------------------- Trainable

    @Override
    public List<Matrix> parameters() {
        List<Matrix> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    @Override
    public void setParameters(List<Matrix> parameters) {
        int i = 0;
        for (Layer layer : layers) {
            int n = layer.parameters().size();
            if (i + n > parameters.size()) {
                throw new IllegalArgumentException("sequential: " + parameters.size() + " parameters given, the"
                        + " layers have " + parameters().size());
            }
            layer.setParameters(parameters.subList(i, i + n));
            i += n;
        }
        if (i != parameters.size()) {
            throw new IllegalArgumentException("sequential: " + parameters.size() + " parameters given, the layers"
                    + " have " + i);
        }
    }

    /** The names of {@link #namedParameters()}, W1, b1, …; none where a layer's parameters are not a W and a b. */
    @Override
    public List<String> parameterNames() {
        for (Layer layer : layers) {
            if (!layer.parameters().isEmpty() && layer.parameters().size() != 2) {
                return List.of();
            }
        }
        return List.copyOf(namedParameters().keySet());
    }

    @Override
    public boolean[] weights() {
        boolean[] all = new boolean[parameters().size()];
        int i = 0;
        for (Layer layer : layers) {
            for (boolean w : layer.weights()) {
                all[i++] = w;
            }
        }
        return all;
    }

    @Override
    public Step step(Matrix X, Matrix Y) {
        requireCompiled();
        Matrix A = X;
        for (Layer layer : layers) {
            A = layer.forward(A, true);
        }
        double cost = loss.cost(A, Y);
        int L = layers.size();
        Layer last = layers.get(L - 1);
        Matrix dA;
        // the layer whose backward step comes next
        int l;
        Loss unweighted = loss instanceof ClassWeightedLoss weighted ? weighted.unweighted() : loss;
        if (last instanceof Dense dense && combinesWithLoss(dense, unweighted)) {
            // dZ^[L] = A^[L] − Y
            Matrix dZ = unweighted instanceof CategoricalLoss categorical
                    ? A.minus(categorical.oneHot(Y, A.rows())) : A.minus(Y).div(A.rows());
            if (loss instanceof ClassWeightedLoss weighted) {
                // dZ^[L] = w_c ⊙ (A^[L] − Y), each column by its class weight
                dZ = dZ.times(weighted.sampleWeights(Y));
            }
            if (L == 1) {
                dense.backwardFromZToParameters(dZ);
                dA = null;
            } else {
                dA = dense.backwardFromZ(dZ);
            }
            l = L - 2;
        } else {
            // dA^[L] = ∂ℒ/∂A^[L]
            dA = loss.gradient(A, Y);
            l = L - 1;
        }
        for (; l >= 1; l--) {
            dA = layers.get(l).backward(dA);
        }
        if (l == 0) {
            // the first layer keeps its gradients only: its dA_prev would be ∂J/∂X, which nothing uses
            layers.get(0).backwardToParameters(dA);
        }
        List<Matrix> gradients = new ArrayList<>();
        for (Layer layer : layers) {
            gradients.addAll(layer.gradients());
        }
        return new Step(cost, gradients);
    }

    private static boolean combinesWithLoss(Dense output, Loss loss) {
        return output.activation() instanceof Sigmoid && loss instanceof BinaryCrossEntropy
                || output.activation() instanceof Softmax && loss instanceof CategoricalLoss;
    }

    @Override
    public Matrix output(Matrix X) {
        if (inputSize < 0) {
            throw new IllegalStateException("sequential: the model is not built; fit it or build(n_x, seed) first");
        }
        if (X.rows() != inputSize) {
            throw new IllegalArgumentException("sequential: X has shape " + X.shape().compact() + " but the model"
                    + " was built for " + inputSize + " input rows (examples are columns)");
        }
        Matrix A = X;
        for (Layer layer : layers) {
            A = layer.forward(A, false);
        }
        return A;
    }

    @Override
    public double cost(Matrix AL, Matrix Y) {
        requireCompiled();
        return loss.cost(AL, Y);
    }

    @Override
    public void checkLabels(Matrix Y) {
        requireCompiled();
        loss.checkLabels(Y, layers.get(layers.size() - 1).units());
    }

    private void requireCompiled() {
        if (loss == null) {
            throw new IllegalStateException("sequential: compile(loss, optimizer, metrics...) before training");
        }
    }
}
