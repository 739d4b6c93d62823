package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.util.Arrays;

/**
 * An array read from (or for) a numpy {@code .npy} file: its shape and its elements as doubles in C (row-major)
 * order, whatever the file's dtype and order were. {@code dtype} is the file's dtype string, {@code '<f8'} say.
 */
public record NpyArray(String dtype, int[] shape, double[] data) {

    public NpyArray {
        long size = 1;
        for (int s : shape) {
            size *= s;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("NpyArray: shape " + shapeText(shape) + " holds " + size
                    + " elements, given " + data.length);
        }
    }

    /** A matrix as a 2-D {@code '<f8'} array of its shape (b1 stays (n_h, 1), as in the workshop). */
    public static NpyArray of(Matrix matrix) {
        return new NpyArray("<f8", new int[] {matrix.rows(), matrix.cols()}, matrix.toArray());
    }

    /**
     * This array as a matrix: 2-D as it is, 1-D (n,) as a row (1, n) (one value per example), 0-D as (1, 1).
     *
     * @throws IllegalArgumentException for 3 or more dimensions (use {@link #rowsOf()} for images)
     */
    public Matrix toMatrix() {
        return switch (shape.length) {
            case 0 -> Matrix.of(1, 1, data);
            case 1 -> Matrix.of(1, shape[0], data);
            case 2 -> Matrix.of(shape[0], shape[1], data);
            default -> throw new IllegalArgumentException("toMatrix: a " + shape.length + "-D array of shape "
                    + shapeText(shape) + " is not a matrix");
        };
    }

    /**
     * Keras's layout turned into the workshop's: the first axis indexes examples (shape (m, …), like Keras's
     * {@code x_train} (60000, 28, 28)), so each example, flattened, becomes a column of X (n_x, m).
     */
    public Matrix rowsOf() {
        if (shape.length == 0) {
            return Matrix.of(1, 1, data);
        }
        int m = shape[0];
        int n = m == 0 ? 0 : data.length / m;
        return Matrix.of(m, n, data).T().contiguous();
    }

    /** numpy's way of printing a shape: {@code (2, 3)}, {@code (3,)}, {@code ()}. */
    public static String shapeText(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return "(" + String.join(", ", Arrays.stream(shape).mapToObj(Integer::toString).toList()) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && dtype.equals(a.dtype) && Arrays.equals(shape, a.shape)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype + " " + shapeText(shape) + "]";
    }
}
