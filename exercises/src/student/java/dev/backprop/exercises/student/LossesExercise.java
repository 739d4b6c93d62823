package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.exercises.sets.CostAndGradient;

/**
 * Exercise set 3, the nine losses of the Multi-layer Perceptron deck ("which loss for regression, binary and
 * multi-class problems"), each with its gradient. AL = ŷ and Y are (n, m): n outputs for each of m examples.
 * <pre>
 * ℒ⁽ʲ⁾ = the loss of example j (one column)
 * J    = (1/m) Σⱼ ℒ⁽ʲ⁾                       a number
 * dAL  = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾ for each column       (n, m)   no 1/m: it is applied once, in dW and db
 * </pre>
 * The inputs are well inside each loss's domain, so no clipping is needed here (the engine clips probabilities
 * to [1e-7, 1 − 1e-7]). Useful: {@code mean(0)} and {@code sum(0)} (per column), {@code mean()} (every element),
 * {@code abs()}, {@code sign()}, {@code square()}, {@code log()}, {@code maximum(0)}, {@code gt(0)}, {@code eq(..)}.
 */
public final class LossesExercise {

    private LossesExercise() {
    }

    /** Mean squared error. ℒ = (1/n) Σᵢ (ŷᵢ − yᵢ)², ∂ℒ/∂ŷ = (2/n)(ŷ − y). Keras: MeanSquaredError. */
    public static CostAndGradient meanSquaredError(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 2 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /** Mean absolute error. ℒ = (1/n) Σᵢ |ŷᵢ − yᵢ|, ∂ℒ/∂ŷ = (1/n) sign(ŷ − y). Keras: MeanAbsoluteError. */
    public static CostAndGradient meanAbsoluteError(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 2 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Mean squared logarithmic error. d = log(ŷ + 1) − log(y + 1), ℒ = (1/n) Σᵢ dᵢ², ∂ℒ/∂ŷ = (2/n) d / (ŷ + 1).
     * Keras: MeanSquaredLogarithmicError.
     */
    public static CostAndGradient meanSquaredLogarithmicError(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Binary cross-entropy (the workshop's compute_cost). ℒ = −(1/n) Σᵢ (yᵢ log ŷᵢ + (1 − yᵢ) log(1 − ŷᵢ)),
     * ∂ℒ/∂ŷ = −(1/n)(y/ŷ − (1 − y)/(1 − ŷ)). Keras: BinaryCrossentropy.
     */
    public static CostAndGradient binaryCrossEntropy(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Categorical cross-entropy, one-hot Y (n_classes, m). ℒ = −Σᵢ yᵢ log ŷᵢ (a sum over the classes),
     * ∂ℒ/∂ŷ = −y / ŷ. Keras: CategoricalCrossentropy.
     */
    public static CostAndGradient categoricalCrossEntropy(Matrix AL, Matrix Y) {
        // YOUR CODE STARTS HERE (≈ 2 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Sparse categorical cross-entropy: Y is a row (1, m) of class indices 0 ≤ yⱼ < n_classes. The same as the
     * categorical one on the one-hot columns onehot = [i = yⱼ] (n_classes, m). Keras: SparseCategoricalCrossentropy.
     */
    public static CostAndGradient sparseCategoricalCrossEntropy(Matrix AL, Matrix Y) {
        int classes = AL.rows();
        double[] indices = new double[classes];
        for (int i = 0; i < classes; i++) {
            indices[i] = i;
        }
        Matrix classColumn = Matrix.column(indices);
        // YOUR CODE STARTS HERE (≈ 3 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Hinge, labels y ∈ {0, 1} mapped to ỹ = 2y − 1 ∈ {−1, +1}. ℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ),
     * ∂ℒ/∂ŷ = −(1/n) ỹ [1 − ỹ ŷ > 0]. Keras: Hinge.
     */
    public static CostAndGradient hinge(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 4 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Squared hinge. ℒ = (1/n) Σᵢ max(0, 1 − ỹᵢ ŷᵢ)², ∂ℒ/∂ŷ = −(2/n) ỹ max(0, 1 − ỹ ŷ), ỹ = 2y − 1.
     * Keras: SquaredHinge.
     */
    public static CostAndGradient squaredHinge(Matrix AL, Matrix Y) {
        int n = AL.rows();
        // YOUR CODE STARTS HERE (≈ 4 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }

    /**
     * Kullback–Leibler divergence of ŷ from the target distribution y (columns sum to 1).
     * ℒ = Σᵢ yᵢ log(yᵢ / ŷᵢ) (a sum over the classes), ∂ℒ/∂ŷ = −y / ŷ. Keras: KLDivergence.
     */
    public static CostAndGradient klDivergence(Matrix AL, Matrix Y) {
        // YOUR CODE STARTS HERE (≈ 2 lines)
        double J = 0;
        Matrix dAL = null;
        // YOUR CODE ENDS HERE
        return new CostAndGradient(J, dAL);
    }
}
