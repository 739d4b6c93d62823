package dev.backprop.exercises.sets;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.function.ToDoubleFunction;

/** Seeded inputs for the graders, drawn as numpy draws them, and the numerical gradient of a cost. */
final class Inputs {

    private Inputs() {
    }

    /** {@code np.random.seed(seed); np.random.randn(rows, cols)} */
    static Matrix randn(int seed, int rows, int cols) {
        return new NumpyRandom(seed).randn(rows, cols);
    }

    /** Labels 0/1: {@code (np.random.rand(1, m) > 0.5)} after {@code np.random.seed(seed)}. */
    static Matrix labels(int seed, int m) {
        return new NumpyRandom(seed).rand(1, m).gt(0.5);
    }

    /** Probabilities in (0, 1): {@code np.random.rand(rows, cols) * 0.9 + 0.05}. */
    static Matrix probabilities(int seed, int rows, int cols) {
        return new NumpyRandom(seed).rand(rows, cols).times(0.9).plus(0.05);
    }

    /** The central-difference gradient of J at the matrix θ, element by element. */
    static Matrix numericGradient(Matrix theta, ToDoubleFunction<Matrix> J) {
        double[] t = theta.toArray();
        double[] g = GradientCheck.numericalGradient(t,
                v -> J.applyAsDouble(Matrix.of(theta.rows(), theta.cols(), v)), GradientCheck.EPSILON);
        return Matrix.of(theta.rows(), theta.cols(), g);
    }
}
