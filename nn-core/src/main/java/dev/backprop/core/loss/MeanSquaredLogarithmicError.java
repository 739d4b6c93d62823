package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Mean squared logarithmic error, for regression on positive targets that span orders of magnitude: it compares
 * log(1 + ŷ) with log(1 + y), so it weighs relative, not absolute, errors.
 * <pre>
 * â = max(ŷ, ε),  ŷ' = max(y, ε)
 * d = log(â + 1) − log(ŷ' + 1)
 * ℒ = (1/n) Σᵢ dᵢ²
 * ∂ℒ/∂ŷ = (2/n) d / (â + 1)
 * </pre>
 * Guard: predictions and labels are raised to at least ε (Keras: {@code maximum(y, epsilon())}), in the value and
 * in the gradient. Keras: {@code MeanSquaredLogarithmicError}.
 */
public record MeanSquaredLogarithmicError() implements Loss {

    private static Matrix floor(Matrix M) {
        return M.maximum(EPSILON);
    }

    /** d = log(â + 1) − log(ŷ' + 1) */
    private static Matrix logDifference(Matrix Ahat, Matrix Y) {
        return Ahat.plus(1).log().minus(floor(Y).plus(1).log());
    }

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return logDifference(floor(AL), Y).square().mean(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Ahat = floor(AL);
        return logDifference(Ahat, Y).times(2.0 / AL.rows()).div(Ahat.plus(1));
    }

    @Override
    public String toString() {
        return "mean_squared_logarithmic_error";
    }
}
