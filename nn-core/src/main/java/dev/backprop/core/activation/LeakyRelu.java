package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;

/**
 * Leaky ReLU, the <i>Multi-layer Perceptron</i> deck's {@code max(0.1x, x)}: a ReLU whose negative side keeps a small slope α, so a unit that
 * went negative still gets a gradient.
 * <pre>
 * g(z)  = max(αz, z) = z if z &gt; 0, else αz        (0 ≤ α &lt; 1; the seed takes α = 0.1)
 * g′(z) = 1 if z &gt; 0, else α
 * </pre>
 *
 * @param alpha the slope α for z ≤ 0
 */
public record LeakyRelu(double alpha) implements ElementwiseActivation {

    /** The seed's slope, α = 0.1. */
    public static final double ALPHA = 0.1;

    public LeakyRelu {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("leaky_relu: α must be in [0, 1) for max(αz, z), got " + alpha);
        }
    }

    /** max(0.1z, z), as the <i>Multi-layer Perceptron</i> deck writes it. */
    public LeakyRelu() {
        this(ALPHA);
    }

    @Override
    public Matrix forward(Matrix Z) {
        return Z.map(UnaryOp.LEAKY_RELU, alpha);
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        // g′ = step + α (1 − step): exactly 1 or exactly α
        Matrix step = Z.map(UnaryOp.STEP, 0);
        return step.plus(step.rminus(1).times(alpha));
    }

    @Override
    public String toString() {
        return "leaky_relu(" + alpha + ")";
    }
}
