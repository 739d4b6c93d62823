package dev.backprop.cpufast;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.BinaryOp;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Reduction;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.matrix.UnaryOp;
import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast CPU backend: the same row-major {@code double[]} storage as the reference {@code CpuBackend}, with the
 * matrix product done by {@link Gemm} (packed, register-tiled SIMD, on every core) and the elementwise work the
 * networks do most (+, −, ⊙, /, with broadcasting; tanh, σ, exp, ln, x², ReLU) in vector loops ({@link VectorMath}).
 * Everything else, and every reduction, is handed to the reference backend on the same arrays without a copy, so sums
 * keep numpy's pairwise order.
 *
 * <p>Departure from the reference: matrix products use fused multiply-adds in another order, and tanh, σ, exp and ln
 * are this module's own (within 1–3 ulp of {@link Math}, see {@link VectorMath}); results can differ from the reference's in their last bits.
 */
public final class FastCpuBackend implements Backend {

    private static final VectorSpecies<Double> S = Gemm.S;
    private static final int L = Gemm.L;

    private final int threads;

    private FastCpuBackend(int threads) {
        this.threads = threads;
    }

    /** A backend whose large products use up to {@code threads} threads (the caller's included). */
    public static FastCpuBackend withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("cpu-fast: threads must be at least 1, got " + threads);
        }
        return new FastCpuBackend(threads);
    }

    /** How many threads a large product uses. */
    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return "cpu-fast";
    }

    @Override
    public String description() {
        return "CPU: SIMD (" + S.vectorBitSize() + "-bit vectors, Vector API), double precision (fp64), " + threads
                + (threads == 1 ? " thread" : " threads");
    }

    private static double[] data(Matrix m) {
        return (double[]) m.storage();
    }

    private Matrix wrap(int rows, int cols, double[] data) {
        return Matrix.wrap(this, rows, cols, data);
    }

    /** The same (contiguous) array seen by the reference backend, without a copy. */
    private static Matrix reference(Matrix a) {
        return Matrix.wrap(Backends.cpu(), a.rows(), a.cols(), a.storage());
    }

    /** A reference backend's result, adopted without a copy. */
    private Matrix adopt(Matrix result) {
        return wrap(result.rows(), result.cols(), data(result));
    }

    @Override
    public Matrix upload(int rows, int cols, double[] rowMajor) {
        return wrap(rows, cols, rowMajor.clone());
    }

    @Override
    public double[] download(Matrix a) {
        return data(a).clone();
    }

    @Override
    public Matrix full(int rows, int cols, double value) {
        double[] data = new double[Math.multiplyExact(rows, cols)];
        if (value != 0.0) {
            Arrays.fill(data, value);
        }
        return wrap(rows, cols, data);
    }

    /** C = op(A)·op(B), a transposed view read through its strides (see {@link Gemm}). */
    @Override
    public Matrix matmul(Matrix a, Matrix b) {
        int n = a.rows();
        int k = a.cols();
        int m = b.cols();
        double[] C = new double[Math.multiplyExact(n, m)];
        int ars = a.isTransposed() ? 1 : k;
        int acs = a.isTransposed() ? n : 1;
        int brs = b.isTransposed() ? 1 : m;
        int bcs = b.isTransposed() ? k : 1;
        Gemm.multiply(data(a), ars, acs, data(b), brs, bcs, C, n, k, m, threads);
        return wrap(n, m, C);
    }

    @Override
    public Matrix transpose(Matrix a) {
        return adopt(Backends.cpu().transpose(reference(a)));
    }

    @Override
    public Matrix map(UnaryOp op, double p, Matrix a) {
        double[] A = data(a);
        double[] out = new double[A.length];
        switch (op) {
            case TANH -> VectorMath.tanh(A, out);
            case SIGMOID -> VectorMath.sigmoid(A, out);
            case EXP -> VectorMath.exp(A, out);
            case LOG -> VectorMath.log(A, out);
            case SQUARE -> square(A, out);
            case POWER -> {
                if (p != 2.0) {
                    return adopt(Backends.cpu().map(op, p, reference(a)));
                }
                square(A, out);
            }
            case RELU -> {
                int i = 0;
                for (int bound = S.loopBound(A.length); i < bound; i += L) {
                    DoubleVector x = DoubleVector.fromArray(S, A, i);
                    // x > 0 ? x : 0 (NaN gives 0, as the reference's comparison does)
                    DoubleVector.zero(S).blend(x, x.compare(VectorOperators.GT, 0.0)).intoArray(out, i);
                }
                for (; i < A.length; i++) {
                    out[i] = A[i] > 0 ? A[i] : 0.0;
                }
            }
            default -> {
                return adopt(Backends.cpu().map(op, p, reference(a)));
            }
        }
        return wrap(a.rows(), a.cols(), out);
    }

    private static void square(double[] A, double[] out) {
        int i = 0;
        for (int bound = S.loopBound(A.length); i < bound; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, A, i);
            x.mul(x).intoArray(out, i);
        }
        for (; i < A.length; i++) {
            out[i] = A[i] * A[i];
        }
    }

    /** The four arithmetic operators in vector form; null for the others. */
    private static VectorOperators.Binary vectorOp(BinaryOp op) {
        return switch (op) {
            case ADD -> VectorOperators.ADD;
            case SUBTRACT -> VectorOperators.SUB;
            case MULTIPLY -> VectorOperators.MUL;
            case DIVIDE -> VectorOperators.DIV;
            default -> null;
        };
    }

    /**
     * A ∘ B for +, −, ⊙ and /: both of the output's shape, or one of them a column (n, 1) or a row (1, m) broadcast
     * across the other. Other operators and other broadcasts go to the reference backend.
     */
    @Override
    public Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out) {
        VectorOperators.Binary vop = vectorOp(op);
        Shape sa = a.shape();
        Shape sb = b.shape();
        int n = out.rows();
        int m = out.cols();
        boolean fullA = sa.equals(out);
        boolean fullB = sb.equals(out);
        if (vop == null || !(fullA || fullB)) {
            return adopt(Backends.cpu().zip(op, reference(a), reference(b), out));
        }
        double[] A = data(a);
        double[] B = data(b);
        double[] C = new double[Math.multiplyExact(n, m)];
        if (fullA && fullB) {
            int i = 0;
            for (int bound = S.loopBound(C.length); i < bound; i += L) {
                DoubleVector.fromArray(S, A, i).lanewise(vop, DoubleVector.fromArray(S, B, i)).intoArray(C, i);
            }
            for (; i < C.length; i++) {
                C[i] = op.apply(A[i], B[i]);
            }
            return wrap(n, m, C);
        }
        // one operand is full, the other broadcast: a column (one value per row) or a row (one value per column)
        boolean fullFirst = fullA;
        double[] F = fullFirst ? A : B;
        double[] V = fullFirst ? B : A;
        Shape sv = fullFirst ? sb : sa;
        if (sv.rows() == n && sv.cols() == 1) {
            for (int r = 0; r < n; r++) {
                DoubleVector v = DoubleVector.broadcast(S, V[r]);
                broadcastRow(op, vop, F, r * m, v, V[r], C, m, fullFirst);
            }
        } else if (sv.rows() == 1 && sv.cols() == m) {
            for (int r = 0; r < n; r++) {
                int o = r * m;
                int j = 0;
                for (int bound = S.loopBound(m); j < bound; j += L) {
                    DoubleVector f = DoubleVector.fromArray(S, F, o + j);
                    DoubleVector v = DoubleVector.fromArray(S, V, j);
                    (fullFirst ? f.lanewise(vop, v) : v.lanewise(vop, f)).intoArray(C, o + j);
                }
                for (; j < m; j++) {
                    C[o + j] = fullFirst ? op.apply(F[o + j], V[j]) : op.apply(V[j], F[o + j]);
                }
            }
        } else {
            // (1, 1) against a full matrix
            DoubleVector v = DoubleVector.broadcast(S, V[0]);
            for (int r = 0; r < n; r++) {
                broadcastRow(op, vop, F, r * m, v, V[0], C, m, fullFirst);
            }
        }
        return wrap(n, m, C);
    }

    /** C[o:o+m] = F[o:o+m] ∘ s (or s ∘ F when the scalar comes first). */
    private static void broadcastRow(BinaryOp op, VectorOperators.Binary vop, double[] F, int o, DoubleVector v,
                                     double s, double[] C, int m, boolean fullFirst) {
        int j = 0;
        for (int bound = S.loopBound(m); j < bound; j += L) {
            DoubleVector f = DoubleVector.fromArray(S, F, o + j);
            (fullFirst ? f.lanewise(vop, v) : v.lanewise(vop, f)).intoArray(C, o + j);
        }
        for (; j < m; j++) {
            C[o + j] = fullFirst ? op.apply(F[o + j], s) : op.apply(s, F[o + j]);
        }
    }

    @Override
    public Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst) {
        VectorOperators.Binary vop = vectorOp(op);
        if (vop == null) {
            return adopt(Backends.cpu().zipScalar(op, reference(a), s, scalarFirst));
        }
        double[] A = data(a);
        double[] C = new double[A.length];
        broadcastRow(op, vop, A, 0, DoubleVector.broadcast(S, s), s, C, A.length, !scalarFirst);
        return wrap(a.rows(), a.cols(), C);
    }

    /** The reference's sums (numpy's pairwise order) and maxima, on the same array. */
    @Override
    public Matrix reduce(Reduction reduction, Matrix a, int axis) {
        return adopt(Backends.cpu().reduce(reduction, reference(a), axis));
    }

    @Override
    public Matrix sliceColumns(Matrix a, int from, int to) {
        return adopt(Backends.cpu().sliceColumns(reference(a), from, to));
    }
}
