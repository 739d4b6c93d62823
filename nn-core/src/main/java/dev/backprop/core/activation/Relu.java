package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;

/**
 * The rectified linear unit, the workshop's hidden unit for deep networks. Workshop: {@code relu},
 * {@code relu_backward}.
 * <pre>
 * relu(z)  = max(0, z)
 * relu′(z) = 1 if z &gt; 0, else 0      (at the kink z = 0 the workshop takes 0: {@code dZ[Z <= 0] = 0})
 * </pre>
 * NaN stays NaN in both, as {@code np.maximum(0, nan)} is NaN, so NaN weights show instead of becoming silent zeros.
 */
public record Relu() implements ElementwiseActivation {

    @Override
    public Matrix forward(Matrix Z) {
        return Z.map(UnaryOp.RELU, 0);
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        return Z.map(UnaryOp.STEP, 0);
    }

    @Override
    public String toString() {
        return "relu";
    }
}
