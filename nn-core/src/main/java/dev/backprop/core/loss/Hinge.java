package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * Hinge loss, the support vector machine's: zero once an example is on the right side with margin 1. Labels
 * y ∈ {0, 1} are mapped to ỹ = 2y − 1 ∈ {−1, +1} (Keras does the same with 0/1 labels; it also accepts ±1, this
 * class takes 0/1 only); the output ŷ is a score, best from a linear or tanh layer.
 * <pre>
 * ℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ)
 * ∂ℒ/∂ŷ = −(1/n) ỹ [1 − ỹ ŷ &gt; 0]      (0 exactly at the margin 1 − ỹŷ = 0, where max has a kink)
 * </pre>
 * No logarithm, no clip. Keras: {@code Hinge}.
 */
public record Hinge() implements Loss {

    /** ỹ = 2y − 1 */
    static Matrix signedLabels(Matrix Y) {
        return Y.times(2).minus(1);
    }

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        // max(0, 1 − ỹ ŷ)
        return signedLabels(Y).times(AL).rminus(1).maximum(0).mean(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Ysigned = signedLabels(Y);
        Matrix margin = Ysigned.times(AL).rminus(1);
        return Ysigned.times(margin.gt(0)).negate().div(AL.rows());
    }

    /** Labels are 0 or 1 (mapped to ỹ = ±1); a −1 or a 2 would give a wrong ỹ and silent nonsense. */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        Checks.labelsIn(this, Y, 0, 1, true);
    }

    @Override
    public String toString() {
        return "hinge";
    }
}
