package dev.backprop.core.matrix;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense 2-D matrix of doubles that reads like the workshop's numpy: {@code W1.dot(X).plus(b1)} is
 * {@code np.dot(W1, X) + b1}, and {@code W1.dotPlus(X, b1)} the same in one step (the networks' Z = W·A + b).
 * Examples are columns: the data X has shape (n_x, m).
 *
 * <p>Layout: row-major, element (i, j) at {@code data[i*cols + j]}, as in a C-ordered numpy array. Where the
 * numbers live is up to the matrix's {@link Backend} (host memory for the CPU backend, a device buffer for
 * OpenCL); every operation runs on the backend of its operands, and operands must share one.
 *
 * <p>Broadcasting follows numpy for 2-D arrays: in {@code A.plus(B)} each dimension of B must equal A's or be 1,
 * so a column vector (n, 1) is added to every column and a row vector (1, m) to every row. A shape mismatch
 * throws {@link IllegalArgumentException} naming the operation and both shapes.
 *
 * <p>Matrices are immutable: every operation returns a new matrix. {@link #T()} is a view that costs nothing;
 * {@link #dot} reads it directly, and any other operation copies it into row-major order first.
 */
public final class Matrix {

    private final Shape shape;
    private final Backend backend;
    /** What {@link #wrap} was given; dropped once {@link #release} has freed it or handed it on. */
    private Object storage;
    private final boolean transposed;
    /** The matrix whose storage this one shares (a transposed view, or a matrix moved between the CPU backends). */
    private final Matrix owner;
    /**
     * The thread whose {@link MatrixScope} tracked this matrix when it was made, on a backend that
     * {@linkplain Backend#needsRelease needs release}; null otherwise, and once it is kept out of the outermost scope.
     */
    private Thread scopeThread;
    /** Released, and its storage freed or handed on: see {@link #release}. Volatile for a scope closed elsewhere. */
    private volatile boolean released;

    private Matrix(Shape shape, Backend backend, Object storage, boolean transposed, Matrix owner) {
        this.shape = shape;
        this.backend = backend;
        this.storage = storage;
        this.transposed = transposed;
        this.owner = owner;
    }

    /**
     * For backends: a matrix of the given shape whose elements are held in {@code storage}, a value only
     * {@code backend} understands (the CPU backend uses a row-major {@code double[]}).
     */
    public static Matrix wrap(Backend backend, int rows, int cols, Object storage) {
        Matrix m = new Matrix(new Shape(rows, cols), backend, storage, false, null);
        if (backend.needsRelease() && MatrixScope.track(m)) {
            m.scopeThread = Thread.currentThread();
        }
        return m;
    }

    // ---------------------------------------------------------------- factories (on the CPU)

    /** {@code np.array(rows)}: a copy of a rectangular {@code double[][]}. */
    public static Matrix of(double[][] rows) {
        int n = rows.length;
        int m = n == 0 || rows[0] == null ? 0 : rows[0].length;
        double[] data = HostMemory.doubles("of", n, m);
        for (int i = 0; i < n; i++) {
            if (rows[i] == null) {
                throw new IllegalArgumentException("of: row " + i + " is null");
            }
            if (rows[i].length != m) {
                throw new IllegalArgumentException(
                        "of: row " + i + " has " + rows[i].length + " elements, row 0 has " + m);
            }
            System.arraycopy(rows[i], 0, data, i * m, m);
        }
        return Backends.cpu().upload(n, m, data);
    }

    /** A (rows, cols) matrix holding a copy of {@code rowMajor}: element (i, j) is {@code rowMajor[i*cols + j]}. */
    public static Matrix of(int rows, int cols, double... rowMajor) {
        Shape shape = Shape.of("of", rows, cols);
        if (rowMajor.length != shape.size()) {
            throw new IllegalArgumentException("of: cannot reshape array of size " + rowMajor.length
                    + " into shape " + shape.compact());
        }
        return Backends.cpu().upload(rows, cols, rowMajor);
    }

    /** A row vector (1, n): {@code np.array([[v0, v1, ...]])}. */
    public static Matrix row(double... values) {
        return of(1, values.length, values);
    }

    /** A column vector (n, 1). */
    public static Matrix column(double... values) {
        return of(values.length, 1, values);
    }

    /** {@code np.zeros((rows, cols))} */
    public static Matrix zeros(int rows, int cols) {
        return full("zeros", rows, cols, 0.0);
    }

    /** {@code np.ones((rows, cols))} */
    public static Matrix ones(int rows, int cols) {
        return full("ones", rows, cols, 1.0);
    }

    /** {@code np.full((rows, cols), value)} */
    public static Matrix full(int rows, int cols, double value) {
        return full("full", rows, cols, value);
    }

    private static Matrix full(String op, int rows, int cols, double value) {
        return CpuBackend.INSTANCE.full(op, rows, cols, value);
    }

    /**
     * {@code np.linspace(start, stop, num)} as a row vector (1, num), computed as numpy does.
     *
     * @throws IllegalArgumentException if {@code num} is negative, as numpy raises {@code ValueError}
     */
    public static Matrix linspace(double start, double stop, int num) {
        if (num < 0) {
            throw new IllegalArgumentException("linspace: number of samples, " + num + ", must be non-negative");
        }
        double[] v = HostMemory.doubles("linspace", 1, num);
        int div = num - 1;
        double step = div > 0 ? (stop - start) / div : Double.NaN;
        for (int i = 0; i < num; i++) {
            // numpy: y = arange(0, num) * step + start, and the last element set to stop exactly
            v[i] = div > 0 ? i * step + start : start;
        }
        if (num > 1) {
            v[num - 1] = stop;
        }
        return row(v);
    }

    // ---------------------------------------------------------------- shape and elements

    public Shape shape() {
        return shape;
    }

    public int rows() {
        return shape.rows();
    }

    public int cols() {
        return shape.cols();
    }

    /** rows · cols */
    public int size() {
        return shape.size();
    }

    public Backend backend() {
        return backend;
    }

    /**
     * For backends: what {@link #wrap} was given. For a {@link #T() transposed view}, the untransposed storage.
     *
     * @throws IllegalStateException when this matrix, or the one whose storage it shares, was {@linkplain #release
     *                               released}: its storage may belong to another matrix by now
     */
    public Object storage() {
        if (own().released) {
            throw new IllegalStateException("a " + own().shape.compact() + " matrix used after it was released (its "
                    + "MatrixScope closed, or release() was called): keep it with scope.keep(...) to use it later");
        }
        return storage;
    }

    /**
     * For backends: whether a {@link MatrixScope} of the calling thread tracked this matrix when it was made (it is not
     * a view, and was not kept out of the outermost scope). Only such a matrix is a training loop's own, so only its
     * storage may be handed on for reuse when it is released; a scope closed on another thread hands on nothing.
     */
    public boolean madeInScope() {
        return scopeThread == Thread.currentThread();
    }

    /** Whether this is a transposed view of another matrix's storage (see {@link #T()}). */
    public boolean isTransposed() {
        return transposed;
    }

    /** Element (i, j). On a device this copies the matrix to the host: use it for printing, not in loops. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows() || j < 0 || j >= cols()) {
            throw new IndexOutOfBoundsException("get: index (" + i + "," + j + ") is out of bounds for shape " + shape.compact());
        }
        if (backend.storesHostArrays()) {
            // a transposed view's storage is the (cols, rows) original
            return ((double[]) storage())[transposed ? j * rows() + i : i * cols() + j];
        }
        return toArray()[i * cols() + j];
    }

    /** The single element of a (1, 1) matrix, like numpy's {@code .item()} or {@code np.squeeze}. */
    public double item() {
        if (size() != 1) {
            throw new IllegalArgumentException("item: can only convert a matrix of size 1, shape is " + shape.compact());
        }
        return toArray()[0];
    }

    /** A row-major copy of the elements, on the host. */
    public double[] toArray() {
        return backend.download(contiguous());
    }

    /** A copy as {@code double[rows][cols]}, on the host. */
    public double[][] toArray2D() {
        double[] flat = toArray();
        double[][] out = new double[rows()][];
        for (int i = 0; i < rows(); i++) {
            out[i] = Arrays.copyOfRange(flat, i * cols(), (i + 1) * cols());
        }
        return out;
    }

    /**
     * This matrix on another backend (a copy), or itself when it is already there: like {@code tensor.to(device)}.
     * Between the two CPU backends the numbers are not copied: the same array, seen by the other backend.
     */
    public Matrix to(Backend target) {
        if (target == backend) {
            return this;
        }
        if (backend.storesHostArrays() && target.storesHostArrays()) {
            // a view on the target backend: the array stays this matrix's, and no scope there may hand it on
            Matrix moved = new Matrix(new Shape(transposed ? cols() : rows(), transposed ? rows() : cols()), target,
                    storage(), false, own());
            return transposed ? moved.T() : moved;
        }
        return target.upload(rows(), cols(), toArray());
    }

    /**
     * Frees device memory now, or on the fast CPU backend hands a training loop's temporary array on for reuse (see
     * {@link MatrixScope}); if it did, using the matrix, or a view of it, afterwards throws. A view owns nothing to
     * release, and a second call does nothing.
     */
    public void release() {
        if (owner == null && !released && backend.release(this)) {
            released = true;
            storage = null;
        }
    }

    /** Kept out of the outermost scope: the caller's now (see {@link MatrixScope#keep}). */
    void leaveScopes() {
        scopeThread = null;
    }

    /** The matrix that owns this one's storage: itself, or the one a view or a moved matrix shares. */
    Matrix own() {
        return owner == null ? this : owner;
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product, {@code np.dot(this, other)}: (n, k)·(k, m) → (n, m),
     * {@code C[i][j] = Σ_k A[i][k]·B[k][j]}.
     */
    public Matrix dot(Matrix other) {
        sameBackend("dot", other);
        if (cols() != other.rows()) {
            throw new IllegalArgumentException("dot: shapes " + shape.compact() + " and " + other.shape.compact()
                    + " not aligned: " + cols() + " (dim 1) != " + other.rows() + " (dim 0)");
        }
        Shape.of("dot", rows(), other.cols());
        return backend.matmul(this, other);
    }

    /**
     * {@code np.dot(W, A) + b}: the linear unit Z = W·A + b, with b broadcast as {@link #plus(Matrix)} does. The same
     * numbers as {@code W.dot(A).plus(b)}, in one step where the backend can ({@link Backend#matmulAdd}): no
     * separate matrix for W·A.
     */
    public Matrix dotPlus(Matrix other, Matrix bias) {
        sameBackend("dot", other);
        sameBackend("+", bias);
        if (cols() != other.rows()) {
            throw new IllegalArgumentException("dot: shapes " + shape.compact() + " and " + other.shape.compact()
                    + " not aligned: " + cols() + " (dim 1) != " + other.rows() + " (dim 0)");
        }
        Shape product = Shape.of("dot", rows(), other.cols());
        if (!broadcast(BinaryOp.ADD, product, bias.shape).equals(product)) {
            // b larger than W·A: numpy's broadcast, done as two steps
            return dot(other).plus(bias);
        }
        return backend.matmulAdd(this, other, bias.contiguous());
    }

    /** The transpose, {@code A.T}: a view sharing this matrix's storage. */
    public Matrix T() {
        return new Matrix(new Shape(cols(), rows()), backend, storage, !transposed, own());
    }

    /** This matrix in row-major order: itself, or for a transposed view, a copy. */
    public Matrix contiguous() {
        if (!transposed) {
            return this;
        }
        if (rows() == 1 || cols() == 1) {
            // a transposed vector has the same layout as the vector
            return new Matrix(shape, backend, storage, false, own());
        }
        return backend.transpose(T());
    }

    // ---------------------------------------------------------------- elementwise with broadcasting

    /** {@code this + other}, broadcast. */
    public Matrix plus(Matrix other) {
        return zip(BinaryOp.ADD, other);
    }

    /** {@code this - other}, broadcast. */
    public Matrix minus(Matrix other) {
        return zip(BinaryOp.SUBTRACT, other);
    }

    /** {@code np.multiply(this, other)}: the elementwise (Hadamard) product, broadcast. */
    public Matrix times(Matrix other) {
        return zip(BinaryOp.MULTIPLY, other);
    }

    /**
     * {@code this / other}, elementwise, broadcast.
     *
     * @throws IllegalArgumentException where 0/0 or ∞/∞ would make a NaN out of numbers that were not NaN
     */
    public Matrix div(Matrix other) {
        return zip(BinaryOp.DIVIDE, other);
    }

    /** {@code np.maximum(this, other)}, broadcast. */
    public Matrix maximum(Matrix other) {
        return zip(BinaryOp.MAXIMUM, other);
    }

    /** {@code np.minimum(this, other)}, broadcast. */
    public Matrix minimum(Matrix other) {
        return zip(BinaryOp.MINIMUM, other);
    }

    /** {@code (this > other)} as 0/1. */
    public Matrix gt(Matrix other) {
        return zip(BinaryOp.GREATER, other);
    }

    /** {@code (this >= other)} as 0/1. */
    public Matrix ge(Matrix other) {
        return zip(BinaryOp.GREATER_EQUAL, other);
    }

    /** {@code (this < other)} as 0/1. */
    public Matrix lt(Matrix other) {
        return zip(BinaryOp.LESS, other);
    }

    /** {@code (this <= other)} as 0/1. */
    public Matrix le(Matrix other) {
        return zip(BinaryOp.LESS_EQUAL, other);
    }

    /** {@code (this == other)} as 0/1. */
    public Matrix eq(Matrix other) {
        return zip(BinaryOp.EQUAL, other);
    }

    /** {@code op(this, other)} elementwise, broadcast as numpy does for 2-D arrays. */
    public Matrix zip(BinaryOp op, Matrix other) {
        Matrix result = zipUnchecked(op, other);
        return op == BinaryOp.DIVIDE ? InvalidValues.divide(result, this, other) : result;
    }

    /** {@link #zip} without the scan of a division for 0/0 ({@link Unchecked#div}). */
    Matrix zipUnchecked(BinaryOp op, Matrix other) {
        sameBackend(op.symbol(), other);
        Shape out = broadcast(op, shape, other.shape);
        return backend.zip(op, contiguous(), other.contiguous(), out);
    }

    private static Shape broadcast(BinaryOp op, Shape a, Shape b) {
        int rows = broadcastDim(a.rows(), b.rows());
        int cols = broadcastDim(a.cols(), b.cols());
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op.symbol() + ": operands could not be broadcast together with shapes "
                    + a.compact() + " " + b.compact());
        }
        return new Shape(rows, cols);
    }

    private static int broadcastDim(int x, int y) {
        if (x == y || y == 1) {
            return x;
        }
        return x == 1 ? y : -1;
    }

    /**
     * {@code theta - alpha * g}: a gradient-descent step θ − α·dθ, the same numbers as
     * {@code minus(g.times(alpha))}, in one step where the backend can ({@link Backend#subtractScaled}): no
     * separate matrix for α·dθ.
     */
    public Matrix minusTimes(Matrix g, double alpha) {
        sameBackend("-", g);
        if (!shape.equals(g.shape)) {
            return minus(g.times(alpha));   // broadcasting, or the shape error, as minus gives it
        }
        return backend.subtractScaled(contiguous(), g.contiguous(), alpha);
    }

    // ---------------------------------------------------------------- elementwise with a scalar

    /** {@code this + s} */
    public Matrix plus(double s) {
        return backend.zipScalar(BinaryOp.ADD, contiguous(), s, false);
    }

    /** {@code this - s} */
    public Matrix minus(double s) {
        return backend.zipScalar(BinaryOp.SUBTRACT, contiguous(), s, false);
    }

    /** {@code s - this}, e.g. {@code 1 - Y} is {@code Y.rminus(1)} */
    public Matrix rminus(double s) {
        return backend.zipScalar(BinaryOp.SUBTRACT, contiguous(), s, true);
    }

    /** {@code this * s} */
    public Matrix times(double s) {
        return backend.zipScalar(BinaryOp.MULTIPLY, contiguous(), s, false);
    }

    /** {@code this / s} */
    public Matrix div(double s) {
        Matrix result = backend.zipScalar(BinaryOp.DIVIDE, contiguous(), s, false);
        // x / s is NaN for a finite x only when s is 0 or not finite
        return s != 0 && Double.isFinite(s) ? result : InvalidValues.divide(result, this, s, false);
    }

    /** {@code s / this} */
    public Matrix rdiv(double s) {
        Matrix result = backend.zipScalar(BinaryOp.DIVIDE, contiguous(), s, true);
        return s != 0 && Double.isFinite(s) ? result : InvalidValues.divide(result, this, s, true);
    }

    /** {@code np.maximum(this, s)} */
    public Matrix maximum(double s) {
        return backend.zipScalar(BinaryOp.MAXIMUM, contiguous(), s, false);
    }

    /** {@code np.minimum(this, s)} */
    public Matrix minimum(double s) {
        return backend.zipScalar(BinaryOp.MINIMUM, contiguous(), s, false);
    }

    /** {@code np.clip(this, lo, hi)} */
    public Matrix clip(double lo, double hi) {
        return maximum(lo).minimum(hi);
    }

    /** {@code (this > s)} as 0/1, e.g. the workshop's {@code predictions = A2 > 0.5} */
    public Matrix gt(double s) {
        return backend.zipScalar(BinaryOp.GREATER, contiguous(), s, false);
    }

    /** {@code (this >= s)} as 0/1 */
    public Matrix ge(double s) {
        return backend.zipScalar(BinaryOp.GREATER_EQUAL, contiguous(), s, false);
    }

    /** {@code (this < s)} as 0/1 */
    public Matrix lt(double s) {
        return backend.zipScalar(BinaryOp.LESS, contiguous(), s, false);
    }

    /** {@code (this <= s)} as 0/1 */
    public Matrix le(double s) {
        return backend.zipScalar(BinaryOp.LESS_EQUAL, contiguous(), s, false);
    }

    /** {@code (this == s)} as 0/1 */
    public Matrix eq(double s) {
        return backend.zipScalar(BinaryOp.EQUAL, contiguous(), s, false);
    }

    // ---------------------------------------------------------------- elementwise functions

    /** {@code np.tanh} */
    public Matrix tanh() {
        return map(UnaryOp.TANH, 0);
    }

    /** {@code np.exp} */
    public Matrix exp() {
        return map(UnaryOp.EXP, 0);
    }

    /**
     * {@code np.log}, the natural logarithm; log 0 = −∞.
     *
     * @throws IllegalArgumentException naming the first negative element, whose log would be NaN
     */
    public Matrix log() {
        return map(UnaryOp.LOG, 0);
    }

    /**
     * {@code np.sqrt}
     *
     * @throws IllegalArgumentException naming the first negative element, whose square root would be NaN
     */
    public Matrix sqrt() {
        return map(UnaryOp.SQRT, 0);
    }

    /** {@code np.square} */
    public Matrix square() {
        return map(UnaryOp.SQUARE, 0);
    }

    /**
     * {@code np.power(this, p)}
     *
     * @throws IllegalArgumentException for a fractional p, naming the first negative element (its power is NaN)
     */
    public Matrix power(double p) {
        return map(UnaryOp.POWER, p);
    }

    /** {@code np.abs} */
    public Matrix abs() {
        return map(UnaryOp.ABS, 0);
    }

    /** {@code -this} */
    public Matrix negate() {
        return map(UnaryOp.NEGATE, 0);
    }

    /** {@code np.sign} */
    public Matrix sign() {
        return map(UnaryOp.SIGN, 0);
    }

    /** f(this) elementwise, computed by the backend. */
    public Matrix map(UnaryOp op, double p) {
        Matrix result = backend.map(op, p, contiguous());
        // the functions whose domain is not every finite number; a power with a whole exponent is defined everywhere
        return switch (op) {
            case LOG -> InvalidValues.outsideDomain("log", "x ≥ 0", result, this);
            case SQRT -> InvalidValues.outsideDomain("sqrt", "x ≥ 0", result, this);
            case POWER -> p == Math.rint(p) ? result
                    : InvalidValues.outsideDomain("power", "x ≥ 0 for the exponent " + p, result, this);
            default -> result;
        };
    }

    /**
     * Any function elementwise, like {@code np.vectorize(f)(this)}. It runs in Java on the host: a matrix on a
     * device is copied there and back, so training code uses the {@link UnaryOp} functions instead.
     */
    public Matrix map(DoubleUnaryOperator f) {
        double[] data = toArray();
        for (int i = 0; i < data.length; i++) {
            data[i] = f.applyAsDouble(data[i]);
        }
        return backend.upload(rows(), cols(), data);
    }

    // ---------------------------------------------------------------- reductions

    /** {@code np.sum(this)}: the sum of every element, in numpy's pairwise order. */
    public double sum() {
        return reduce(Reduction.SUM, -1).item();
    }

    /**
     * {@code np.sum(this, axis=axis, keepdims=True)}: axis 1 sums each row into a column vector (rows, 1), the
     * workshop's {@code db = (1/m) np.sum(dZ, axis=1, keepdims=True)}; axis 0 sums each column into (1, cols).
     */
    public Matrix sum(int axis) {
        return reduce(Reduction.SUM, checkAxis("sum", axis));
    }

    /** {@code np.mean(this)} */
    public double mean() {
        if (size() == 0) {
            throw new IllegalArgumentException("mean: " + shape.compact() + " has no elements to average (numpy"
                    + " warns: Mean of empty slice, and gives NaN)");
        }
        return sum() / size();
    }

    /** {@code np.mean(this, axis=axis, keepdims=True)} */
    public Matrix mean(int axis) {
        int n = checkAxis("mean", axis) == 0 ? rows() : cols();
        if (n == 0 && (axis == 0 ? cols() : rows()) > 0) {
            throw new IllegalArgumentException("mean: axis " + axis + " of " + shape.compact() + " is empty (numpy"
                    + " warns: Mean of empty slice, and gives NaN)");
        }
        return sum(axis).div(n);
    }

    /** {@code np.max(this)} */
    public double max() {
        return reduce(Reduction.MAX, -1).item();
    }

    /** {@code np.max(this, axis=axis, keepdims=True)} */
    public Matrix max(int axis) {
        return reduce(Reduction.MAX, checkAxis("max", axis));
    }

    /** numpy refuses a maximum over nothing: along axis 0 of (0, n), axis 1 of (n, 0), or all of an empty matrix. */
    private Matrix reduce(Reduction reduction, int axis) {
        int reduced = axis == 0 ? rows() : axis == 1 ? cols() : size();
        if (reduction == Reduction.MAX && reduced == 0) {
            throw new IllegalArgumentException("max: zero-size matrix " + shape.compact()
                    + (axis < 0 ? "" : " along axis " + axis) + " has no maximum (numpy: zero-size array to "
                    + "reduction operation maximum which has no identity)");
        }
        return backend.reduce(reduction, contiguous(), axis);
    }

    private int checkAxis(String op, int axis) {
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of bounds for a 2-D matrix "
                    + shape.compact());
        }
        return axis;
    }

    // ---------------------------------------------------------------- slicing

    /** {@code this[:, from:to]}: the columns (examples) {@code from} inclusive to {@code to} exclusive. */
    public Matrix columns(int from, int to) {
        if (from < 0 || to > cols() || from > to) {
            throw new IndexOutOfBoundsException("columns: [" + from + ":" + to + "] is out of bounds for shape "
                    + shape.compact());
        }
        return backend.sliceColumns(contiguous(), from, to);
    }

    /**
     * {@code this[:, indices]}: the columns at {@code indices}, in that order, on this matrix's backend (gathered on
     * the host). With a permutation it shuffles the examples, as the DLS {@code random_mini_batches} does.
     */
    public Matrix columns(int[] indices) {
        int n = rows();
        int m = cols();
        double[] a = toArray();
        double[] out = HostMemory.doubles("columns", n, indices.length);
        for (int j = 0; j < indices.length; j++) {
            int c = indices[j];
            if (c < 0 || c >= m) {
                throw new IndexOutOfBoundsException("columns: index " + c + " (position " + j
                        + ") is out of bounds for shape " + shape.compact());
            }
            for (int i = 0; i < n; i++) {
                out[i * indices.length + j] = a[i * m + c];
            }
        }
        return backend.upload(n, indices.length, out);
    }

    // ---------------------------------------------------------------- comparison and printing

    /** Whether every element is finite (no NaN, no ±∞). */
    public boolean isFinite() {
        return firstNonFinite() < 0;
    }

    /**
     * This matrix, when every element is finite.
     *
     * @param operation the function that asks, as the message's first word
     * @param name      what this matrix is to the caller: {@code X}, {@code the output}
     * @param why       what the bad value means there, appended after a semicolon ("" for nothing)
     * @throws IllegalArgumentException at the first NaN or ±∞: {@code operation: name has NaN at column j (row i) of
     *                                  (n,m); why}
     */
    public Matrix requireFinite(String operation, String name, String why) {
        int k = firstNonFinite();
        if (k >= 0) {
            int i = k / cols();
            int j = k % cols();
            throw new IllegalArgumentException(operation + ": " + name + " has " + get(i, j) + " at column " + j
                    + " (row " + i + ") of " + shape.compact() + (why.isEmpty() ? "" : "; " + why));
        }
        return this;
    }

    /**
     * The row-major index of the first NaN or ±∞, or −1 when there is none. On a CPU backend the elements are read in
     * place, so checking a 376 MB training set costs no second copy of it; on a device a sum decides first.
     */
    public int firstNonFinite() {
        if (!backend.storesHostArrays() && Double.isFinite(deviceSum())) {
            return -1;
        }
        double[] a = backend.storesHostArrays() && !transposed ? (double[]) storage() : toArray();
        for (int k = 0; k < a.length; k++) {
            if (!Double.isFinite(a[k])) {
                return k;
            }
        }
        return -1;
    }

    /** The sum of every element, computed on the device; NaN when one is NaN, ±∞ or NaN when one is ±∞. */
    private double deviceSum() {
        Matrix total = reduce(Reduction.SUM, -1);
        double sum = total.item();
        total.release();
        return sum;
    }

    /**
     * The row-major index of the first NaN, or −1 when there is none. On a device a sum decides first, so a matrix
     * without NaN is never copied to the host for it.
     */
    public int firstNaN() {
        if (!backend.storesHostArrays() && !Double.isNaN(deviceSum())) {
            return -1;
        }
        double[] a = backend.storesHostArrays() && !transposed ? (double[]) storage() : toArray();
        for (int k = 0; k < a.length; k++) {
            if (Double.isNaN(a[k])) {
                return k;
            }
        }
        return -1;
    }

    /** Same shape and every element equal (NaN equals NaN here), on whatever backend. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix other && shape.equals(other.shape) && Arrays.equals(toArray(), other.toArray());
    }

    @Override
    public int hashCode() {
        return 31 * shape.hashCode() + Arrays.hashCode(toArray());
    }

    /** As numpy's {@code str(array)} prints it (precision 8, line width 75), so outputs can be diffed. */
    @Override
    public String toString() {
        return NumpyFormat.format(toArray(), rows(), cols());
    }

    private void sameBackend(String op, Matrix other) {
        if (other.backend != backend) {
            throw new IllegalArgumentException(op + ": operands live on different backends: " + backend.name()
                    + " " + shape.compact() + " and " + other.backend.name() + " " + other.shape.compact()
                    + " (move one with .to(backend))");
        }
    }
}
