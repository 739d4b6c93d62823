package dev.backprop.core.matrix;

/**
 * numpy's pairwise summation ({@code pairwise_sum} in numpy's {@code loops_utils.h}), so that a sum along a
 * contiguous row matches numpy's to the last digit. Blocks of up to 128 elements are summed with eight
 * interleaved accumulators; longer runs are split in two (at a multiple of 8) and the halves added.
 * The error grows like O(log n) instead of the O(n) of a plain loop.
 */
final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** Σ a[offset + i·stride] for i in [0, n). */
    static double sum(double[] a, int offset, int n, int stride) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[offset + i * stride];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[offset + j * stride];
            }
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[offset + (i + j) * stride];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[offset + i * stride];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, offset, n2, stride) + sum(a, offset + n2 * stride, n - n2, stride);
    }
}
