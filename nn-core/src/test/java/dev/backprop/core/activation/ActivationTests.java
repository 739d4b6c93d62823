package dev.backprop.core.activation;

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

/** Each activation and its backward step against numpy (scripts/deep_reference.py, seed 5), and its edge cases. */
class ActivationTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/deep/activations.txt");

    /** Z = randn(4, 5) · 2 and dA = randn(4, 5), drawn as numpy does after np.random.seed(5). */
    private static final NumpyRandom RANDOM = new NumpyRandom(5);
    private static final Matrix Z = RANDOM.randn(4, 5).times(2);
    private static final Matrix DA = RANDOM.randn(4, 5);

    static Stream<Arguments> everyActivation() {
        return Stream.of(
                Arguments.of(new Sigmoid(), "sigmoid"),
                Arguments.of(new Relu(), "relu"),
                Arguments.of(new Tanh(), "tanh"),
                Arguments.of(new LeakyRelu(), "leaky_relu"),
                Arguments.of(new LeakyRelu(0.2), "leaky_relu_0.2"),
                Arguments.of(new Elu(), "elu"),
                Arguments.of(new Elu(0.5), "elu_0.5"),
                Arguments.of(new Softmax(), "softmax"),
                Arguments.of(new Linear(), "linear"));
    }

    @Test
    void inputsAreTheOnesNumpyDrew() {
        assertClose(Z, REF, "Z");
        assertClose(DA, REF, "dA");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyActivation")
    void forwardAndBackwardMatchNumpy(Activation g, String name) {
        Matrix A = g.forward(Z);
        assertClose(A, REF, name + "_A");
        assertClose(g.backward(DA, Z, A), REF, name + "_dZ");
    }

    @Test
    void softmaxColumnsAreDistributionsEvenForHugeInputs() {
        // without the shift by the column max, e^1000 overflows to ∞ and ∞/∞ is NaN
        Matrix huge = Matrix.of(new double[][] {{1000, -1000}, {999, -1001}, {998, -1002}});
        Matrix A = new Softmax().forward(huge);
        assertThat(A.isFinite()).isTrue();
        assertThat(A.sum(0).toArray()).containsExactly(new double[] {1, 1}, within(1e-15));
        Matrix shifted = new Softmax().forward(huge.minus(1000));
        assertThat(A.toArray()).containsExactly(shifted.toArray(), within(1e-16));
        // e⁰ : e⁻¹ : e⁻² normalised, in both columns
        double s = 1 + Math.exp(-1) + Math.exp(-2);
        assertThat(A.get(0, 0)).isCloseTo(1 / s, within(1e-15));
        assertThat(A.get(2, 1)).isCloseTo(Math.exp(-2) / s, within(1e-15));
    }

    @Test
    void softmaxBackwardOfTheCrossEntropyGradientIsAMinusY() {
        Matrix A = new Softmax().forward(Z);
        Matrix Y = Matrix.of(new double[][] {{1, 0, 0, 0, 1}, {0, 1, 0, 0, 0}, {0, 0, 1, 0, 0}, {0, 0, 0, 1, 0}});
        Matrix general = new Softmax().backward(Y.div(A).negate(), Z, A);
        Matrix combined = Softmax.backwardWithCrossEntropy(A, Y);
        assertThat(general.toArray()).containsExactly(combined.toArray(), within(1e-12));
    }

    @Test
    void leakyReluIsTheSeedsMaxOfPointOneXAndX() {
        Matrix x = Matrix.row(-3, -0.5, 0, 0.5, 3);
        LeakyRelu leaky = new LeakyRelu();
        assertThat(leaky.alpha()).isEqualTo(0.1);
        assertThat(leaky.forward(x)).isEqualTo(x.times(0.1).maximum(x));
        assertThat(leaky.derivative(x, leaky.forward(x))).isEqualTo(Matrix.row(0.1, 0.1, 0.1, 1, 1));
        LeakyRelu steeper = new LeakyRelu(0.3);
        assertThat(steeper.forward(x).toArray()).containsExactly(new double[] {-0.9, -0.15, 0, 0.5, 3}, within(1e-15));
        assertThat(steeper.derivative(x, steeper.forward(x))).isEqualTo(Matrix.row(0.3, 0.3, 0.3, 1, 1));
    }

    @Test
    void derivativesAtChosenPoints() {
        Matrix x = Matrix.row(-1, 0, 2);
        assertThat(new Relu().derivative(x, null)).as("ReLU′(0) = 0, as the workshop").isEqualTo(Matrix.row(0, 0, 1));
        Elu elu = new Elu(2.0);
        assertThat(elu.derivative(x, elu.forward(x)).toArray())
                .containsExactly(new double[] {2 * Math.exp(-1), 2, 1}, within(1e-15));
        Sigmoid sigmoid = new Sigmoid();
        assertThat(sigmoid.derivative(x, sigmoid.forward(x)).get(0, 1)).isEqualTo(0.25);
        Tanh tanh = new Tanh();
        assertThat(tanh.derivative(x, tanh.forward(x)).get(0, 1)).isEqualTo(1.0);
        assertThat(new Linear().derivative(x, x)).isEqualTo(Matrix.ones(1, 3));
    }

    @Test
    void badParametersAndShapesAreRefused() {
        assertThatThrownBy(() -> new LeakyRelu(1.5)).hasMessageContaining("α must be in [0, 1)");
        assertThatThrownBy(() -> new Elu(0)).hasMessageContaining("α must be positive");
    }

    @Test
    void namesReadLikeKeras() {
        assertThat(new LeakyRelu().toString()).isEqualTo("leaky_relu(0.1)");
    }
}
