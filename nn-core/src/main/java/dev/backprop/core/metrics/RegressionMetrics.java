package dev.backprop.core.metrics;

import dev.backprop.core.matrix.Matrix;

/** Errors of a regression, over every element of Y and Ŷ (same shape), as scikit-learn computes them. */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /** MAE = (1/m) Σ |ŷ − y|. Like {@code mean_absolute_error}. */
    public static double meanAbsoluteError(Matrix Y, Matrix Yhat) {
        return Yhat.minus(check("mae", Y, Yhat)).abs().mean();
    }

    /** MSE = (1/m) Σ (ŷ − y)². Like {@code mean_squared_error}. */
    public static double meanSquaredError(Matrix Y, Matrix Yhat) {
        return Yhat.minus(check("mse", Y, Yhat)).square().mean();
    }

    /**
     * R² = 1 − Σ (y − ŷ)² / Σ (y − ȳ)², the fraction of the variance of y explained. Like {@code r2_score}: when y
     * is constant, R² is 1 for a perfect prediction and 0 otherwise.
     */
    public static double r2(Matrix Y, Matrix Yhat) {
        check("r2", Y, Yhat);
        double ssRes = Y.minus(Yhat).square().sum();
        double ssTot = Y.minus(Y.mean()).square().sum();
        if (ssTot == 0) {
            return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1 - ssRes / ssTot;
    }

    private static Matrix check(String op, Matrix Y, Matrix Yhat) {
        if (!Y.shape().equals(Yhat.shape()) || Y.size() == 0) {
            throw new IllegalArgumentException(op + ": Y " + Y.shape().compact() + " and Yhat "
                    + Yhat.shape().compact() + " must have the same shape, with at least one element");
        }
        return Y;
    }
}
