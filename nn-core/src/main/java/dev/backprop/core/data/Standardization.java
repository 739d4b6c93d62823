package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

/**
 * Standardization, each feature to mean 0 and standard deviation 1 on the training split:
 * <pre>
 * mu    = (1/m) Σ_columns X_train               (n_x, 1)
 * sigma = sqrt((1/m) Σ_columns (X_train − mu)²) (n_x, 1)
 * X_norm = (X − mu) / sigma                     (n_x, m)
 * </pre>
 * Like scikit-learn's {@code StandardScaler}: a feature that never varies in training (an MNIST border pixel)
 * has sigma = 0 and is divided by 1 instead, so it becomes 0 rather than NaN.
 */
public record Standardization(Matrix mu, Matrix sigma) implements Normalizer {

    /** mu and sigma of the training X (n_x, m). */
    public static Standardization fit(Matrix Xtrain) {
        if (Xtrain.cols() == 0) {
            throw new IllegalArgumentException("standardize: X " + Xtrain.shape().compact() + " has no examples");
        }
        // mu = np.mean(X, axis=1, keepdims=True)
        Matrix mu = Xtrain.mean(1);
        // sigma = np.sqrt(np.mean((X - mu)**2, axis=1, keepdims=True)), 0 → 1
        Matrix sigma = Xtrain.minus(mu).square().mean(1).sqrt();
        Normalizer.requireFinite("standardize", "its mean or σ", Xtrain, mu.plus(sigma));
        sigma = sigma.plus(sigma.eq(0.0));
        return new Standardization(mu, sigma);
    }

    @Override
    public Matrix transform(Matrix X) {
        return X.minus(mu).div(sigma);
    }
}
