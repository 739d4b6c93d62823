package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Mean absolute error, for regression with outliers: the gradient has the same size for a small and a large error.
 * <pre>
 * ℒ = (1/n) Σᵢ |ŷᵢ − yᵢ|
 * ∂ℒ/∂ŷ = (1/n) sign(ŷ − y)      (0 at ŷ = y, where |·| has a kink: a subgradient)
 * </pre>
 * No logarithm, no clip. Keras: {@code MeanAbsoluteError}.
 */
public record MeanAbsoluteError() implements Loss {

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return AL.minus(Y).abs().mean(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return AL.minus(Y).sign().div(AL.rows());
    }

    @Override
    public String toString() {
        return "mean_absolute_error";
    }
}
