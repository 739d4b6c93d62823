package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;

/**
 * The activation g of a layer: A = g(Z), applied to the layer's linear output Z = W·A_prev + b, and its backward
 * step, which turns dA = ∂L/∂A into dZ = ∂L/∂Z. Examples are columns: Z and A are (n, m).
 *
 * <p>Most activations act on each element alone and say so by implementing {@link ElementwiseActivation}, whose
 * backward step is dZ = dA ⊙ g′(Z). {@link Softmax} mixes the elements of a column and {@link Maxout} takes k rows
 * of Z per unit, so they write their own backward step.
 *
 * <p>Every activation computes with {@link Matrix} operations (the {@link dev.backprop.core.matrix.UnaryOp}
 * functions where there is one), so it runs on whatever backend Z lives on.
 */
public interface Activation {

    /** A = g(Z). */
    Matrix forward(Matrix Z);

    /** dZ = ∂L/∂Z from dA = ∂L/∂A, given what the forward step saw and made: Z and A = g(Z). */
    Matrix backward(Matrix dA, Matrix Z, Matrix A);

    /** How many rows of Z feed one row of A: 1, or k for {@link Maxout}, whose layer holds k weight sets. */
    default int pieces() {
        return 1;
    }
}
