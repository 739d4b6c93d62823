package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/**
 * Min-max normalization, each feature to [0, 1] on the training split:
 * <pre>
 * min = min over columns of X_train, max likewise   (n_x, 1)
 * X_norm = (X − min) / (max − min)                  (n_x, m)
 * </pre>
 * Validation and test values may fall outside [0, 1]. Like scikit-learn's {@code MinMaxScaler}, a constant
 * feature (max = min) is divided by 1 instead of 0.
 */
public record MinMaxScaling(Matrix min, Matrix range) implements Normalizer {

    /** min and max − min of the training X (n_x, m). */
    public static MinMaxScaling fit(Matrix Xtrain) {
        if (Xtrain.cols() == 0) {
            throw new IllegalArgumentException("minmax: X " + Xtrain.shape().compact() + " has no examples");
        }
        Matrix max = Xtrain.max(1);
        Matrix min = Xtrain.negate().max(1).negate();
        Matrix range = max.minus(min);
        Normalizer.requireFinite("minmax", "max − min", Xtrain, range);
        return new MinMaxScaling(min, range.plus(range.eq(0.0)));
    }

    @Override
    public Matrix transform(Matrix X) {
        return X.minus(min).div(range);
    }
}
