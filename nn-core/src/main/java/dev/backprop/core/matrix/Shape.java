package dev.backprop.core.matrix;

import java.util.Locale;

/**
 * The shape of a 2-D matrix: {@code (rows, cols)}, like a numpy {@code .shape} tuple.
 *
 * <p>Departure from numpy: the elements of a matrix live in one Java array (or one device buffer indexed by
 * {@code int}), so rows · cols may be at most {@link #MAX_ELEMENTS}. A larger shape, or a negative dimension, is
 * refused here, with the operation that asked for it, before anything is allocated.
 */
public record Shape(int rows, int cols) {

    /** The most elements one matrix may hold: the largest Java array the JVM allocates (2³¹ − 9). */
    public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    public Shape {
        check("shape", rows, cols);
    }

    /**
     * The shape (rows, cols) for operation {@code op}.
     *
     * @throws IllegalArgumentException naming {@code op} and the shape when a dimension is negative or rows · cols
     *                                  exceeds {@link #MAX_ELEMENTS}
     */
    public static Shape of(String op, int rows, int cols) {
        check(op, rows, cols);
        return new Shape(rows, cols);
    }

    private static void check(String op, int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException(op + ": negative dimensions are not allowed: (" + rows + "," + cols
                    + ")");
        }
        long elements = (long) rows * cols;
        if (elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException(op + ": shape (" + rows + "," + cols + ") has " + elements
                    + " elements (" + gib(elements * Double.BYTES) + " of doubles), more than one matrix can hold ("
                    + MAX_ELEMENTS + ", the largest Java array)");
        }
    }

    // equals and hashCode written out: a record's generated ones bootstrap through invokedynamic on their first call,
    // 38–48 ms of a fresh JVM, and the planar nn_model's first iteration compares shapes

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && rows == other.rows && cols == other.cols;
    }

    @Override
    public int hashCode() {
        return 31 * rows + cols;
    }

    /** rows · cols */
    public int size() {
        return rows * cols;
    }

    /** How many bytes the elements take as doubles. */
    public long bytes() {
        return (long) size() * Double.BYTES;
    }

    /** Compact form used in error messages, as numpy writes them: {@code (4,2)}. */
    public String compact() {
        return "(" + rows + "," + cols + ")";
    }

    /** As numpy prints a shape tuple: {@code (4, 2)}. */
    @Override
    public String toString() {
        return "(" + rows + ", " + cols + ")";
    }

    /** A byte count for messages: {@code 18.6 GiB}, {@code 3.0 MiB}. */
    static String gib(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
