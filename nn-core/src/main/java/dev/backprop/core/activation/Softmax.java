package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;

/**
 * Softmax over the classes of each example: Z and A are (n_classes, m), and every column of A is a probability
 * distribution. The output unit for multi-class classification.
 * <pre>
 * aᵢ = e^(zᵢ) / Σₖ e^(zₖ)                          for each column
 * ∂aᵢ/∂zⱼ = aᵢ (δᵢⱼ − aⱼ)                          the Jacobian diag(a) − a aᵀ: not elementwise
 * dZ = A ⊙ (dA − Σ_classes(dA ⊙ A))                 that Jacobian applied to each column of dA
 * with cross-entropy (dA = −Y/A, Y one-hot):  dZ = A − Y
 * </pre>
 * Numerically stable: softmax(z) = softmax(z − c) for any constant c, so each column is shifted by its maximum
 * before the exponential and e^(zᵢ − max) never overflows.
 */
public record Softmax() implements Activation {

    @Override
    public Matrix forward(Matrix Z) {
        // E = exp(Z − max over classes)   (n, m), largest entry of each column is e⁰ = 1
        Matrix E = Z.minus(Z.max(0)).exp();
        // A = E / Σ_classes E, each sum ≥ 1, so no 0/0 to scan for
        return Unchecked.div(E, E.sum(0));
    }

    @Override
    public Matrix backward(Matrix dA, Matrix Z, Matrix A) {
        // dZ = A ⊙ (dA − Σ_classes(dA ⊙ A))
        return A.times(dA.minus(dA.times(A).sum(0)));
    }

    /**
     * The combined backward step of softmax and categorical cross-entropy, dZ = A − Y for one-hot Y (n, m): the 1/A
     * of the cross-entropy's gradient cancels against the softmax Jacobian. Same result as
     * {@code backward(−Y/A, Z, A)} when each column of Y sums to 1, without dividing by a small A.
     */
    public static Matrix backwardWithCrossEntropy(Matrix A, Matrix Y) {
        if (!A.shape().equals(Y.shape())) {
            throw new IllegalArgumentException("softmax + cross-entropy: A has shape " + A.shape().compact()
                    + " but Y has shape " + Y.shape().compact());
        }
        return A.minus(Y);
    }

    @Override
    public String toString() {
        return "softmax";
    }
}
