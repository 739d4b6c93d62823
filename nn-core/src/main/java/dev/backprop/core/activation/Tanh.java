package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;

/**
 * The hyperbolic tangent, the hidden unit of the workshop's two-layer network.
 * <pre>
 * tanh(z)  = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ)     in (−1, 1), centred on 0
 * tanh′(z) = 1 − tanh²(z) = 1 − a²
 * </pre>
 */
public record Tanh() implements ElementwiseActivation {

    @Override
    public Matrix forward(Matrix Z) {
        return Z.tanh();
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        return A.power(2).rminus(1);
    }

    @Override
    public String toString() {
        return "tanh";
    }
}
