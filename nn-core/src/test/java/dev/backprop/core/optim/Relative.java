package dev.backprop.core.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Matrix;

/** The relative difference the optimizer tests allow against numpy: |a − e| ≤ 1e-12 · |e| for every element. */
public final class Relative {

    public static final double TOLERANCE = 1e-12;

    private Relative() {
    }

    /** The largest |a − e| / |e| over the elements (0 where both are 0). */
    public static double difference(Matrix actual, Matrix expected) {
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - e[i]);
            worst = Math.max(worst, d == 0 ? 0 : d / Math.abs(e[i]));
        }
        return worst;
    }

    public static void assertClose(Matrix actual, Matrix expected, String what) {
        assertThat(actual.shape()).as(what + " shape").isEqualTo(expected.shape());
        assertThat(difference(actual, expected)).as(what + ": largest |a − e| / |e|").isLessThanOrEqualTo(TOLERANCE);
    }
}
