package dev.backprop.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Matrix;

/** Comparisons with numpy's reference values, which may differ from ours in the last bits. */
public final class Gold {

    private Gold() {
    }

    /**
     * Same shape, and every element within a few units in the last place of the largest expected element: numpy's
     * BLAS sums a dot product in another order, and its exp/log/tanh may round the last bit differently.
     */
    public static void assertClose(Matrix actual, Matrix expected, String what) {
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        assertThat(actual.toArray()).as(what)
                .containsExactly(expected.toArray(), within(1e-15 + 1e-13 * maxAbs(expected)));
    }

    /** {@link #assertClose(Matrix, Matrix, String)} against the named matrix of a reference file. */
    public static void assertClose(Matrix actual, Reference reference, String name) {
        assertClose(actual, reference.matrix(name), name);
    }

    public static double maxAbs(Matrix m) {
        double max = 0;
        for (double v : m.toArray()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
