package dev.backprop.core.matrix;

/** The shape of a 2-D matrix: {@code (rows, cols)}, like a numpy {@code .shape} tuple. */
public record Shape(int rows, int cols) {

    public Shape {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed: (" + rows + "," + cols + ")");
        }
    }

    /** rows · cols */
    public int size() {
        return rows * cols;
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
}
