package dev.backprop.cpufast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * numpy's pairwise summation of a contiguous run (the reference's {@code PairwiseSum}, numpy's
 * {@code pairwise_sum}) with its eight interleaved accumulators held in vectors: one of 8 lanes (AVX-512) or two of
 * 4 (AVX2). Every addition is the reference's, in the same order, so the sums are the same to the last bit.
 *
 * <pre>
 * n &lt; 8:    a[0] + a[1] + …                                     (one running sum)
 * n ≤ 128:  r[j] = a[j] + a[8+j] + a[16+j] + …   for j = 0 … 7    (the vectors)
 *           ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)), then the last n mod 8 one by one
 * n &gt; 128:  sum(first n2) + sum(rest), n2 = n/2 rounded down to a multiple of 8
 * </pre>
 */
final class VectorPairwiseSum {

    private static final VectorSpecies<Double> S = Gemm.S;
    private static final int L = Gemm.L;
    private static final int BLOCK = 128;

    private VectorPairwiseSum() {
    }

    /** Whether this machine's vectors hold the eight accumulators as one or two vectors. */
    static boolean supported() {
        return L == 8 || L == 4;
    }

    /** Σ a[offset + i] for i in [0, n), in numpy's pairwise order. */
    static double sum(double[] a, int offset, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[offset + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            return block(a, offset, n);
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, offset, n2) + sum(a, offset + n2, n - n2);
    }

    private static double block(double[] a, int offset, int n) {
        double[] r = new double[8];
        int end = n - n % 8;
        if (L == 8) {
            DoubleVector v = DoubleVector.fromArray(S, a, offset);
            for (int i = 8; i < end; i += 8) {
                v = v.add(DoubleVector.fromArray(S, a, offset + i));
            }
            v.intoArray(r, 0);
        } else {
            DoubleVector lo = DoubleVector.fromArray(S, a, offset);
            DoubleVector hi = DoubleVector.fromArray(S, a, offset + 4);
            for (int i = 8; i < end; i += 8) {
                lo = lo.add(DoubleVector.fromArray(S, a, offset + i));
                hi = hi.add(DoubleVector.fromArray(S, a, offset + i + 4));
            }
            lo.intoArray(r, 0);
            hi.intoArray(r, 4);
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (int i = end; i < n; i++) {
            res += a[offset + i];
        }
        return res;
    }
}
