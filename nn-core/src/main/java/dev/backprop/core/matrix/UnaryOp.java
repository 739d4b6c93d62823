package dev.backprop.core.matrix;

/**
 * Elementwise functions every {@link Backend} implements, so that they can run where the data lives.
 * Some take a parameter {@code p} (the exponent of {@link #POWER}, the slope α of {@link #LEAKY_RELU}, ...);
 * the others ignore it. {@link #apply} is the reference every backend must equal.
 */
public enum UnaryOp {
    /** −x */
    NEGATE,
    /** |x| */
    ABS,
    /** x², like {@code np.square} */
    SQUARE,
    /** √x */
    SQRT,
    /** eˣ */
    EXP,
    /** ln x */
    LOG,
    /** tanh x */
    TANH,
    /** σ(x) = 1 / (1 + e⁻ˣ), as the workshop's {@code sigmoid} writes it */
    SIGMOID,
    /** max(0, x), like {@code np.maximum(0, x)}: NaN stays NaN, so NaN weights do not vanish behind a ReLU */
    RELU,
    /**
     * 1 if x &gt; 0 else 0: the derivative of ReLU (0 at the kink, as the workshop's notebooks take it), and NaN for
     * NaN, like {@code np.heaviside(x, 0)}
     */
    STEP,
    /** max(p·x, x) for 0 ≤ p &lt; 1 (leaky ReLU, the seeds use p = 0.1); p·x where x ≤ 0 */
    LEAKY_RELU,
    /** x if x &gt; 0 else p·(eˣ − 1) (ELU with α = p) */
    ELU,
    /** xᵖ, like {@code np.power(x, p)}: C's {@code pow} (see {@link BinaryOp#POWER}), and √x for p = 0.5 as numpy */
    POWER,
    /** sign(x): −1, 0 or 1 */
    SIGN;

    /** The reference definition: {@code apply(x, p)} for one element. */
    public double apply(double x, double p) {
        return switch (this) {
            case NEGATE -> -x;
            case ABS -> Math.abs(x);
            case SQUARE -> x * x;
            case SQRT -> Math.sqrt(x);
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-x));
            // NaN > 0 is false, so the NaN case comes first
            case RELU -> Double.isNaN(x) || x > 0 ? x : 0.0;
            case STEP -> Double.isNaN(x) ? x : x > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> x > 0 ? x : p * x;
            case ELU -> x > 0 ? x : p * (Math.exp(x) - 1.0);
            // numpy computes x ** 0.5 as sqrt(x), which differs from pow at −∞ (NaN, not +∞) and −0
            case POWER -> p == 0.5 ? Math.sqrt(x) : BinaryOp.POWER.apply(x, p);
            case SIGN -> Math.signum(x);
        };
    }
}
