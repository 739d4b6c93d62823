package dev.backprop.core.matrix;

/**
 * Elementwise functions of two operands, broadcast like numpy (see {@link Matrix}).
 * Comparisons give 1.0 for true and 0.0 for false. {@link #apply} is the reference every backend must equal.
 */
public enum BinaryOp {
    ADD("+"),
    SUBTRACT("-"),
    MULTIPLY("*"),
    DIVIDE("/"),
    /**
     * {@code np.power(x, y)}, which is C's {@code pow}: unlike Java's {@link Math#pow}, 1ʸ = 1 for every y (NaN
     * included) and (−1)^±∞ = 1
     */
    POWER("**"),
    /** {@code np.maximum(x, y)} */
    MAXIMUM("maximum"),
    /** {@code np.minimum(x, y)} */
    MINIMUM("minimum"),
    GREATER(">"),
    GREATER_EQUAL(">="),
    LESS("<"),
    LESS_EQUAL("<="),
    EQUAL("==");

    private final String symbol;

    BinaryOp(String symbol) {
        this.symbol = symbol;
    }

    /** The numpy spelling, used in error messages. */
    public String symbol() {
        return symbol;
    }

    /** The reference definition for one pair of elements. */
    public double apply(double x, double y) {
        return switch (this) {
            case ADD -> x + y;
            case SUBTRACT -> x - y;
            case MULTIPLY -> x * y;
            case DIVIDE -> x / y;
            case POWER -> y == 2.0 ? x * x : pow(x, y);
            case MAXIMUM -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.max(x, y);
            case MINIMUM -> Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : Math.min(x, y);
            case GREATER -> x > y ? 1.0 : 0.0;
            case GREATER_EQUAL -> x >= y ? 1.0 : 0.0;
            case LESS -> x < y ? 1.0 : 0.0;
            case LESS_EQUAL -> x <= y ? 1.0 : 0.0;
            case EQUAL -> x == y ? 1.0 : 0.0;
        };
    }

    /** C99's pow (Annex F), which numpy uses; Java's Math.pow gives NaN for 1^NaN, 1^±∞ and (−1)^±∞. */
    private static double pow(double x, double y) {
        if (x == 1.0 || (x == -1.0 && Double.isInfinite(y))) {
            return 1.0;
        }
        return Math.pow(x, y);
    }
}
