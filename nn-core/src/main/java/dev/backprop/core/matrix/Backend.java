package dev.backprop.core.matrix;

/**
 * Where a {@link Matrix}'s numbers live and where its math runs: the one seam between the network code and the
 * hardware, like a PyTorch device. {@link CpuBackend} is the reference; another backend (OpenCL, in module
 * {@code opencl-kernels}) is found at run time by {@link Backends}.
 *
 * <p>A backend receives matrices whose storage it created. Shapes are already checked by {@link Matrix}, and
 * every operand is contiguous (row-major) except for {@link #matmul}, which reads {@link Matrix#isTransposed()} so
 * that {@code A.dot(B.T())} needs no copy of {@code B}. Each method returns a new matrix and modifies nothing.
 */
public interface Backend {

    /**
     * A short name for command lines, one that {@link Backends#byName} finds again: {@code cpu-reference},
     * {@code cpu-fast}, {@code opencl}. ({@code cpu} is not a backend's own name: it picks the fastest CPU backend.)
     */
    String name();

    /** What the backend runs on, for a person: device, type, precision. */
    String description();

    /** A matrix holding a copy of {@code rowMajor}: element (i, j) is {@code rowMajor[i*cols + j]}. */
    Matrix upload(int rows, int cols, double[] rowMajor);

    /** The elements of a contiguous matrix, row-major, copied to the host. */
    double[] download(Matrix a);

    /** A matrix of the given shape with every element {@code value}. */
    Matrix full(int rows, int cols, double value);

    /** C = op(A)·op(B) where op is the transpose when the operand {@link Matrix#isTransposed() is a view}. */
    Matrix matmul(Matrix a, Matrix b);

    /**
     * C = op(A)·op(B) + bias, the bias broadcast to C's shape (as {@link #zip} broadcasts): a layer's
     * Z = W·A + b. By default the product, then the sum (a device's {@link MatrixScope} frees the product); a
     * backend can add the bias as it writes the product.
     */
    default Matrix matmulAdd(Matrix a, Matrix b, Matrix bias) {
        Matrix product = matmul(a, b);
        return zip(BinaryOp.ADD, product, bias, product.shape());
    }

    /**
     * A − B·s elementwise, A and B of one shape: a gradient-descent step θ − α·dθ. By default B·s, then the
     * difference; a backend can do both in one pass.
     */
    default Matrix subtractScaled(Matrix a, Matrix b, double s) {
        return zip(BinaryOp.SUBTRACT, a, zipScalar(BinaryOp.MULTIPLY, b, s, false), a.shape());
    }

    /** Aᵀ materialised (a copy in row-major order). */
    Matrix transpose(Matrix a);

    /** f(A) elementwise with parameter {@code p}. */
    Matrix map(UnaryOp op, double p, Matrix a);

    /** A ∘ B elementwise, broadcast to {@code out} (each operand dimension equals out's or is 1). */
    Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out);

    /** A ∘ s (scalarFirst false) or s ∘ A (scalarFirst true), elementwise. */
    Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst);

    /**
     * Reduce along {@code axis} keeping the dimension, like {@code np.sum(a, axis, keepdims=True)}:
     * axis 0 gives (1, cols), axis 1 gives (rows, 1), and axis −1 reduces everything to (1, 1).
     */
    Matrix reduce(Reduction reduction, Matrix a, int axis);

    /** The columns {@code from} (inclusive) to {@code to} (exclusive): {@code a[:, from:to]}. */
    Matrix sliceColumns(Matrix a, int from, int to);

    /**
     * Whether a matrix's storage is a row-major {@code double[]} in this JVM's memory, as for both CPU backends:
     * {@link Matrix#to} then hands a matrix between two such backends without a copy (matrices are immutable).
     */
    default boolean storesHostArrays() {
        return false;
    }

    /**
     * Frees what the matrix holds on the device, or hands its storage on for reuse; returns whether it did, after which
     * {@link Matrix#storage} refuses the matrix. The reference CPU backend leaves everything to the garbage collector.
     */
    default boolean release(Matrix a) {
        return false;
    }

    /**
     * Whether new matrices join the open {@link MatrixScope}, to be released when it closes: a device's, whose memory
     * the garbage collector cannot free in time, and the fast CPU backend's, which reuses a loop's temporary arrays.
     */
    default boolean needsRelease() {
        return false;
    }
}
