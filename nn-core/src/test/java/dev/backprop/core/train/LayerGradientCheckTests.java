package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.layer.Maxout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.CategoricalLoss;
import dev.backprop.core.loss.ClassWeightedLoss;
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
import dev.backprop.core.init.Initializer;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient check through the layers and the {@link Sequential} model's own backward pass (the one the training
 * loop steps with): Dense + L2, Dropout with a fixed mask, and every loss at the output, including the combined
 * dZ = A − Y of sigmoid + binary cross-entropy and softmax + categorical cross-entropy. Each has a negative
 * control, a planted bug the check must catch. Hidden layers are tanh (no kinks); seeds 1..5; the largest difference
 * per case is printed after the run.
 */
class LayerGradientCheckTests {

    private static final int[] SEEDS = {1, 2, 3, 4, 5};
    private static final int M = 7;
    private static final double BOUND = 1e-7;
    private static final double CAUGHT = 1e-3;
    private static final Map<String, double[]> RESULTS = new TreeMap<>();

    @FunctionalInterface
    private interface Labels {
        Matrix draw(NumpyRandom random, int n);
    }

    private static final Labels ZERO_ONE = (random, n) -> random.rand(n, M).gt(0.5);
    private static final Labels CLASS_INDICES = (random, n) ->
            Matrix.row(Arrays.stream(random.randint(0, n, M)).asDoubleStream().toArray());

    /** The model's parameters, its gradient at them (plus L2 with λ_grad) and the cost J(θ) (plus L2 with λ). */
    private static double difference(Sequential model, Matrix X, Matrix Y, double lambda, double lambdaInGradient) {
        List<Matrix> theta = model.parameters();
        boolean[] weights = model.weights();
        Trainable.Step step = model.step(X, Y);
        List<Matrix> grads = Regularization.l2Gradients(theta, step.gradients(), weights, lambdaInGradient, M);
        for (int i = 0; i < grads.size(); i += 2) {
            assertThat(grads.get(i).abs().max()).as("dW of layer %d (a layer without gradient is not checked)",
                    i / 2 + 1).isGreaterThan(1e-6);
        }
        List<Shape> shapes = GradientCheck.shapes(() -> theta);
        ToDoubleFunction<double[]> J = vector -> {
            List<Matrix> p = GradientCheck.fromVector(vector, shapes);
            model.setParameters(p);
            return model.step(X, Y).cost() + Regularization.l2Cost(p, weights, lambda, M);
        };
        double d = GradientCheck.check(GradientCheck.toVector(() -> theta), GradientCheck.toVector(() -> grads), J)
                .difference();
        model.setParameters(theta);
        return d;
    }

    private static Sequential model(Loss loss, int seed, Layer... layers) {
        return Sequential.of(layers).build(4, seed).compile(loss, new GradientDescent(0.1));
    }

    private static double[] differences(java.util.function.IntToDoubleFunction perSeed) {
        return Arrays.stream(SEEDS).mapToDouble(perSeed).toArray();
    }

    private static synchronized void record(String name, int column, double value) {
        RESULTS.computeIfAbsent(name, k -> new double[] {Double.NaN, Double.NaN})[column] = value;
    }

    @AfterAll
    static void printLargestDifferences() {
        System.out.println("Layer gradient check, seeds " + Arrays.toString(SEEDS) + ", bound " + BOUND
                + ": largest difference; planted bug: smallest difference");
        RESULTS.forEach((name, d) -> System.out.printf("  %-62s %.3e   planted bug %.3e%n", name, d[0], d[1]));
    }

    // ---------------------------------------------------------------- Dense + L2

    private static double denseWithL2(int seed, double lambdaInGradient) {
        NumpyRandom random = new NumpyRandom(100 + seed);
        Matrix X = random.randn(4, M);
        Matrix Y = ZERO_ONE.draw(random, 1);
        Sequential model = model(new BinaryCrossEntropy(), seed, new Dense(5, new Tanh(), Initializer.xavier()),
                new Dense(3, new Tanh(), Initializer.xavier()), new Dense(1, new Sigmoid(), Initializer.xavier()));
        return difference(model, X, Y, 0.7, lambdaInGradient);
    }

    @Test
    void denseLayersWithL2PassTheGradientCheck() {
        double largest = Arrays.stream(differences(seed -> denseWithL2(seed, 0.7))).max().orElseThrow();
        record("Dense + L2 (λ = 0.7)", 0, largest);
        assertThat(largest).as("‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖), Dense + L2").isLessThan(BOUND);
    }

    @Test
    void anL2GradientWithoutItsFactorTwoFailsTheCheck() {
        // planted bug: dW += (λ/2m) W, the derivative of the penalty taken without its 2
        double smallest = Arrays.stream(differences(seed -> denseWithL2(seed, 0.35))).min().orElseThrow();
        record("Dense + L2 (λ = 0.7)", 1, smallest);
        assertThat(smallest).isGreaterThan(CAUGHT);
    }

    // ---------------------------------------------------------------- Maxout

    /** A maxout layer whose backward step sends twice the gradient to the winning piece. */
    private static final class DoubledMaxout extends DelegatingLayer {
        DoubledMaxout(Maxout maxout) {
            super(maxout);
        }

        @Override
        public Matrix backward(Matrix dA) {
            return inner.backward(dA.times(2));
        }
    }

    private static double maxout(int seed, boolean planted) {
        NumpyRandom random = new NumpyRandom(400 + seed);
        Matrix X = random.randn(4, M);
        Matrix Y = ZERO_ONE.draw(random, 1);
        Maxout maxout = new Maxout(5, 3, Initializer.xavier());
        Sequential model = model(new BinaryCrossEntropy(), seed, planted ? new DoubledMaxout(maxout) : maxout,
                new Dense(1, new Sigmoid(), Initializer.xavier()));
        return difference(model, X, Y, 0, 0);
    }

    @Test
    void aMaxoutLayerPassesTheGradientCheck() {
        double largest = Arrays.stream(differences(seed -> maxout(seed, false))).max().orElseThrow();
        record("Maxout (5 units, k = 3)", 0, largest);
        assertThat(largest).isLessThan(BOUND);
    }

    @Test
    void aDoubledMaxoutGradientFailsTheCheck() {
        double smallest = Arrays.stream(differences(seed -> maxout(seed, true))).min().orElseThrow();
        record("Maxout (5 units, k = 3)", 1, smallest);
        assertThat(smallest).isGreaterThan(CAUGHT);
    }

    // ---------------------------------------------------------------- Dropout with a fixed mask

    /** A dropout whose backward forgets the 1/keep_prob scale. */
    private static final class Unscaled extends DelegatingLayer {
        private final double keepProb;

        Unscaled(Dropout dropout, double keepProb) {
            super(dropout);
            this.keepProb = keepProb;
        }

        @Override
        public Matrix backward(Matrix dA) {
            return inner.backward(dA).times(keepProb);
        }
    }

    private static double dropout(int seed, boolean planted) {
        NumpyRandom random = new NumpyRandom(200 + seed);
        Matrix X = random.randn(4, M);
        Matrix Y = ZERO_ONE.draw(random, 1);
        Matrix D = random.rand(5, M).lt(0.8);
        Dropout dropout = new Dropout(0.2).withFixedMask(D);
        Layer layer = planted ? new Unscaled(dropout, 0.8) : dropout;
        Sequential model = model(new BinaryCrossEntropy(), seed, new Dense(5, new Tanh(), Initializer.xavier()),
                layer, new Dense(1, new Sigmoid(), Initializer.xavier()));
        return difference(model, X, Y, 0, 0);
    }

    @Test
    void dropoutWithAFixedMaskPassesTheGradientCheck() {
        double largest = Arrays.stream(differences(seed -> dropout(seed, false))).max().orElseThrow();
        record("Dropout (rate 0.2, fixed mask)", 0, largest);
        assertThat(largest).isLessThan(BOUND);
    }

    @Test
    void aDropoutBackwardWithoutTheKeepProbScaleFailsTheCheck() {
        double smallest = Arrays.stream(differences(seed -> dropout(seed, true))).min().orElseThrow();
        record("Dropout (rate 0.2, fixed mask)", 1, smallest);
        assertThat(smallest).isGreaterThan(CAUGHT);
    }

    // ---------------------------------------------------------------- every loss at the output of a Sequential

    static Stream<Arguments> everyLoss() {
        Labels normal = (random, n) -> random.randn(n, M);
        Labels positive = (random, n) -> random.rand(n, M).times(3);
        Labels oneHot = (random, n) -> new SparseCategoricalCrossEntropy().oneHot(CLASS_INDICES.draw(random, n), n);
        Labels distributions = (random, n) -> new Softmax().forward(random.randn(n, M));
        return Stream.of(
                Arguments.of(new MeanSquaredError(), new Linear(), 2, normal),
                Arguments.of(new MeanSquaredLogarithmicError(), new Sigmoid(), 2, positive),
                Arguments.of(new MeanAbsoluteError(), new Linear(), 2, normal),
                Arguments.of(new BinaryCrossEntropy(), new Sigmoid(), 1, ZERO_ONE),
                Arguments.of(new BinaryCrossEntropy(), new Sigmoid(), 2, ZERO_ONE),
                Arguments.of(new Hinge(), new Tanh(), 2, ZERO_ONE),
                Arguments.of(new SquaredHinge(), new Linear(), 2, ZERO_ONE),
                Arguments.of(new CategoricalCrossEntropy(), new Softmax(), 3, oneHot),
                Arguments.of(new SparseCategoricalCrossEntropy(), new Softmax(), 3, CLASS_INDICES),
                Arguments.of(new KLDivergence(), new Softmax(), 3, distributions),
                Arguments.of(new ClassWeightedLoss(new BinaryCrossEntropy(), new double[] {0.4, 2.5}), new Sigmoid(),
                        1, ZERO_ONE),
                Arguments.of(new ClassWeightedLoss(new CategoricalCrossEntropy(), new double[] {0.5, 2, 1.25}),
                        new Softmax(), 3, oneHot),
                Arguments.of(new ClassWeightedLoss(new SparseCategoricalCrossEntropy(), new double[] {3, 0.5, 1}),
                        new Softmax(), 3, CLASS_INDICES),
                Arguments.of(new ClassWeightedLoss(new MeanSquaredError(), new double[] {0.3, 1.7}), new Sigmoid(),
                        1, ZERO_ONE));
    }

    /** The loss with its gradient halved (for a categorical loss also its one-hot labels: A − Y/2). */
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

    private static double withLoss(Loss loss, Activation output, int outputs, Labels labels, int seed) {
        NumpyRandom random = new NumpyRandom(300 + seed);
        Matrix X = random.randn(4, M);
        Matrix Y = labels.draw(random, outputs);
        Sequential model = model(loss, seed, new Dense(5, new Tanh(), Initializer.xavier()),
                new Dense(outputs, output, Initializer.xavier()));
        return difference(model, X, Y, 0, 0);
    }

    @ParameterizedTest(name = "{0} after {1}, {2} outputs")
    @MethodSource("everyLoss")
    void everyLossAtTheOutputOfASequentialPassesTheGradientCheck(Loss loss, Activation output, int outputs,
                                                                Labels labels) {
        double largest = Arrays.stream(differences(seed -> withLoss(loss, output, outputs, labels, seed))).max()
                .orElseThrow();
        record("Sequential, " + loss + " after " + output + " (" + outputs + ")", 0, largest);
        assertThat(largest).as("%s after %s", loss, output).isLessThan(BOUND);
    }

    @ParameterizedTest(name = "{0} after {1}, {2} outputs")
    @MethodSource("everyLoss")
    void aHalvedLossGradientFailsTheCheck(Loss loss, Activation output, int outputs, Labels labels) {
        Loss broken = halved(loss);
        double smallest = Arrays.stream(differences(seed -> {
            NumpyRandom random = new NumpyRandom(300 + seed);
            Matrix X = random.randn(4, M);
            Matrix Y = labels.draw(random, outputs);
            Sequential model = model(broken, seed, new Dense(5, new Tanh(), Initializer.xavier()),
                    new Dense(outputs, output, Initializer.xavier()));
            // J from the true loss, the gradient from the broken one
            List<Matrix> theta = model.parameters();
            List<Matrix> grads = model.step(X, Y).gradients();
            Sequential truth = model(loss, seed, new Dense(5, new Tanh(), Initializer.xavier()),
                    new Dense(outputs, output, Initializer.xavier()));
            List<Shape> shapes = GradientCheck.shapes(() -> theta);
            ToDoubleFunction<double[]> J = v -> {
                truth.setParameters(GradientCheck.fromVector(v, shapes));
                return loss.cost(truth.output(X), Y);
            };
            return GradientCheck.check(GradientCheck.toVector(() -> theta), GradientCheck.toVector(() -> grads), J)
                    .difference();
        })).min().orElseThrow();
        record("Sequential, " + loss + " after " + output + " (" + outputs + ")", 1, smallest);
        assertThat(smallest).as("a halved gradient of %s must fail", loss).isGreaterThan(CAUGHT);
    }
}
