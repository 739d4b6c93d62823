package dev.backprop.core.matrix;

/**
 * log, sqrt and division without {@link Matrix}'s scan for a NaN they would make, for the engine's own code whose
 * inputs cannot leave the functions' domains: a softmax divides by column sums ≥ 1, Adam by √ŝ + ε &gt; 0, and the
 * losses take the log of probabilities clipped to [ε, 1 − ε]. On a device the scan waits for the device, once per
 * call, every training step.
 */
public final class Unchecked {

    private Unchecked() {
    }

    /** {@code np.log(a)} */
    public static Matrix log(Matrix a) {
        return a.backend().map(UnaryOp.LOG, 0, a.contiguous());
    }

    /** {@code np.sqrt(a)} */
    public static Matrix sqrt(Matrix a) {
        return a.backend().map(UnaryOp.SQRT, 0, a.contiguous());
    }

    /** {@code a / b}, broadcast. */
    public static Matrix div(Matrix a, Matrix b) {
        return a.zipUnchecked(BinaryOp.DIVIDE, b);
    }
}
