package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/**
 * A per-feature transform whose statistics come from the training split only and are then applied, unchanged,
 * to the validation and test splits (the <i>Multi-layer Perceptron</i> deck's "data normalization"). Each feature
 * is a row of X (n_x, m), so the statistics are columns (n_x, 1).
 */
public interface Normalizer {

    /** The transform applied to X (n_x, m), any m, with the statistics of the training split. */
    Matrix transform(Matrix X);

    /**
     * Fits {@code "standard"} ({@link Standardization}) or {@code "minmax"} ({@link MinMaxScaling}) on the
     * training X, as {@code --normalize standard|minmax} names them.
     */
    static Normalizer fit(String kind, Matrix Xtrain) {
        return switch (kind) {
            case "standard" -> Standardization.fit(Xtrain);
            case "minmax" -> MinMaxScaling.fit(Xtrain);
            default -> throw new IllegalArgumentException("normalize: unknown kind '" + kind
                    + "', expected standard or minmax");
        };
    }

    /**
     * Refuses statistics that overflowed: a finite feature whose values reach near 1.8e308 has a sum, a square or
     * a range that does not fit in a double, and dividing by ∞ would silently zero the feature.
     *
     * @param statistic one column (n_x, 1) combining the statistics, non-finite where one of them is
     */
    static void requireFinite(String op, String what, Matrix Xtrain, Matrix statistic) {
        int feature = statistic.firstNonFinite();
        if (feature >= 0) {
            // a NaN or ±∞ in X itself, rather than an overflow of finite values
            Xtrain.requireFinite(op, "X", "");
            throw new IllegalArgumentException(op + ": feature " + feature + " of X " + Xtrain.shape().compact()
                    + " has values up to " + Xtrain.abs().max(1).get(feature, 0) + " in size, and " + what
                    + " overflows a double; divide that feature by a power of ten first");
        }
    }
}
