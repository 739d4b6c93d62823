package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;

/**
 * Categorical cross-entropy, for multi-class classification with one-hot labels Y (n_classes, m) and a softmax
 * output: each example's loss is −log of the probability given to its class.
 * <pre>
 * â = clip(ŷ, ε, 1 − ε)
 * ℒ = −Σᵢ yᵢ log âᵢ              a sum over the classes, not a mean
 * ∂ℒ/∂ŷ = −y / â
 * through softmax:  dZ = A − Y   (see {@link CategoricalLoss})
 * </pre>
 * Guard: ŷ is clipped to [ε, 1 − ε] before the logarithm and the division, in the value and in the gradient.
 * Keras also divides ŷ by its column sum first; a softmax output already sums to 1, so this class does not.
 * Keras: {@code CategoricalCrossentropy}.
 */
public record CategoricalCrossEntropy() implements CategoricalLoss {

    @Override
    public Matrix loss(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return Y.times(Unchecked.log(Checks.clipProbability(AL))).sum(0).negate();
    }

    @Override
    public Matrix gradient(Matrix AL, Matrix Y) {
        Checks.sameShape(this, AL, Y);
        return Unchecked.div(Y, Checks.clipProbability(AL)).negate();
    }

    /** The labels are one-hot already. */
    @Override
    public Matrix oneHot(Matrix Y, int classes) {
        if (Y.rows() != classes) {
            throw new IllegalArgumentException(this + ": one-hot Y has " + Y.rows() + " rows "
                    + Y.shape().compact() + " but there are " + classes + " classes");
        }
        return Y;
    }

    /**
     * One-hot (or probability) labels: each column in [0, 1], summing to 1. The softmax shortcut dZ = A − Y holds
     * only then; a column of two 1s, or none, would train on a gradient of nothing.
     */
    @Override
    public void checkLabels(Matrix Y, int outputs) {
        oneHot(Y, outputs);
        Checks.distributions(this, Y);
    }

    @Override
    public String toString() {
        return "categorical_crossentropy";
    }
}
