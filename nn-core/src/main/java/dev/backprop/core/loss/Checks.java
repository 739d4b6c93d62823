package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/** Shape checks shared by the losses, with messages that name the loss and both shapes. */
final class Checks {

    private Checks() {
    }

    static void sameShape(Loss loss, Matrix AL, Matrix Y) {
        if (!AL.shape().equals(Y.shape())) {
            throw new IllegalArgumentException(loss + ": AL has shape " + AL.shape().compact()
                    + " but Y has shape " + Y.shape().compact());
        }
    }

    /** ŷ clipped to [ε, 1 − ε], Keras's guard for a probability. */
    static Matrix clipProbability(Matrix A) {
        return A.clip(Loss.EPSILON, 1 - Loss.EPSILON);
    }
}
