package dev.backprop.core.gradcheck;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Numerical gradient checking, as the workshop's {@code gradient_check_n}: nudge each parameter θᵢ by ±ε, see how
 * the cost J moves, and compare with the gradient backpropagation computed.
 * <pre>
 * gradapprox[i] = (J(θ + ε eᵢ) − J(θ − ε eᵢ)) / (2ε)
 * difference    = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)
 * </pre>
 * A difference below about 2e-7 means the backward pass is right; above 1e-3 it is almost surely wrong.
 */
public final class GradientCheck {

    /** The workshop's ε. */
    public static final double EPSILON = 1e-7;

    private GradientCheck() {
    }

    /** The outcome of a check: both gradients as flat vectors and their relative difference. */
    public record Result(double[] grad, double[] gradapprox, double difference) {

        /** The index where the two gradients disagree the most, to find a wrong formula. */
        public int worstIndex() {
            int worst = 0;
            for (int i = 0; i < grad.length; i++) {
                if (Math.abs(grad[i] - gradapprox[i]) > Math.abs(grad[worst] - gradapprox[worst])) {
                    worst = i;
                }
            }
            return worst;
        }
    }

    /**
     * Two-sided numerical gradient of {@code J} at {@code theta}. θ is restored after each nudge.
     */
    public static double[] numericalGradient(double[] theta, ToDoubleFunction<double[]> J, double epsilon) {
        double[] gradapprox = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double original = theta[i];
            theta[i] = original + epsilon;
            double Jplus = J.applyAsDouble(theta);
            theta[i] = original - epsilon;
            double Jminus = J.applyAsDouble(theta);
            theta[i] = original;
            gradapprox[i] = (Jplus - Jminus) / (2 * epsilon);
        }
        return gradapprox;
    }

    /** ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂), and 0 when both are zero. */
    public static double difference(double[] grad, double[] gradapprox) {
        if (grad.length != gradapprox.length) {
            throw new IllegalArgumentException("difference: grad has " + grad.length + " entries, gradapprox "
                    + gradapprox.length);
        }
        double numerator = 0;
        double normGrad = 0;
        double normApprox = 0;
        for (int i = 0; i < grad.length; i++) {
            double d = grad[i] - gradapprox[i];
            numerator += d * d;
            normGrad += grad[i] * grad[i];
            normApprox += gradapprox[i] * gradapprox[i];
        }
        double denominator = Math.sqrt(normGrad) + Math.sqrt(normApprox);
        return denominator == 0 ? 0 : Math.sqrt(numerator) / denominator;
    }

    /** Compares {@code grad} with the numerical gradient of J at θ, with the workshop's ε. */
    public static Result check(double[] theta, double[] grad, ToDoubleFunction<double[]> J) {
        if (theta.length != grad.length) {
            throw new IllegalArgumentException("gradient_check: " + theta.length + " parameters but "
                    + grad.length + " gradient entries");
        }
        double[] gradapprox = numericalGradient(theta.clone(), J, EPSILON);
        return new Result(grad, gradapprox, difference(grad, gradapprox));
    }

    /** Workshop: {@code dictionary_to_vector}: every matrix of the group, row-major, one after another. */
    public static double[] toVector(MatrixGroup group) {
        List<double[]> parts = new ArrayList<>();
        int n = 0;
        for (Matrix m : group.matrices()) {
            double[] a = m.toArray();
            parts.add(a);
            n += a.length;
        }
        double[] theta = new double[n];
        int at = 0;
        for (double[] a : parts) {
            System.arraycopy(a, 0, theta, at, a.length);
            at += a.length;
        }
        return theta;
    }

    /** The shapes of a group's matrices, to rebuild it with {@link #fromVector}. */
    public static List<Shape> shapes(MatrixGroup group) {
        return group.matrices().stream().map(Matrix::shape).toList();
    }

    /** Workshop: {@code vector_to_dictionary}: cuts θ back into matrices of the given shapes (on the CPU). */
    public static List<Matrix> fromVector(double[] theta, List<Shape> shapes) {
        List<Matrix> matrices = new ArrayList<>();
        int at = 0;
        for (Shape s : shapes) {
            double[] part = new double[s.size()];
            System.arraycopy(theta, at, part, 0, part.length);
            matrices.add(Matrix.of(s.rows(), s.cols(), part));
            at += part.length;
        }
        if (at != theta.length) {
            throw new IllegalArgumentException("vector_to_dictionary: θ has " + theta.length
                    + " entries but the shapes hold " + at);
        }
        return matrices;
    }
}
