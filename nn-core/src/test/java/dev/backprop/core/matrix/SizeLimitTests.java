package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/**
 * rows × cols beyond what one array holds is refused with the operation and the shape, instead of overflowing int
 * (before: {@code ones(65536, 65536)} had size 0 and sum 0, {@code zeros(50000, 50000)} threw a bare
 * {@code NegativeArraySizeException}); running out of heap says how much the shape needs.
 */
class SizeLimitTests {

    @Test
    void onesOf65536SquaredIsRefusedInsteadOfBeingAnEmptyMatrix() {
        assertThatThrownBy(() -> Matrix.ones(65_536, 65_536)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("ones: shape (65536,65536) has 4294967296 elements (32.0 GiB of doubles), more than one "
                        + "matrix can hold (2147483639, the largest Java array)");
    }

    @Test
    void zerosOf50000SquaredNamesTheShapeAndTheMemoryInsteadOfANegativeArraySize() {
        assertThatThrownBy(() -> Matrix.zeros(50_000, 50_000)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("zeros: shape (50000,50000) has 2500000000 elements (18.6 GiB of doubles)");
    }

    @Test
    void aProductTooLargeForOneArrayIsRefusedBeforeItIsComputed() {
        Matrix column = Matrix.ones(100_000, 1);
        assertThatThrownBy(() -> column.dot(column.T())).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("dot: shape (100000,100000) has 10000000000 elements");
    }

    @Test
    void ofWithAnOverflowingShapeDoesNotMatchAnEmptyArray() {
        // 65536 · 65536 overflows int to 0, which matched an empty array
        assertThatThrownBy(() -> Matrix.of(65_536, 65_536)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("of: shape (65536,65536)");
        assertThatThrownBy(() -> Backends.cpu().upload(65_536, 65_536, new double[0]))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("upload: shape (65536,65536)");
    }

    @Test
    void runningOutOfHeapSaysHowMuchTheShapeNeedsAndHowToRaiseTheLimit() {
        // 40000² doubles: 11.9 GiB, under the array limit; more than this JVM may use (else the test cannot run)
        long needed = 40_000L * 40_000L * Double.BYTES;
        assumeTrue(needed > Runtime.getRuntime().maxMemory(), "the JVM may use more than 11.9 GiB");
        assertThatThrownBy(() -> Matrix.zeros(40_000, 40_000)).isInstanceOf(OutOfMemoryError.class)
                .hasMessageStartingWith("zeros: Matrix (40000, 40000) of doubles needs 11.9 GiB; the JVM may use at "
                        + "most ")
                .hasMessageContaining("raise it with -Xmx");
        assertThatThrownBy(() -> new NumpyRandom(1).randn(40_000, 40_000)).isInstanceOf(OutOfMemoryError.class)
                .hasMessageStartingWith("randn: Matrix (40000, 40000) of doubles needs 11.9 GiB");
    }

    @Test
    void linspaceWithANegativeCountSaysSoAsNumpyDoes() {
        assertThatThrownBy(() -> Matrix.linspace(0, 1, -1)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("linspace: number of samples, -1, must be non-negative");
        assertThat(Matrix.linspace(0, 1, 0).shape()).isEqualTo(new Shape(1, 0));
    }
}
