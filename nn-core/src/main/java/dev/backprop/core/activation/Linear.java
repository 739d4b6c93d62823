package dev.backprop.core.activation;

import dev.backprop.core.matrix.Matrix;

/**
 * No activation: a = z. The seed-003 slides' "linear activation function", useful in the output layer of a
 * regression; in hidden layers a stack of linear layers is still one linear map.
 * <pre>
 * g(z)  = z
 * g′(z) = 1
 * </pre>
 */
public record Linear() implements ElementwiseActivation {

    @Override
    public Matrix forward(Matrix Z) {
        return Z;
    }

    @Override
    public Matrix derivative(Matrix Z, Matrix A) {
        return Matrix.ones(Z.rows(), Z.cols()).to(Z.backend());
    }

    @Override
    public String toString() {
        return "linear";
    }
}
