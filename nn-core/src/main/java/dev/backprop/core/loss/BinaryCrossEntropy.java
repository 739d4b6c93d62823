package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;

/**
 * Binary cross-entropy, the workshop's cost ({@code compute_cost}) for labels y ∈ {0, 1} and a sigmoid output
 * ŷ = P(y = 1). For each example, the mean over its n outputs:
 * <pre>
 * â = clip(ŷ, ε, 1 − ε)
 * ℒ = −(1/n) Σᵢ ( yᵢ log âᵢ + (1 − yᵢ) log(1 − âᵢ) )
 * ∂ℒ/∂ŷ = −(1/n) ( y/â − (1 − y)/(1 − â) )
 * </pre>
 * With one output (n = 1) this is the workshop's {@code dAL = −(Y/AL − (1 − Y)/(1 − AL))}.
 *
 * <p>Guard: ŷ is clipped to [ε, 1 − ε] before the logarithms and the divisions, in the value and in the gradient
 * (Keras clips the same way). The workshop does not clip: for ŷ inside [ε, 1 − ε] both agree to the last bit.
 * Keras: {@code BinaryCrossentropy}.
 */
public record BinaryCrossEntropy() implements Loss {

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Ahat = Checks.clipProbability(AL);
        // y log â + (1 − y) log(1 − â)
        Matrix logprobs = Y.times(Unchecked.log(Ahat)).plus(Y.rminus(1).times(Unchecked.log(Ahat.rminus(1))));
        return logprobs.mean(0).negate();
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        Matrix Ahat = Checks.clipProbability(AL);
        // −(y/â − (1 − y)/(1 − â)) / n
        return Unchecked.div(Y, Ahat).minus(Unchecked.div(Y.rminus(1), Ahat.rminus(1))).negate().div(AL.rows());
    }

    /** y ∈ [0, 1]: a label of 2 would make the cost negative and training meaningless. */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        Checks.labelsIn(this, Y, 0, 1, false);
    }

    @Override
    public String toString() {
        return "binary_crossentropy";
    }
}
