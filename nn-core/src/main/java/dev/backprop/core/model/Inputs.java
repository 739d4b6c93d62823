package dev.backprop.core.model;

import dev.backprop.core.matrix.Matrix;
import java.util.function.DoublePredicate;

/**
 * The checks the workshop's functions make on what a student passes them, so that a NaN, a probability outside
 * [0, 1] or a learning rate of −1 is an error naming the function, the matrix and the bad value rather than a
 * result that is silently NaN. numpy checks none of these; the training loops make them once, not every iteration.
 */
final class Inputs {

    private Inputs() {
    }

    /** Every element of {@code A} is a probability, in [0, 1]. */
    static void requireProbabilities(String function, String name, Matrix A) {
        A.requireFinite(function, name, "");
        requireEach(function, name, A, a -> a >= 0 && a <= 1, "probabilities, in [0, 1] (the output of a sigmoid)");
    }

    /** Every element of {@code A} is 0 or 1. */
    static void requireZeroOne(String function, String name, Matrix A) {
        requireEach(function, name, A, a -> a == 0 || a == 1, "classes, 0 or 1");
    }

    private static void requireEach(String function, String name, Matrix A, DoublePredicate ok, String holds) {
        double[] a = A.toArray();
        for (int k = 0; k < a.length; k++) {
            if (!ok.test(a[k])) {
                throw new IllegalArgumentException(function + ": " + name + " has " + a[k] + " at column "
                        + k % A.cols() + " (row " + k / A.cols() + ") of " + A.shape().compact() + "; it holds "
                        + holds);
            }
        }
    }

    /** A learning rate that gradient descent can step with: positive and finite. */
    static void requireLearningRate(String function, double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException(function + ": learning_rate must be a positive number, got "
                    + learningRate);
        }
    }

    /** A gradient has its parameter's shape. */
    static void requireSameShape(String function, String parameter, Matrix p, String gradient, Matrix g) {
        if (!p.shape().equals(g.shape())) {
            throw new IllegalArgumentException(function + ": " + gradient + " has shape " + g.shape().compact()
                    + " but " + parameter + " has shape " + p.shape().compact());
        }
    }
}
