package dev.backprop.cpufast;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.BinaryOp;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Reduction;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.matrix.UnaryOp;
import java.util.Arrays;

/**
 * The fast CPU backend: the same row-major {@code double[]} storage as the reference {@code CpuBackend}, with the
 * matrix product done by {@link Gemm} (packed, register-tiled SIMD, on every core), tanh, σ, exp and ln in vector
 * loops ({@link VectorMath}), +, −, ⊙, / with broadcasting in contiguous loops the JIT vectorises, and sums along
 * rows in numpy's pairwise order with the accumulators in vectors ({@link VectorPairwiseSum}). Everything else is
 * handed to the reference backend on the same arrays without a copy.
 *
 * <p>Departure from the reference: matrix products use fused multiply-adds in another order, and tanh, σ, exp and ln
 * are this module's own (within 1–3 ulp of {@link Math}, see {@link VectorMath}); results can differ from the
 * reference's in their last bits.
 */
public final class FastCpuBackend implements Backend {

    /** At most this many multiply-adds (n·k·m) and the reference's loops beat packing. */
    static final long SMALL = 1 << 15;

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
    public boolean storesHostArrays() {
        return true;
    }

    /** New matrices join the open {@code MatrixScope}, so that their arrays can be reused once it closes. */
    @Override
    public boolean needsRelease() {
        return true;
    }

    /**
     * Releases a matrix that a scope of this thread made, handing its array to the {@link ArrayPool} for the next
     * result of its length (where the pool has room; otherwise to the garbage collector). A matrix made outside any
     * scope, or kept out of the outermost one, is the caller's and left alone.
     */
    @Override
    public boolean release(Matrix a) {
        if (!a.madeInScope()) {
            return false;
        }
        ArrayPool.current().give(data(a));
        return true;
    }

    @Override
    public String name() {
        return "cpu-fast";
    }

    @Override
    public String description() {
        return "CPU: SIMD (" + Gemm.S.vectorBitSize() + "-bit vectors, Vector API), double precision (fp64), " + threads
                + (threads == 1 ? " thread" : " threads");
    }

    /** rows · cols as an array length, or an exception naming the operation and the shape. */
    private static int size(String op, int rows, int cols) {
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(op + ": a (" + rows + ", " + cols + ") matrix has " + size
                    + " elements, more than a Java array holds");
        }
        return (int) size;
    }

    private static double[] data(Matrix m) {
        return (double[]) m.storage();
    }

    private Matrix wrap(int rows, int cols, double[] data) {
        return Matrix.wrap(this, rows, cols, data);
    }

    /** A matrix or a transposed view, seen by the reference backend without a copy. */
    private static Matrix referenceView(Matrix a) {
        return a.isTransposed() ? Matrix.wrap(Backends.cpu(), a.cols(), a.rows(), a.storage()).T() : reference(a);
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
        double[] data = new double[size("full", rows, cols)];
        if (value != 0.0) {
            Arrays.fill(data, value);
        }
        return wrap(rows, cols, data);
    }

    /**
     * C = op(A)·op(B), a transposed view read through its strides (see {@link Gemm}). Products of at most
     * {@link #SMALL} multiply-adds, like all of the workshop's planar network, cost no packing: {@link SmallGemm}'s
     * vector loops once the JIT has compiled them; before that the reference loops, which give the same bits (for
     * A·Bᵀ, {@link SmallGemm#dotsScalar}, likewise), and when both operands are transposed views.
     */
    @Override
    public Matrix matmul(Matrix a, Matrix b) {
        int n = a.rows();
        int k = a.cols();
        int m = b.cols();
        if ((long) n * k * m <= SMALL) {
            boolean dots = b.isTransposed() && !a.isTransposed();
            if (!JitWarmup.ready() && !dots || a.isTransposed() && b.isTransposed()) {
                return adopt(Backends.cpu().matmul(referenceView(a), referenceView(b)));
            }
            double[] C = OutputArrays.forOverwrite(n * m);
            if (dots && !JitWarmup.ready()) {
                SmallGemm.dotsScalar(data(a), data(b), C, n, k, m);
            } else {
                SmallGemm.multiply(data(a), a.isTransposed(), data(b), b.isTransposed(), C, n, k, m);
            }
            return wrap(n, m, C);
        }
        double[] C = OutputArrays.forOverwrite(size("dot", n, m));
        int ars = a.isTransposed() ? 1 : k;
        int acs = a.isTransposed() ? n : 1;
        int brs = b.isTransposed() ? 1 : m;
        int bcs = b.isTransposed() ? k : 1;
        Gemm.multiply(data(a), ars, acs, data(b), brs, bcs, C, n, k, m, threads);
        return wrap(n, m, C);
    }

    /**
     * Z = W·A + b with b a column (n, 1), as a layer has it: the bias is added into the product's own fresh array,
     * element by element as {@link #zip} adds it (the same bits), so Z needs no second matrix. Other biases take the
     * two steps.
     */
    @Override
    public Matrix matmulAdd(Matrix a, Matrix b, Matrix bias) {
        if (bias.cols() != 1 || bias.rows() != a.rows()) {
            return Backend.super.matmulAdd(a, b, bias);
        }
        Matrix product = matmul(a, b);
        double[] C = data(product);
        double[] v = data(bias);
        int m = product.cols();
        for (int i = 0; i < product.rows(); i++) {
            double vi = v[i];
            for (int j = i * m, end = j + m; j < end; j++) {
                C[j] += vi;
            }
        }
        return product;
    }

    /** θ − α·dθ in one loop: each element as the two steps compute it ({@code t − (g·α)}), so the same bits. */
    @Override
    public Matrix subtractScaled(Matrix a, Matrix b, double s) {
        double[] A = data(a);
        double[] B = data(b);
        double[] C = OutputArrays.forOverwrite(A.length);
        for (int i = 0; i < C.length; i++) {
            C[i] = A[i] - B[i] * s;
        }
        return wrap(a.rows(), a.cols(), C);
    }

    @Override
    public Matrix transpose(Matrix a) {
        return adopt(Backends.cpu().transpose(reference(a)));
    }

    @Override
    public Matrix map(UnaryOp op, double p, Matrix a) {
        boolean own = switch (op) {
            case TANH, SIGMOID, EXP, LOG, SQUARE -> true;
            case POWER -> p == 2.0;
            default -> false;
        };
        if (!own) {
            return adopt(Backends.cpu().map(op, p, reference(a)));
        }
        double[] A = data(a);
        double[] out = OutputArrays.forOverwrite(A.length);
        switch (op) {
            case TANH -> VectorMath.tanh(A, out);
            case SIGMOID -> VectorMath.sigmoid(A, out);
            case EXP -> VectorMath.exp(A, out);
            case LOG -> VectorMath.log(A, out);
            default -> square(A, out);   // SQUARE, and POWER with p = 2
        }
        return wrap(a.rows(), a.cols(), out);
    }

    private static void square(double[] A, double[] out) {
        for (int i = 0; i < A.length; i++) {
            out[i] = A[i] * A[i];
        }
    }

    private static boolean arithmetic(BinaryOp op) {
        return op == BinaryOp.ADD || op == BinaryOp.SUBTRACT || op == BinaryOp.MULTIPLY || op == BinaryOp.DIVIDE;
    }

    /**
     * A ∘ B for +, −, ⊙ and /: both of the output's shape, or one of them a column (n, 1), a row (1, m) or a
     * (1, 1) broadcast across the other. Each case is a contiguous loop per row that the JIT vectorises (plain Java:
     * no Vector API warm-up). Other operators and broadcasts go to the reference backend.
     */
    @Override
    public Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        boolean fullA = sa.equals(out);
        boolean fullB = sb.equals(out);
        if (!arithmetic(op) || !(fullA || fullB)) {
            return adopt(Backends.cpu().zip(op, reference(a), reference(b), out));
        }
        int n = out.rows();
        int m = out.cols();
        double[] A = data(a);
        double[] B = data(b);
        double[] C = OutputArrays.forOverwrite(size(op.symbol(), n, m));
        if (fullA && fullB) {
            rows(op, A, 0, B, 0, C, 0, C.length);
            return wrap(n, m, C);
        }
        // one full operand F, the other V broadcast: one value per row, one per column, or one in all
        double[] F = fullA ? A : B;
        double[] V = fullA ? B : A;
        Shape sv = fullA ? sb : sa;
        for (int r = 0; r < n; r++) {
            int o = r * m;
            if (sv.rows() == 1 && sv.cols() == m) {
                if (fullA) {
                    rows(op, F, o, V, 0, C, o, m);
                } else {
                    rows(op, V, 0, F, o, C, o, m);
                }
            } else {
                double v = sv.rows() == 1 ? V[0] : V[r];
                scalar(op, F, o, v, !fullA, C, o, m);
            }
        }
        return wrap(n, m, C);
    }

    @Override
    public Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst) {
        if (!arithmetic(op)) {
            return adopt(Backends.cpu().zipScalar(op, reference(a), s, scalarFirst));
        }
        double[] A = data(a);
        double[] C = OutputArrays.forOverwrite(A.length);
        scalar(op, A, 0, s, scalarFirst, C, 0, A.length);
        return wrap(a.rows(), a.cols(), C);
    }

    /** C[co + j] = X[xo + j] ∘ Y[yo + j] for j &lt; len. */
    private static void rows(BinaryOp op, double[] X, int xo, double[] Y, int yo, double[] C, int co, int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = X[xo + j] + Y[yo + j];
                }
            }
            case SUBTRACT -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = X[xo + j] - Y[yo + j];
                }
            }
            case MULTIPLY -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = X[xo + j] * Y[yo + j];
                }
            }
            default -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = X[xo + j] / Y[yo + j];
                }
            }
        }
    }

    /** C[co + j] = X[xo + j] ∘ s, or s ∘ X[xo + j] when {@code scalarFirst}, for j &lt; len. */
    private static void scalar(BinaryOp op, double[] X, int xo, double s, boolean scalarFirst, double[] C, int co,
                               int len) {
        switch (op) {
            case ADD -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = scalarFirst ? s + X[xo + j] : X[xo + j] + s;
                }
            }
            case SUBTRACT -> {
                if (scalarFirst) {
                    for (int j = 0; j < len; j++) {
                        C[co + j] = s - X[xo + j];
                    }
                } else {
                    for (int j = 0; j < len; j++) {
                        C[co + j] = X[xo + j] - s;
                    }
                }
            }
            case MULTIPLY -> {
                for (int j = 0; j < len; j++) {
                    C[co + j] = X[xo + j] * s;
                }
            }
            default -> {
                if (scalarFirst) {
                    for (int j = 0; j < len; j++) {
                        C[co + j] = s / X[xo + j];
                    }
                } else {
                    for (int j = 0; j < len; j++) {
                        C[co + j] = X[xo + j] / s;
                    }
                }
            }
        }
    }

    /**
     * Sums along rows ({@code axis} 1) and of everything ({@code axis} −1) in numpy's pairwise order with the
     * accumulators in vectors ({@link VectorPairwiseSum}, the reference's bits), once the JIT has compiled them; other
     * reductions, and everything before that, by the reference backend on the same array.
     */
    @Override
    public Matrix reduce(Reduction reduction, Matrix a, int axis) {
        if (reduction != Reduction.SUM || axis == 0 || !VectorPairwiseSum.supported() || !JitWarmup.ready()) {
            return adopt(Backends.cpu().reduce(reduction, reference(a), axis));
        }
        double[] A = data(a);
        if (axis == -1) {
            return wrap(1, 1, new double[] {VectorPairwiseSum.sum(A, 0, A.length)});
        }
        int n = a.rows();
        int m = a.cols();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = VectorPairwiseSum.sum(A, i * m, m);
        }
        return wrap(n, 1, out);
    }

    @Override
    public Matrix sliceColumns(Matrix a, int from, int to) {
        return adopt(Backends.cpu().sliceColumns(reference(a), from, to));
    }
}
