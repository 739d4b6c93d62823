package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;

/**
 * The sigmoid, the workshop's output unit for a yes/no answer. Workshop: {@code sigmoid}, {@code sigmoid_backward}.
 * <pre>
 * σ(z)  = 1 / (1 + e⁻ᶻ)            in (0, 1)
 * σ′(z) = σ(z) (1 − σ(z)) = a (1 − a)     at most 1/4, so a stack of sigmoids shrinks the gradient
 * </pre>
 */
public record Sigmoid() implements ElementwiseActivation {

    @Override
    public Matrix forward(Matrix Z) {
        return Z.map(UnaryOp.SIGMOID, 0);
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        return A.times(A.rminus(1));
    }

    @Override
    public String toString() {
        return "sigmoid";
    }
}
