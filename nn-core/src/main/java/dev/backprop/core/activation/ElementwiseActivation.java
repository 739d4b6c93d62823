package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;

/**
 * An activation applied to each element alone, aᵢⱼ = g(zᵢⱼ), so that its Jacobian is diagonal and the chain rule is
 * an elementwise product: the workshop's {@code dZ = dA * g'(Z)}.
 */
public interface ElementwiseActivation extends Activation {

    /** g′(Z) elementwise, from Z or from A = g(Z), whichever the formula needs. */
    Matrix derivative(Matrix Z, Matrix A);

    /** dZ = dA ⊙ g′(Z) */
    @Override
    default Matrix backward(Matrix dA, Matrix Z, Matrix A) {
        return dA.times(derivative(Z, A));
    }
}
