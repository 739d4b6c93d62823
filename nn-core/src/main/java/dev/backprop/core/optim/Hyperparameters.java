package dev.backprop.core.optim;

/**
 * The checks an optimizer's hyperparameters share, for the optimizer classes and the DLS update functions alike:
 * each returns the value, or throws naming its owner, the hyperparameter and the value.
 */
public final class Hyperparameters {

    private Hyperparameters() {
    }

    /** A β or ρ of an exponentially weighted average, in [0, 1) (0: no averaging). */
    public static double unit(String owner, String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(owner + ": " + what + " must be in [0, 1), got " + value);
        }
        return value;
    }

    /** An ε that keeps a denominator such as √ŝ + ε away from 0: positive and finite. */
    public static double epsilon(String owner, double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException(owner + ": epsilon must be a positive number, got " + epsilon);
        }
        return epsilon;
    }
}
