package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** The TensorFlow Playground's input features, each a function of the point (x₁, x₂). */
public enum PlaygroundFeature {

    X1("x₁", (x1, x2) -> x1),
    X2("x₂", (x1, x2) -> x2),
    X1_SQUARED("x₁²", (x1, x2) -> x1 * x1),
    X2_SQUARED("x₂²", (x1, x2) -> x2 * x2),
    X1_TIMES_X2("x₁x₂", (x1, x2) -> x1 * x2),
    SIN_X1("sin x₁", (x1, x2) -> Math.sin(x1)),
    SIN_X2("sin x₂", (x1, x2) -> Math.sin(x2));

    private final String label;
    private final DoubleBinaryOperator f;

    PlaygroundFeature(String label, DoubleBinaryOperator f) {
        this.label = label;
        this.f = f;
    }

    /** The feature at one point. */
    public double at(double x1, double x2) {
        return f.applyAsDouble(x1, x2);
    }

    /** The features of points X (2, m), one row per feature: (features.size(), m). */
    public static Matrix transform(Matrix X, List<PlaygroundFeature> features) {
        if (X.rows() != 2) {
            throw new IllegalArgumentException("playground features: X must be (2, m), got " + X.shape().compact());
        }
        double[][] x = X.toArray2D();
        double[][] out = new double[features.size()][X.cols()];
        for (int k = 0; k < features.size(); k++) {
            for (int j = 0; j < X.cols(); j++) {
                out[k][j] = features.get(k).at(x[0][j], x[1][j]);
            }
        }
        return Matrix.of(out);
    }

    @Override
    public String toString() {
        return label;
    }
}
