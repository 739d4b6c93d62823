package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.CategoricalLoss;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient check, in double, for every activation inside a 3-layer network and every loss at its output:
 * backpropagation's gradient against (J(θ + ε) − J(θ − ε)) / 2ε for every parameter, on five seeds each, with
 * ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) below 1e-7. Each has a negative control: the same check with a
 * planted bug (the activation's derivative doubled, the loss's gradient halved) must fail it by far.
 *
 * <p>Kinks (ReLU and leaky ReLU at 0, ELU at 0 for α ≠ 1, maxout where two pieces tie, MAE at ŷ = y, hinge at the
 * margin) have no derivative; the inputs are drawn from a normal distribution, so no pre-activation falls within
 * ε = 1e-7 of a kink and the same bound 1e-7 holds for all of them. No case needs a looser bound. What is left of
 * the difference is rounding: J is computed to about 1e-16, so each gradapprox entry is off by about 1e-16/ε, and
 * the difference comes out near 2e-9 / ‖grad‖. Networks with small gradients come closest to the bound: softmax
 * or sigmoid in the hidden layers (‖grad‖ ≈ 0.03 on seed 3) reach 6e-8.
 *
 * <p>The biases are drawn from [0, 0.5) so that ReLU units start alive, and every check first asserts that each
 * layer gets a gradient: with a dead layer, the check (and its negative control) would not test that layer.
 *
 * <p>After the run, the largest difference of each case is printed (for the issue).
 */
class DeepGradientCheckTests {

    private static final int[] SEEDS = {1, 2, 3, 4, 5};
    private static final int M = 7;
    private static final double BOUND = 1e-7;
    private static final double CAUGHT = 1e-3;

    private static final Map<String, double[]> RESULTS = new TreeMap<>();

    /** The layer sizes n^[0..3]; the output size depends on the loss. */
    private static Architecture network(Activation hidden, Activation output, int outputs, Loss loss) {
        return new Architecture(List.of(4, 5, 3, outputs), List.of(hidden, hidden, output), loss);
    }

    /**
     * Draws X (4, 7), the labels and the parameters from one seed, backpropagates with {@code backwardLoss}, and
     * checks the gradient against the cost of {@code architecture}.
     */
    private static double difference(Architecture architecture, Loss backwardLoss, Labels labels, int seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix X = random.randn(architecture.n(0), M);
        Matrix Y = labels.draw(random, architecture.n(architecture.L()));
        List<Matrix> theta = new ArrayList<>();
        for (int l = 1; l <= architecture.L(); l++) {
            int rows = architecture.n(l);
            int nPrev = architecture.n(l - 1);
            theta.add(random.randn(rows, nPrev).times(1 / Math.sqrt(nPrev)));
            theta.add(random.rand(rows, 1).times(0.5)); // b ≥ 0, so that ReLU units start alive
        }
        DeepParameters p = DeepParameters.of(theta);
        List<Activation> activations = architecture.activations();

        DeepCaches caches = DeepNetwork.lModelForward(X, p, activations);
        DeepGradients grads = DeepNetwork.lModelBackward(caches.AL(), Y, caches, backwardLoss);
        double[] norms = DeepNetwork.gradientNorms(grads);
        for (int l = 1; l <= norms.length; l++) {
            assertThat(norms[l - 1]).as("seed %d: ‖dW%d‖ (a layer without gradient would not be checked)", seed, l)
                    .isGreaterThan(1e-6);
        }

        List<Shape> shapes = GradientCheck.shapes(p);
        ToDoubleFunction<double[]> J = vector -> DeepNetwork.computeCost(DeepNetwork.lModelForward(X,
                DeepParameters.of(GradientCheck.fromVector(vector, shapes)), activations).AL(), Y, architecture.loss());
        return GradientCheck.check(GradientCheck.toVector(p), GradientCheck.toVector(grads), J).difference();
    }

    private static double largest(Architecture architecture, Loss backwardLoss, Labels labels) {
        return Arrays.stream(SEEDS).mapToDouble(seed -> difference(architecture, backwardLoss, labels, seed)).max()
                .orElseThrow();
    }

    private static double smallest(Architecture architecture, Loss backwardLoss, Labels labels) {
        return Arrays.stream(SEEDS).mapToDouble(seed -> difference(architecture, backwardLoss, labels, seed)).min()
                .orElseThrow();
    }

    private static synchronized void record(String name, int column, double value) {
        RESULTS.computeIfAbsent(name, k -> new double[] {Double.NaN, Double.NaN})[column] = value;
    }

    @AfterAll
    static void printLargestDifferences() {
        System.out.println("Gradient check, seeds " + Arrays.toString(SEEDS) + ", bound " + BOUND
                + ": largest difference; planted bug: smallest difference");
        RESULTS.forEach((name, d) -> System.out.printf("  %-48s %.3e   planted bug %.3e%n", name, d[0], d[1]));
    }

    // ---------------------------------------------------------------- activations

    /** The labels for a loss, (n, m), from the test's random stream. */
    @FunctionalInterface
    private interface Labels {
        Matrix draw(NumpyRandom random, int n);
    }

    private static final Labels ZERO_ONE = (random, n) -> random.rand(n, M).gt(0.5);

    /** g with its backward step doubled: a derivative off by a factor of 2. */
    private record Doubled(Activation g) implements Activation {
        @Override
        public Matrix forward(Matrix Z) {
            return g.forward(Z);
        }

        @Override
        public Matrix backward(Matrix dA, Matrix Z, Matrix A) {
            return g.backward(dA, Z, A).times(2);
        }
    }

    static Stream<Activation> everyActivation() {
        return Stream.of(new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(), new LeakyRelu(0.3), new Elu(),
                new Elu(0.5), new Softmax(), new Linear());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyActivation")
    void everyActivationPassesTheGradientCheckInAThreeLayerNetwork(Activation g) {
        Architecture architecture = network(g, new Sigmoid(), 1, new BinaryCrossEntropy());
        double largest = largest(architecture, architecture.loss(), ZERO_ONE);
        record("activation " + g + " (hidden, x2)", 0, largest);
        assertThat(largest).as("‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) with %s", g).isLessThan(BOUND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyActivation")
    void aDoubledDerivativeOfEveryActivationFailsTheCheck(Activation g) {
        Architecture broken = network(new Doubled(g), new Sigmoid(), 1, new BinaryCrossEntropy());
        double smallest = smallest(broken, broken.loss(), ZERO_ONE);
        record("activation " + g + " (hidden, x2)", 1, smallest);
        assertThat(smallest).as("a wrong derivative of %s must fail", g).isGreaterThan(CAUGHT);
    }

    // ---------------------------------------------------------------- losses

    private static final Labels CLASS_INDICES = (random, n) -> {
        double[] labels = Arrays.stream(random.randint(0, n, M)).asDoubleStream().toArray();
        return Matrix.row(labels);
    };

    static Stream<Arguments> everyLoss() {
        Labels normal = (random, n) -> random.randn(n, M);
        Labels positive = (random, n) -> random.rand(n, M).times(3);
        Labels oneHot = (random, n) -> new SparseCategoricalCrossEntropy().oneHot(CLASS_INDICES.draw(random, n), n);
        Labels distributions = (random, n) -> new Softmax().forward(random.randn(n, M));
        return Stream.of(
                Arguments.of(new MeanSquaredError(), new Linear(), 2, normal),
                Arguments.of(new MeanSquaredLogarithmicError(), new Sigmoid(), 2, positive),
                Arguments.of(new MeanAbsoluteError(), new Linear(), 2, normal),
                Arguments.of(new BinaryCrossEntropy(), new Sigmoid(), 2, ZERO_ONE),
                Arguments.of(new Hinge(), new Tanh(), 2, ZERO_ONE),
                Arguments.of(new SquaredHinge(), new Linear(), 2, ZERO_ONE),
                Arguments.of(new CategoricalCrossEntropy(), new Softmax(), 3, oneHot),
                Arguments.of(new SparseCategoricalCrossEntropy(), new Softmax(), 3, CLASS_INDICES),
                Arguments.of(new KLDivergence(), new Softmax(), 3, distributions));
    }

    /**
     * The loss with its gradient halved; for a categorical loss also the one-hot labels, so that the softmax
     * shortcut A − Y becomes A − Y/2.
     */
    private static Loss halved(Loss loss) {
        if (loss instanceof CategoricalLoss categorical) {
            return new CategoricalLoss() {
                @Override
                public Matrix loss(Matrix AL, Matrix Y) {
                    return categorical.loss(AL, Y);
                }

                @Override
                public Matrix gradient(Matrix AL, Matrix Y) {
                    return categorical.gradient(AL, Y).times(0.5);
                }

                @Override
                public Matrix oneHot(Matrix Y, int classes) {
                    return categorical.oneHot(Y, classes).times(0.5);
                }
            };
        }
        return new Loss() {
            @Override
            public Matrix loss(Matrix AL, Matrix Y) {
                return loss.loss(AL, Y);
            }

            @Override
            public Matrix gradient(Matrix AL, Matrix Y) {
                return loss.gradient(AL, Y).times(0.5);
            }
        };
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("everyLoss")
    void everyLossPassesTheGradientCheckAtTheOutput(Loss loss, Activation output, int outputs, Labels labels) {
        Architecture architecture = network(new Tanh(), output, outputs, loss);
        double largest = largest(architecture, loss, labels);
        record("loss " + loss + " (after " + output + ")", 0, largest);
        assertThat(largest).as("‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) with %s", loss).isLessThan(BOUND);
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("everyLoss")
    void aHalvedGradientOfEveryLossFailsTheCheck(Loss loss, Activation output, int outputs, Labels labels) {
        Architecture architecture = network(new Tanh(), output, outputs, loss);
        double smallest = smallest(architecture, halved(loss), labels);
        record("loss " + loss + " (after " + output + ")", 1, smallest);
        assertThat(smallest).as("a wrong gradient of %s must fail", loss).isGreaterThan(CAUGHT);
    }
}
