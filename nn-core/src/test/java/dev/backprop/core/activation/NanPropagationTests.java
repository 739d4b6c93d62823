package dev.backprop.core.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Matrix;
import org.junit.jupiter.api.Test;

/**
 * NaN goes through every elementwise activation and its derivative, as {@code np.maximum(0, nan)} is NaN: before,
 * ReLU's {@code x > 0 ? x : 0} turned NaN weights into silent zeros.
 */
class NanPropagationTests {

    private static final Matrix Z = Matrix.row(Double.NaN, -1, 2);

    @Test
    void reluOfNanIsNanAsNpMaximumGivesAndSoIsItsDerivative() {
        Relu relu = new Relu();
        Matrix A = relu.forward(Z);
        assertThat(A.toArray()).containsExactly(Double.NaN, 0, 2);
        assertThat(relu.derivative(Z, A).toArray()).containsExactly(Double.NaN, 0, 1);
        assertThat(relu.backward(Matrix.row(1, 1, 1), Z, A).toArray()).containsExactly(Double.NaN, 0, 1);
    }

    @Test
    void leakyReluAndEluPropagateNanToo() {
        for (ElementwiseActivation g : new ElementwiseActivation[] {new LeakyRelu(), new Elu(), new Elu(0.5)}) {
            Matrix A = g.forward(Z);
            assertThat(A.get(0, 0)).as("%s(NaN)", g).isNaN();
            assertThat(g.derivative(Z, A).get(0, 0)).as("%s′(NaN)", g).isNaN();
        }
    }

    @Test
    void eluDerivativeAtPlusInfinityIsOneNotNan() {
        // before: (1 − step) ⊙ (a + α) was 0 · ∞ = NaN at z = +∞
        Matrix z = Matrix.row(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        Elu elu = new Elu();
        assertThat(elu.derivative(z, elu.forward(z)).toArray()).containsExactly(1, 0);
    }
}
