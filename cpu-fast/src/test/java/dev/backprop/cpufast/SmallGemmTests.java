package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SmallGemm} in its three forms against the reference loops, on shapes with and without a vector tail: A·B
 * and Aᵀ·B to the last bit, A·Bᵀ within rounding, and A·Bᵀ's vector loop and its scalar twin to the last bit (so a
 * run's numbers do not depend on when the JIT compiles the vector loop).
 */
class SmallGemmTests {

    @ParameterizedTest
    @CsvSource({"4, 2, 400", "1, 4, 400", "4, 1, 400", "3, 5, 7", "7, 3, 1", "2, 9, 17", "1, 1, 1"})
    void rowFormsGiveTheReferenceBits(int n, int k, int m) {
        NumpyRandom random = new NumpyRandom(n * 100 + k * 10 + m);
        Matrix A = random.randn(n, k);
        Matrix At = random.randn(k, n);
        Matrix B = random.randn(k, m);
        double[] C = new double[n * m];
        SmallGemm.multiply(A.toArray(), false, B.toArray(), false, C, n, k, m);
        assertThat(C).isEqualTo(A.dot(B).toArray());
        SmallGemm.multiply(At.toArray(), true, B.toArray(), false, C, n, k, m);
        assertThat(C).isEqualTo(At.T().dot(B).toArray());
    }

    @ParameterizedTest
    @CsvSource({"1, 400, 4", "4, 400, 2", "3, 7, 5", "2, 17, 3", "1, 1, 1", "2, 64, 2"})
    void dotsAgreeWithTheirScalarTwinToTheBitAndWithTheReferenceWithinRounding(int n, int k, int m) {
        NumpyRandom random = new NumpyRandom(n * 1000 + k * 10 + m);
        Matrix A = random.randn(n, k);
        Matrix Bt = random.randn(m, k);
        double[] vector = new double[n * m];
        double[] scalar = new double[n * m];
        SmallGemm.multiply(A.toArray(), false, Bt.toArray(), true, vector, n, k, m);
        SmallGemm.dotsScalar(A.toArray(), Bt.toArray(), scalar, n, k, m);
        assertThat(vector).isEqualTo(scalar);
        double[] reference = A.dot(Bt.T()).toArray();
        for (int i = 0; i < reference.length; i++) {
            assertThat(vector[i]).isCloseTo(reference[i], within(1e-12 * Math.max(1, Math.abs(reference[i]))));
        }
    }
}
