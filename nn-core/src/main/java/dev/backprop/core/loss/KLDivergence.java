package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;

/**
 * Kullback–Leibler divergence of the prediction ŷ from a target distribution y, both (n_classes, m) with columns
 * that are probability distributions: how many nats are lost describing y with ŷ. It is the categorical
 * cross-entropy minus the entropy of y, so it has the same gradient and is 0 when ŷ = y.
 * <pre>
 * y' = clip(y, ε, 1),  â = clip(ŷ, ε, 1)
 * ℒ = Σᵢ y'ᵢ log(y'ᵢ / âᵢ)       a sum over the classes
 * ∂ℒ/∂ŷ = −y' / â
 * </pre>
 * Guard: both y and ŷ are clipped to [ε, 1] (Keras does the same), in the value and in the gradient; a zero
 * target then contributes ε log(ε/â) (−1.6e-6 for â = 0.6) instead of 0·log 0. Keras: {@code KLDivergence}.
 */
public record KLDivergence() implements Loss {

    private static Matrix clip(Matrix M) {
        return M.clip(EPSILON, 1);
    }

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Yhat = clip(Y);
        return Yhat.times(Unchecked.log(Unchecked.div(Yhat, clip(AL)))).sum(0);
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return Unchecked.div(clip(Y), clip(AL)).negate();
    }

    /** Each column of Y a distribution: entries in [0, 1] that sum to 1. */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        if (Y.rows() != outputs) {
            throw new IllegalArgumentException(this + ": Y has " + Y.rows() + " rows " + Y.shape().compact()
                    + " but the output has " + outputs);
        }
        Checks.distributions(this, Y);
    }

    @Override
    public String toString() {
        return "kl_divergence";
    }
}
