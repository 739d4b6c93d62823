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

    /** Every label in [lo, hi] (and an integer when {@code integers}), or an exception naming the first that is not. */
    static void labelsIn(Loss loss, Matrix Y, double lo, double hi, boolean integers) {
        double[] y = Y.toArray();
        for (int k = 0; k < y.length; k++) {
            double v = y[k];
            if (!(v >= lo && v <= hi) || (integers && v != Math.rint(v))) {
                throw new IllegalArgumentException(loss + ": every label must be " + (integers ? "an integer" : "a number")
                        + " from " + fmt(lo) + " to " + fmt(hi) + "; example " + (k % Y.cols())
                        + (Y.rows() > 1 ? " (row " + (k / Y.cols()) + ")" : "") + " has " + v);
            }
        }
    }

    /**
     * Every column of Y a probability distribution: entries in [0, 1] that sum to 1 (within 0.001, so that soft
     * labels written with a few decimals, thirds as 0.3333, pass), or an exception naming the first example that is
     * not.
     */
    static void distributions(Loss loss, Matrix Y) {
        labelsIn(loss, Y, 0, 1, false);
        Matrix columnSums = Y.sum(0);
        double[] sums = columnSums.toArray();
        columnSums.release();
        for (int j = 0; j < sums.length; j++) {
            if (!(Math.abs(sums[j] - 1) <= 1e-3)) {
                throw new IllegalArgumentException(loss + ": each example's labels must sum to 1 (one class, or a"
                        + " distribution over the " + Y.rows() + " classes); example " + j + " sums to " + sums[j]);
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** ŷ clipped to [ε, 1 − ε], Keras's guard for a probability. */
    static Matrix clipProbability(Matrix A) {
        return A.clip(Loss.EPSILON, 1 - Loss.EPSILON);
    }
}
