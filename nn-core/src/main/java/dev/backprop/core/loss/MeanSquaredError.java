package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Mean squared error, for regression. For each example, the mean over its n outputs:
 * <pre>
 * ℒ = (1/n) Σᵢ (ŷᵢ − yᵢ)²
 * ∂ℒ/∂ŷ = (2/n) (ŷ − y)
 * </pre>
 * No logarithm, no clip. Keras: {@code MeanSquaredError}.
 */
public record MeanSquaredError() implements Loss {

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return AL.minus(Y).square().mean(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return AL.minus(Y).times(2.0 / AL.rows());
    }

    @Override
    public String toString() {
        return "mean_squared_error";
    }
}
