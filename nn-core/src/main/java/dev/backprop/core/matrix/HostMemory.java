package dev.backprop.core.matrix;

/**
 * Allocates the host arrays that hold a matrix's elements, so that running out of memory says which shape needed
 * how much. The JVM's own {@link OutOfMemoryError} says only "Java heap space".
 */
public final class HostMemory {

    private HostMemory() {
    }

    /**
     * {@code new double[rows * cols]} for operation {@code op}, zero-filled.
     *
     * @throws IllegalArgumentException when the shape is negative or too large for one array (see {@link Shape})
     * @throws OutOfMemoryError         whose message names the operation, the shape, the memory it needs and the
     *                                  JVM's limit ({@code -Xmx})
     */
    public static double[] doubles(String op, int rows, int cols) {
        Shape shape = Shape.of(op, rows, cols);
        try {
            return new double[shape.size()];
        } catch (OutOfMemoryError e) {
            throw outOfMemory(op, shape, e);
        }
    }

    /** A copy of {@code data}, the elements of a matrix of {@code shape}, with the same message on failure. */
    public static double[] copy(String op, Shape shape, double[] data) {
        try {
            return data.clone();
        } catch (OutOfMemoryError e) {
            throw outOfMemory(op, shape, e);
        }
    }

    /**
     * E.g. "zeros: Matrix (40000, 40000) of doubles needs 11.9 GiB; the JVM may use at most 4.0 GiB in all (raise
     * it with -Xmx, e.g. java -Xmx16g)".
     */
    static OutOfMemoryError outOfMemory(String op, Shape shape, OutOfMemoryError cause) {
        Runtime runtime = Runtime.getRuntime();
        long needed = shape.bytes();
        long suggestion = Math.max(1, (needed + runtime.totalMemory() - runtime.freeMemory()) / (1L << 30) + 2);
        OutOfMemoryError e = new OutOfMemoryError(op + ": Matrix " + shape + " of doubles needs "
                + Shape.gib(needed) + "; the JVM may use at most " + Shape.gib(runtime.maxMemory())
                + " in all (raise it with -Xmx, e.g. java -Xmx" + suggestion + "g)");
        e.initCause(cause);
        return e;
    }
}
