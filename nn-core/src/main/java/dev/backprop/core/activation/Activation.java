package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;

/**
 * The activation g of a layer: A = g(Z), applied to the layer's linear output Z = W·A_prev + b, and its backward
 * step, which turns dA = ∂L/∂A into dZ = ∂L/∂Z. Examples are columns: Z and A are (n, m).
 *
 * <p>Most activations act on each element alone and say so by implementing {@link ElementwiseActivation}, whose
 * backward step is dZ = dA ⊙ g′(Z). {@link Softmax} mixes the elements of a column, so it writes its own backward
 * step. (Maxout, which owns k weight sets per unit, is a layer: {@link dev.backprop.core.layer.Maxout}.)
 *
 * <p>Every activation computes with {@link Matrix} operations (the {@link dev.backprop.core.matrix.UnaryOp}
 * functions where there is one), so it runs on whatever backend Z lives on.
 */
public interface Activation {

    /** A = g(Z). */
    Matrix forward(Matrix Z);

    /** dZ = ∂L/∂Z from dA = ∂L/∂A, given what the forward step saw and made: Z and A = g(Z). */
    Matrix backward(Matrix dA, Matrix Z, Matrix A);
}
