package dev.backprop.core.loss;

import static dev.backprop.core.Gold.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each loss against the values Keras documents for its loss class, and against numpy (scripts/deep_reference.py).
 *
 * <p>Orientation: Keras's examples have one example per ROW, {@code y_true = [[0., 1.], [0., 0.]]} is two examples
 * of two outputs. Ours have one example per COLUMN, so every Keras input below is written as Keras writes it and
 * transposed with {@link #keras}. Keras's reductions map onto ours: 'none' is {@code loss(AL, Y)} (1, m),
 * 'sum_over_batch_size' (the default) is {@code cost(AL, Y)}, 'sum' is {@code loss(AL, Y).sum()}, and a
 * {@code sample_weight} w gives {@code Σ wⱼ ℒ⁽ʲ⁾ / m}.
 *
 * <p>Keras computes in float32 and its docs print 3 decimals, so documented values are matched to within 5e-4
 * (half a unit of the last printed digit) unless a comment says otherwise.
 */
class LossTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/deep/losses.txt");
    private static final double KERAS = 5e-4;

    /** A Keras batch (examples in rows) in our orientation (examples in columns). */
    private static Matrix keras(double[][] rowsAreExamples) {
        return Matrix.of(rowsAreExamples).T().contiguous();
    }

    private static double weighted(Matrix loss, double... sampleWeight) {
        return loss.times(Matrix.row(sampleWeight)).mean();
    }

    // the inputs most Keras loss classes document
    private static final Matrix Y_01 = keras(new double[][] {{0, 1}, {0, 0}});
    private static final Matrix REGRESSION = keras(new double[][] {{1, 1}, {1, 0}});
    private static final Matrix PROBABILITIES = keras(new double[][] {{0.6, 0.4}, {0.4, 0.6}});
    private static final Matrix ONE_HOT = keras(new double[][] {{0, 1, 0}, {0, 0, 1}});
    private static final Matrix SOFTMAX_LIKE = keras(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}});

    @Test
    void meanSquaredErrorMatchesKeras() {
        Loss mse = new MeanSquaredError();
        Matrix loss = mse.loss(REGRESSION, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.5, 0.5}, within(KERAS));
        assertThat(mse.cost(REGRESSION, Y_01)).as("'auto'").isCloseTo(0.5, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(1.0, within(KERAS));
        assertThat(weighted(loss, 0.7, 0.3)).as("sample_weight [0.7, 0.3]").isCloseTo(0.25, within(KERAS));
    }

    @Test
    void meanSquaredLogarithmicErrorMatchesKeras() {
        Loss msle = new MeanSquaredLogarithmicError();
        Matrix loss = msle.loss(REGRESSION, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.240, 0.240}, within(KERAS));
        assertThat(msle.cost(REGRESSION, Y_01)).as("'auto'").isCloseTo(0.240, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(0.480, within(KERAS));
        assertThat(weighted(loss, 0.7, 0.3)).as("sample_weight [0.7, 0.3]").isCloseTo(0.120, within(KERAS));
        // TF 2.0's example, one example of four outputs: msle([0., 0., 1., 1.], [1., 1., 1., 0.]) = 0.36034
        Matrix Y = keras(new double[][] {{0, 0, 1, 1}});
        assertThat(msle.cost(keras(new double[][] {{1, 1, 1, 0}}), Y)).isCloseTo(0.36034, within(5e-6));
    }

    @Test
    void meanAbsoluteErrorMatchesKeras() {
        Loss mae = new MeanAbsoluteError();
        Matrix loss = mae.loss(REGRESSION, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.5, 0.5}, within(KERAS));
        assertThat(mae.cost(REGRESSION, Y_01)).as("'auto'").isCloseTo(0.5, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(1.0, within(KERAS));
        assertThat(weighted(loss, 0.7, 0.3)).as("sample_weight [0.7, 0.3]").isCloseTo(0.25, within(KERAS));
    }

    @Test
    void binaryCrossEntropyMatchesKeras() {
        Loss bce = new BinaryCrossEntropy();
        Matrix loss = bce.loss(PROBABILITIES, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.916, 0.714}, within(KERAS));
        assertThat(bce.cost(PROBABILITIES, Y_01)).as("'auto'").isCloseTo(0.815, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(1.630, within(KERAS));
        assertThat(weighted(loss, 1, 0)).as("sample_weight [1, 0]").isCloseTo(0.458, within(KERAS));
    }

    @Test
    void hingeMatchesKeras() {
        Loss hinge = new Hinge();
        Matrix loss = hinge.loss(PROBABILITIES, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {1.1, 1.5}, within(KERAS));
        assertThat(hinge.cost(PROBABILITIES, Y_01)).as("'auto'").isCloseTo(1.3, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(2.6, within(KERAS));
        assertThat(weighted(loss, 1, 0)).as("sample_weight [1, 0]").isCloseTo(0.55, within(KERAS));
        // TF 2.0's example h([-1., 1., 1.], [0.6, -0.7, -0.5]) = 1.6, with its labels −1/1 written as 0/1
        assertThat(hinge.cost(keras(new double[][] {{0.6, -0.7, -0.5}}), keras(new double[][] {{0, 1, 1}})))
                .isCloseTo(1.6, within(1e-12));
    }

    @Test
    void squaredHingeMatchesKeras() {
        Loss squaredHinge = new SquaredHinge();
        Matrix loss = squaredHinge.loss(PROBABILITIES, Y_01);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {1.46, 2.26}, within(KERAS));
        assertThat(squaredHinge.cost(PROBABILITIES, Y_01)).as("'auto'").isCloseTo(1.86, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(3.72, within(KERAS));
        assertThat(weighted(loss, 1, 0)).as("sample_weight [1, 0]").isCloseTo(0.73, within(KERAS));
        // TF 2.0's example sh([-1., 1., 1.], [0.6, -0.7, -0.5]) = 2.566666
        assertThat(squaredHinge.cost(keras(new double[][] {{0.6, -0.7, -0.5}}), keras(new double[][] {{0, 1, 1}})))
                .isCloseTo(2.566666, within(1e-6));
    }

    @Test
    void categoricalCrossEntropyMatchesKeras() {
        Loss cce = new CategoricalCrossEntropy();
        Matrix loss = cce.loss(SOFTMAX_LIKE, ONE_HOT);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.0513, 2.303}, within(KERAS));
        assertThat(cce.cost(SOFTMAX_LIKE, ONE_HOT)).as("'auto'").isCloseTo(1.177, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(2.354, within(KERAS));
        assertThat(weighted(loss, 0.3, 0.7)).as("sample_weight [0.3, 0.7]").isCloseTo(0.814, within(KERAS));
    }

    @Test
    void sparseCategoricalCrossEntropyMatchesKeras() {
        Loss scce = new SparseCategoricalCrossEntropy();
        Matrix labels = Matrix.row(1, 2); // Keras's y_true = [1, 2]: one label per example, a row here
        Matrix loss = scce.loss(SOFTMAX_LIKE, labels);
        assertThat(loss.toArray()).as("'none'").containsExactly(new double[] {0.0513, 2.303}, within(KERAS));
        assertThat(scce.cost(SOFTMAX_LIKE, labels)).as("'auto'").isCloseTo(1.177, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(2.354, within(KERAS));
        assertThat(weighted(loss, 0.3, 0.7)).as("sample_weight [0.3, 0.7]").isCloseTo(0.814, within(KERAS));
        assertThat(loss).isEqualTo(new CategoricalCrossEntropy().loss(SOFTMAX_LIKE, ONE_HOT));
    }

    @Test
    void klDivergenceMatchesKeras() {
        Loss kld = new KLDivergence();
        Matrix loss = kld.loss(PROBABILITIES, Y_01);
        // Keras: array([0.916, -3.08e-06]); the −3.08e-06 is Σ ε log(ε/ŷ) over the two clipped zero targets
        assertThat(loss.get(0, 0)).as("'none'[0]").isCloseTo(0.916, within(KERAS));
        assertThat(loss.get(0, 1)).as("'none'[1]").isCloseTo(-3.08e-06, within(5e-9));
        assertThat(kld.cost(PROBABILITIES, Y_01)).as("'auto'").isCloseTo(0.458, within(KERAS));
        assertThat(loss.sum()).as("'sum'").isCloseTo(0.916, within(KERAS));
        // Keras prints 0.366 for 0.36652 (its doctest compares loosely): within 1e-3
        assertThat(weighted(loss, 0.8, 0.2)).as("sample_weight [0.8, 0.2]").isCloseTo(0.366, within(1e-3));
        // TF 2.0's example KLD([.4, .9, .2], [.5, .8, .12]) = 0.11891246 (float32)
        assertThat(kld.cost(keras(new double[][] {{.5, .8, .12}}), keras(new double[][] {{.4, .9, .2}})))
                .isCloseTo(0.11891246, within(1e-7));
    }

    // ---------------------------------------------------------------- against numpy

    static Stream<Arguments> everyLoss() {
        return Stream.of(
                Arguments.of(new MeanSquaredError(), "mse"),
                Arguments.of(new MeanSquaredLogarithmicError(), "msle"),
                Arguments.of(new MeanAbsoluteError(), "mae"),
                Arguments.of(new BinaryCrossEntropy(), "bce"),
                Arguments.of(new Hinge(), "hinge"),
                Arguments.of(new SquaredHinge(), "squared_hinge"),
                Arguments.of(new CategoricalCrossEntropy(), "cce"),
                Arguments.of(new SparseCategoricalCrossEntropy(), "scce"),
                Arguments.of(new KLDivergence(), "kld"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyLoss")
    void lossCostAndGradientMatchNumpy(Loss loss, String name) {
        Matrix AL = REF.matrix(name + "_AL");
        Matrix Y = REF.matrix(name + "_Y");
        assertClose(loss.loss(AL, Y), REF, name + "_loss");
        assertThat(loss.cost(AL, Y)).as(name + " cost").isCloseTo(REF.scalar(name + "_cost"), within(1e-14));
        assertClose(loss.gradient(AL, Y), REF, name + "_dAL");
    }

    @Test
    void numpyInputsAreTheOnesNumpyRandomDraws() {
        NumpyRandom random = new NumpyRandom(10);
        assertClose(random.rand(2, 5).times(3), REF, "mse_AL");
        assertClose(random.rand(2, 5).times(3), REF, "mse_Y");
        random = new NumpyRandom(11);
        assertClose(random.rand(2, 5), REF, "bce_AL");
        assertClose(random.randn(2, 5), REF, "hinge_AL");
        assertClose(random.rand(2, 5).gt(0.5), REF, "bce_Y");
        random = new NumpyRandom(12);
        random.randn(3, 5);
        long[] labels = random.randint(0, 3, 5);
        assertThat(REF.matrix("scce_Y").toArray()).containsExactly(java.util.Arrays.stream(labels)
                .asDoubleStream().toArray());
    }

    // ---------------------------------------------------------------- the guards

    @Test
    void crossEntropiesStayFiniteAtZeroAndOne() {
        Matrix certain = Matrix.row(0, 1, 1, 0);
        Matrix Y = Matrix.row(0, 1, 0, 1);
        Loss bce = new BinaryCrossEntropy();
        // the two wrong answers cost −log ε = 16.118 each; the gradient is the formula at the clip
        assertThat(bce.loss(certain, Y).toArray())
                .containsExactly(new double[] {0, 0, -Math.log(Loss.EPSILON), -Math.log(Loss.EPSILON)},
                        within(1e-6));
        assertThat(bce.gradient(certain, Y).isFinite()).isTrue();
        assertThat(bce.gradient(certain, Y).get(0, 3)).isCloseTo(-1 / Loss.EPSILON, within(1e-3));
        Matrix zeroProbability = keras(new double[][] {{1, 0, 0}});
        Matrix classTwo = keras(new double[][] {{0, 1, 0}});
        assertThat(new CategoricalCrossEntropy().cost(zeroProbability, classTwo))
                .isCloseTo(-Math.log(Loss.EPSILON), within(1e-9));
        assertThat(new CategoricalCrossEntropy().gradient(zeroProbability, classTwo).isFinite()).isTrue();
        assertThat(new KLDivergence().gradient(zeroProbability, classTwo).isFinite()).isTrue();
        assertThat(new MeanSquaredLogarithmicError().loss(Matrix.row(-5), Matrix.row(0)).item())
                .as("a negative prediction is raised to ε").isCloseTo(0, within(1e-13));
    }

    @Test
    void kinksTakeTheSubgradientZero() {
        assertThat(new MeanAbsoluteError().gradient(Matrix.row(2), Matrix.row(2)).item()).isZero();
        // ŷ = 1 for y = 1: exactly on the margin
        assertThat(new Hinge().gradient(Matrix.row(1), Matrix.row(1)).item()).isZero();
        assertThat(new Hinge().gradient(Matrix.row(0.5), Matrix.row(1)).item()).isEqualTo(-1);
        assertThat(new Hinge().gradient(Matrix.row(0.5), Matrix.row(0)).item()).isEqualTo(1);
        assertThat(new SquaredHinge().gradient(Matrix.row(1), Matrix.row(1)).item()).isZero();
    }

    @Test
    void badShapesAndLabelsAreReportedByTheLoss() {
        assertThatThrownBy(() -> new BinaryCrossEntropy().loss(Matrix.zeros(1, 3), Matrix.zeros(1, 4)))
                .hasMessage("binary_crossentropy: AL has shape (1,3) but Y has shape (1,4)");
        assertThatThrownBy(() -> new MeanSquaredError().gradient(Matrix.zeros(2, 3), Matrix.zeros(3, 2)))
                .hasMessage("mean_squared_error: AL has shape (2,3) but Y has shape (3,2)");
        assertThatThrownBy(() -> new SparseCategoricalCrossEntropy().loss(SOFTMAX_LIKE, Matrix.row(1, 3)))
                .hasMessageStartingWith("sparse_categorical_crossentropy: every label must be an integer from 0 to 2");
        assertThatThrownBy(() -> new SparseCategoricalCrossEntropy().loss(SOFTMAX_LIKE, ONE_HOT))
                .hasMessage("sparse_categorical_crossentropy: Y must be a row of class indices (1, m),"
                        + " got shape (3,2)");
        assertThatThrownBy(() -> new SparseCategoricalCrossEntropy().loss(SOFTMAX_LIKE, Matrix.row(1, 2, 0)))
                .hasMessageContaining("AL has shape (3,2) but Y has shape (1,3)");
    }
}
