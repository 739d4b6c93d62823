package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VectorPairwiseSum} against the reference's pairwise sum ({@code Matrix.sum} on the plain loops), bit for
 * bit, at lengths on both sides of every branch (fewer than 8, a block of up to 128, split in two), with a remainder
 * and at an offset; numbers of mixed magnitude, so that another order would show in the last bits.
 */
class VectorPairwiseSumTests {

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 8, 9, 15, 16, 127, 128, 129, 400, 1000, 1601, 4096})
    void sumsAreTheReferencesToTheLastBit(int n) {
        double[] a = new NumpyRandom(n).randn(1, n + 5).toArray();
        for (int i = 0; i < a.length; i += 3) {
            a[i] *= 1e9;
        }
        double[] run = Arrays.copyOfRange(a, 5, 5 + n);
        double expected = Matrix.of(1, n, run).sum(1).item();
        assertThat(VectorPairwiseSum.sum(a, 5, n)).isEqualTo(expected);
        assertThat(VectorPairwiseSum.sum(run, 0, n)).isEqualTo(Matrix.of(1, n, run).sum());
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void anEmptyRunSumsToZero(int n) {
        assertThat(VectorPairwiseSum.sum(new double[8], 3, n)).isZero();
    }
}
