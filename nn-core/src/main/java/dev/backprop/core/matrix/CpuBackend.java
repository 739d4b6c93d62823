package dev.backprop.core.matrix;

import java.util.Arrays;
import java.util.Locale;

/**
 * The reference backend: plain Java loops over row-major {@code double[]} arrays on the host. Every other
 * backend is tested against this one.
 */
public final class CpuBackend implements Backend {

    static final CpuBackend INSTANCE = new CpuBackend();

    private CpuBackend() {
    }

    @Override
    public boolean storesHostArrays() {
        return true;
    }

    @Override
    public String name() {
        return Backends.REFERENCE_CPU;
    }

    @Override
    public String description() {
        return "CPU: plain Java loops, double precision (fp64), " + Runtime.getRuntime().availableProcessors()
                + " cores available";
    }

    private static double[] data(Matrix m) {
        return (double[]) m.storage();
    }

    private static Matrix wrap(int rows, int cols, double[] data) {
        return Matrix.wrap(INSTANCE, rows, cols, data);
    }

    @Override
    public Matrix upload(int rows, int cols, double[] rowMajor) {
        Shape shape = Shape.of("upload", rows, cols);
        if (rowMajor.length != shape.size()) {
            throw new IllegalArgumentException("upload: " + rowMajor.length + " numbers for shape " + shape.compact());
        }
        return wrap(rows, cols, HostMemory.copy("upload", shape, rowMajor));
    }

    @Override
    public double[] download(Matrix a) {
        return HostMemory.copy("download", a.shape(), data(a));
    }

    @Override
    public Matrix full(int rows, int cols, double value) {
        return full("full", rows, cols, value);
    }

    /** {@link #full(int, int, double)} for {@code Matrix.zeros}, {@code ones} and {@code full}, named in messages. */
    Matrix full(String op, int rows, int cols, double value) {
        double[] data = HostMemory.doubles(op, rows, cols);
        if (value != 0.0) {
            Arrays.fill(data, value);
        }
        return wrap(rows, cols, data);
    }

    /**
     * C = op(A)·op(B). Each case walks memory in order: for A·B the loop is i, k, j so that a row of B is read
     * contiguously ({@code C[i,:] += A[i,k]·B[k,:]}); for A·Bᵀ each element is a dot product of two rows.
     */
    @Override
    public Matrix matmul(Matrix a, Matrix b) {
        int n = a.rows();
        int kk = a.cols();
        int m = b.cols();
        double[] A = data(a);
        double[] B = data(b);
        double[] C = HostMemory.doubles("dot", n, m);
        boolean ta = a.isTransposed();
        boolean tb = b.isTransposed();
        if (!ta && !tb) {
            // C[i,:] += A[i,k] · B[k,:]
            for (int i = 0; i < n; i++) {
                int ci = i * m;
                for (int k = 0; k < kk; k++) {
                    double aik = A[i * kk + k];
                    int bk = k * m;
                    for (int j = 0; j < m; j++) {
                        C[ci + j] += aik * B[bk + j];
                    }
                }
            }
        } else if (!ta) {
            // B is stored as (m, k): C[i,j] = Σ_k A[i,k] · B_stored[j,k]
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0.0;
                    int ai = i * kk;
                    int bj = j * kk;
                    for (int k = 0; k < kk; k++) {
                        s += A[ai + k] * B[bj + k];
                    }
                    C[i * m + j] = s;
                }
            }
        } else if (!tb) {
            // A is stored as (k, n): C[i,:] += A_stored[k,i] · B[k,:]
            for (int k = 0; k < kk; k++) {
                int bk = k * m;
                for (int i = 0; i < n; i++) {
                    double aki = A[k * n + i];
                    int ci = i * m;
                    for (int j = 0; j < m; j++) {
                        C[ci + j] += aki * B[bk + j];
                    }
                }
            }
        } else {
            // both stored transposed: C = (B_stored · A_stored)ᵀ
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double s = 0.0;
                    for (int k = 0; k < kk; k++) {
                        s += A[k * n + i] * B[j * kk + k];
                    }
                    C[i * m + j] = s;
                }
            }
        }
        return wrap(n, m, C);
    }

    @Override
    public Matrix transpose(Matrix a) {
        int n = a.rows();
        int m = a.cols();
        double[] A = data(a);
        double[] out = HostMemory.doubles("transpose", m, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[j * n + i] = A[i * m + j];
            }
        }
        return wrap(m, n, out);
    }

    @Override
    public Matrix map(UnaryOp op, double p, Matrix a) {
        double[] A = data(a);
        double[] out = HostMemory.doubles(op.name().toLowerCase(Locale.ROOT), a.rows(), a.cols());
        switch (op) {
            case TANH -> {
                for (int i = 0; i < A.length; i++) {
                    out[i] = Math.tanh(A[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < A.length; i++) {
                    out[i] = 1.0 / (1.0 + Math.exp(-A[i]));
                }
            }
            case SQUARE -> {
                for (int i = 0; i < A.length; i++) {
                    out[i] = A[i] * A[i];
                }
            }
            default -> {
                for (int i = 0; i < A.length; i++) {
                    out[i] = op.apply(A[i], p);
                }
            }
        }
        return wrap(a.rows(), a.cols(), out);
    }

    @Override
    public Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out) {
        double[] A = data(a);
        double[] B = data(b);
        int n = out.rows();
        int m = out.cols();
        double[] C = HostMemory.doubles(op.symbol(), n, m);
        if (a.shape().equals(out) && b.shape().equals(out)) {
            switch (op) {
                case ADD -> {
                    for (int i = 0; i < C.length; i++) {
                        C[i] = A[i] + B[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < C.length; i++) {
                        C[i] = A[i] - B[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < C.length; i++) {
                        C[i] = A[i] * B[i];
                    }
                }
                default -> {
                    for (int i = 0; i < C.length; i++) {
                        C[i] = op.apply(A[i], B[i]);
                    }
                }
            }
            return wrap(n, m, C);
        }
        // broadcasting: a dimension of size 1 is read with stride 0
        int aRowStride = a.rows() == 1 ? 0 : a.cols();
        int aColStride = a.cols() == 1 ? 0 : 1;
        int bRowStride = b.rows() == 1 ? 0 : b.cols();
        int bColStride = b.cols() == 1 ? 0 : 1;
        for (int i = 0; i < n; i++) {
            int ai = i * aRowStride;
            int bi = i * bRowStride;
            int ci = i * m;
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < m; j++) {
                        C[ci + j] = A[ai + j * aColStride] + B[bi + j * bColStride];
                    }
                }
                case SUBTRACT -> {
                    for (int j = 0; j < m; j++) {
                        C[ci + j] = A[ai + j * aColStride] - B[bi + j * bColStride];
                    }
                }
                case MULTIPLY -> {
                    for (int j = 0; j < m; j++) {
                        C[ci + j] = A[ai + j * aColStride] * B[bi + j * bColStride];
                    }
                }
                default -> {
                    for (int j = 0; j < m; j++) {
                        C[ci + j] = op.apply(A[ai + j * aColStride], B[bi + j * bColStride]);
                    }
                }
            }
        }
        return wrap(n, m, C);
    }

    @Override
    public Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst) {
        double[] A = data(a);
        double[] out = HostMemory.doubles(op.symbol(), a.rows(), a.cols());
        if (op == BinaryOp.MULTIPLY) {
            for (int i = 0; i < A.length; i++) {
                out[i] = A[i] * s;
            }
        } else if (scalarFirst) {
            for (int i = 0; i < A.length; i++) {
                out[i] = op.apply(s, A[i]);
            }
        } else {
            for (int i = 0; i < A.length; i++) {
                out[i] = op.apply(A[i], s);
            }
        }
        return wrap(a.rows(), a.cols(), out);
    }

    /**
     * Sums follow numpy's order: along a row (axis 1, or everything) pairwise; down the columns (axis 0) one row
     * after another, as numpy's reduction over a non-contiguous axis does.
     */
    @Override
    public Matrix reduce(Reduction reduction, Matrix a, int axis) {
        double[] A = data(a);
        int n = a.rows();
        int m = a.cols();
        return switch (axis) {
            case -1 -> wrap(1, 1, new double[] {reduceRun(reduction, A, 0, A.length, 1)});
            case 1 -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = reduceRun(reduction, A, i * m, m, 1);
                }
                yield wrap(n, 1, out);
            }
            case 0 -> {
                double[] out = new double[m];
                if (reduction == Reduction.MAX) {
                    for (int j = 0; j < m; j++) {
                        out[j] = reduceRun(reduction, A, j, n, m);
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < m; j++) {
                            out[j] += A[i * m + j];
                        }
                    }
                }
                yield wrap(1, m, out);
            }
            default -> throw new IllegalArgumentException("reduce: axis " + axis);
        };
    }

    private static double reduceRun(Reduction reduction, double[] a, int offset, int n, int stride) {
        if (reduction == Reduction.SUM) {
            return PairwiseSum.sum(a, offset, n, stride);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = a[offset + i * stride];
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public Matrix sliceColumns(Matrix a, int from, int to) {
        int n = a.rows();
        int m = a.cols();
        int w = to - from;
        double[] A = data(a);
        double[] out = HostMemory.doubles("columns", n, w);
        for (int i = 0; i < n; i++) {
            System.arraycopy(A, i * m + from, out, i * w, w);
        }
        return wrap(n, w, out);
    }
}
