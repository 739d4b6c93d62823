package dev.backprop.cpufast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products too small to pay for {@link Gemm}'s packing, such as every product of the planar network
 * (W1·X is (4, 2)·(2, 400)), as vector loops straight over the row-major arrays.
 *
 * <pre>
 * A·B, Aᵀ·B:  C[i, j:j+L] = Σ_p op(A)[i, p] · B[p, j:j+L]     one vector of C at a time, p in order
 * A·Bᵀ:       C[i, j]     = Σ_p A[i, p] · B_stored[j, p]       a dot product over p, L lanes at a time
 * </pre>
 *
 * The first two form every sum in the reference's order ({@code CpuBackend.matmul}: C starts at 0, then
 * {@code C += a·b} for p = 0, 1, …, multiply and add rounded separately), so they give its bits exactly. The dot
 * products of A·Bᵀ keep L running sums, as BLAS does, so they can differ from the reference's single running sum in
 * the last bits; {@link #dotsScalar} forms the same L sums one element at a time, for a JVM that has not compiled
 * the vector loops yet, so a run's numbers do not depend on when the JIT is done.
 */
final class SmallGemm {

    private static final VectorSpecies<Double> S = Gemm.S;
    private static final int L = Gemm.L;

    private SmallGemm() {
    }

    /**
     * C = op(A)·op(B) into a fresh C (n, m), op(A) (n, k); {@code ta}/{@code tb}: the operand is stored transposed.
     * Both transposed is left to the caller.
     */
    static void multiply(double[] A, boolean ta, double[] B, boolean tb, double[] C, int n, int k, int m) {
        if (tb) {
            if (ta) {
                throw new IllegalArgumentException("SmallGemm: both operands transposed");
            }
            dots(A, B, C, n, k, m);
        } else {
            // op(A)[i, p] = A[i*k + p] as stored, A[p*n + i] for a transposed view
            int ars = ta ? 1 : k;
            int acs = ta ? n : 1;
            rows(A, ars, acs, B, C, n, k, m);
        }
    }

    private static void rows(double[] A, int ars, int acs, double[] B, double[] C, int n, int k, int m) {
        int bound = S.loopBound(m);
        for (int i = 0; i < n; i++) {
            int ci = i * m;
            int ai = i * ars;
            int j = 0;
            for (; j < bound; j += L) {
                DoubleVector c = DoubleVector.zero(S);
                for (int p = 0; p < k; p++) {
                    c = c.add(DoubleVector.fromArray(S, B, p * m + j).mul(A[ai + p * acs]));
                }
                c.intoArray(C, ci + j);
            }
            for (; j < m; j++) {
                double c = 0.0;
                for (int p = 0; p < k; p++) {
                    c += A[ai + p * acs] * B[p * m + j];
                }
                C[ci + j] = c;
            }
        }
    }

    /**
     * C[i, j] = A[i, :] · B_stored[j, :], both rows contiguous and k long: L running sums, lane l taking
     * p ≡ l (mod L), added up in lane order, then the last k mod L products.
     */
    private static void dots(double[] A, double[] B, double[] C, int n, int k, int m) {
        int bound = S.loopBound(k);
        double[] lanes = new double[L];
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                DoubleVector s = DoubleVector.zero(S);
                int p = 0;
                for (; p < bound; p += L) {
                    s = s.add(DoubleVector.fromArray(S, A, ai + p).mul(DoubleVector.fromArray(S, B, bj + p)));
                }
                s.intoArray(lanes, 0);
                C[i * m + j] = tail(A, ai, B, bj, p, k, lanes);
            }
        }
    }

    /**
     * {@link #dots} one element at a time, for while the JIT has not compiled the vector loop yet: the same sums in
     * the same order, so the same bits.
     */
    static void dotsScalar(double[] A, double[] B, double[] C, int n, int k, int m) {
        int bound = S.loopBound(k);
        double[] lanes = new double[L];
        for (int i = 0; i < n; i++) {
            int ai = i * k;
            for (int j = 0; j < m; j++) {
                int bj = j * k;
                java.util.Arrays.fill(lanes, 0.0);
                int p = 0;
                for (; p < bound; p += L) {
                    for (int l = 0; l < L; l++) {
                        lanes[l] += A[ai + p + l] * B[bj + p + l];
                    }
                }
                C[i * m + j] = tail(A, ai, B, bj, p, k, lanes);
            }
        }
    }

    /** The lanes' sums in lane order, then the products from {@code p} on. */
    private static double tail(double[] A, int ai, double[] B, int bj, int p, int k, double[] lanes) {
        double sum = 0.0;
        for (double lane : lanes) {
            sum += lane;
        }
        for (; p < k; p++) {
            sum += A[ai + p] * B[bj + p];
        }
        return sum;
    }
}
