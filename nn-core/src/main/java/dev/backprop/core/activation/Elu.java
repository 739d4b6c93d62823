package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;

/**
 * The exponential linear unit (Clevert et al., 2015): like a ReLU for z &gt; 0, and a smooth curve that saturates
 * at −α for z ≤ 0, so that mean activations stay near zero.
 * <pre>
 * g(z)  = z if z &gt; 0, else α (eᶻ − 1)
 * g′(z) = 1 if z &gt; 0, else α eᶻ = a + α
 * </pre>
 * With α = 1 (the default, as in Keras) g′ is continuous at 0; with any other α it jumps there, like a ReLU.
 *
 * @param alpha α &gt; 0, the value −α the negative side tends to
 */
public record Elu(double alpha) implements ElementwiseActivation {

    public Elu {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("elu: α must be positive, got " + alpha);
        }
    }

    /** α = 1. */
    public Elu() {
        this(1.0);
    }

    @Override
    public Matrix forward(Matrix Z) {
        return Z.map(UnaryOp.ELU, alpha);
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        // g′ = step + (1 − step) ⊙ (min(a, 0) + α); min(a, 0) = a where z ≤ 0, and keeps 0 · ∞ = NaN out at z = +∞
        Matrix step = Z.map(UnaryOp.STEP, 0);
        return step.plus(step.rminus(1).times(A.minimum(0).plus(alpha)));
    }

    @Override
    public String toString() {
        return "elu(" + alpha + ")";
    }
}
