package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Squared hinge loss: the hinge squared, smooth at the margin and harder on large violations. Labels y ∈ {0, 1}
 * are mapped to ỹ = 2y − 1 ∈ {−1, +1}, as for {@link Hinge}.
 * <pre>
 * ℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ)²
 * ∂ℒ/∂ŷ = −(2/n) ỹ max(0, 1 − ỹ ŷ)      (continuous: 0 at the margin from both sides)
 * </pre>
 * No logarithm, no clip. Keras: {@code SquaredHinge}.
 */
public record SquaredHinge() implements Loss {

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return Hinge.signedLabels(Y).times(AL).rminus(1).maximum(0).square().mean(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Ysigned = Hinge.signedLabels(Y);
        Matrix violation = Ysigned.times(AL).rminus(1).maximum(0);
        return Ysigned.times(violation).times(-2.0 / AL.rows());
    }

    /** Labels are 0 or 1 (mapped to ỹ = ±1); a −1 or a 2 would give a wrong ỹ and silent nonsense. */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        Checks.labelsIn(this, Y, 0, 1, true);
    }

    @Override
    public String toString() {
        return "squared_hinge";
    }
}
