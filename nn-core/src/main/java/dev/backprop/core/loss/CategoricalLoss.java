package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * A cross-entropy over classes, which a softmax output layer can skip straight through: with softmax, the
 * gradient with respect to Z^[L] is A − Y for the one-hot labels Y
 * ({@link dev.backprop.core.activation.Softmax#backwardWithCrossEntropy}).
 */
public interface CategoricalLoss extends Loss {

    /** The labels as one-hot columns (classes, m), whatever form this loss takes them in. */
    Matrix oneHot(Matrix Y, int classes);
}
