package dev.backprop.core.gradcheck;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixGroup;
import dev.backprop.core.matrix.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Numerical gradient checking, as the workshop's {@code gradient_check_n}: nudge each parameter θᵢ by ±ε, see how
 * the cost J moves, and compare with the gradient backpropagation computed.
 * <pre>
 * gradapprox[i] = (J(θ + ε eᵢ) − J(θ − ε eᵢ)) / (2ε)
 * difference    = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)
 * </pre>
 * A difference below about 2e-7 means the backward pass is right; above 1e-3 it is almost surely wrong.
 *
 * <p>Kinks: where J has no derivative (a ReLU unit whose z is within ±ε of 0, say), gradapprox averages the slopes on
 * either side and the difference is large although backpropagation is right. {@link #check} therefore also compares
 * the one-sided slopes (J(θ + ε eᵢ) − J(θ)) / ε and (J(θ) − J(θ − ε eᵢ)) / ε of every parameter and lists in
 * {@link Result#kinks()} those where they disagree: the check of that parameter crossed a kink. Choose test inputs
 * away from kinks (normally distributed data does that), or read such a difference with the kinks in mind.
 */
public final class GradientCheck {

    /** The workshop's ε. */
    public static final double EPSILON = 1e-7;

    private GradientCheck() {
    }

    /**
     * Slopes on the two sides of θᵢ differing by more than this, plus {@link #KINK_RELATIVE} times the larger slope,
     * mean that J bends sharply within ±ε: more than rounding (about 1e-16·|J| / ε ≈ 1e-9·|J|) or smooth curvature
     * (|J″|·ε ≈ 1e-7·|J″|) explain.
     */
    static final double KINK_ABSOLUTE = 1e-5;

    /** See {@link #KINK_ABSOLUTE}. */
    static final double KINK_RELATIVE = 1e-4;

    /**
     * A parameter whose check crossed a kink: J's slope just left of θᵢ and just right of it, which differ.
     *
     * @param index the parameter's position in θ
     */
    public record Kink(int index, double leftSlope, double rightSlope) {
    }

    /**
     * The outcome of a check: both gradients as flat vectors, their relative difference, and the parameters whose
     * check crossed a kink (see the class comment).
     */
    public record Result(double[] grad, double[] gradapprox, double difference, List<Kink> kinks) {

        public Result {
            kinks = List.copyOf(kinks);
        }

        /**
         * The difference and every kink, each parameter named by its matrix and element. {@code names} name the
         * matrices in the order of θ; {@code shapes} are their shapes (see {@link #shapes}).
         */
        public String explain(List<String> names, List<Shape> shapes) {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "difference %.3e", difference));
            for (Kink k : kinks) {
                text.append(String.format(Locale.ROOT, "; the check of %s crossed a kink: J's slope is %.6g just "
                        + "below it and %.6g just above it (within ±ε = %.0e), so gradapprox there is their mean, "
                        + "not a derivative", name(k.index(), names, shapes), k.leftSlope(), k.rightSlope(), EPSILON));
            }
            return text.toString();
        }

        /** {@link #explain(List, List)} with the workshop's names W1, b1, W2, b2, ..., the order of its dictionaries. */
        public String explain(List<Shape> shapes) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < shapes.size(); k++) {
                names.add((k % 2 == 0 ? "W" : "b") + (k / 2 + 1));
            }
            return explain(names, shapes);
        }

        /** E.g. {@code θ[7] = W2[0,3]}. */
        private static String name(int index, List<String> names, List<Shape> shapes) {
            int at = 0;
            for (int k = 0; k < shapes.size(); k++) {
                Shape s = shapes.get(k);
                if (index < at + s.size()) {
                    int i = (index - at) / Math.max(1, s.cols());
                    int j = (index - at) % Math.max(1, s.cols());
                    return "θ[" + index + "] = " + (k < names.size() ? names.get(k) : "matrix " + k) + "[" + i + ","
                            + j + "]";
                }
                at += s.size();
            }
            return "θ[" + index + "]";
        }

        /** The difference and the kinks by their index in θ. */
        @Override
        public String toString() {
            return explain(List.of(), List.of());
        }

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

    /** J(θ), or an exception naming where it was not finite: at θ, or with entry i nudged by ±ε. */
    private static double finiteCost(ToDoubleFunction<double[]> J, double[] theta, int i, int sign) {
        double cost = J.applyAsDouble(theta);
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("gradient_check: J is " + cost + (i < 0 ? " at theta"
                    : " at theta with entry " + i + (sign > 0 ? " + " : " − ") + "epsilon")
                    + "; the check compares finite costs only (is the output saturated, a log of 0?)");
        }
        return cost;
    }

    /**
     * Compares {@code grad} with the numerical gradient of J at θ, with the workshop's ε, and finds the parameters
     * whose check crossed a kink. Workshop: {@code gradient_check_n}.
     *
     * @throws IllegalArgumentException when θ or grad holds a NaN or ±∞, or J is not finite somewhere it is
     *                                  evaluated: the difference would be NaN, and NaN > 2e-7 is false, a "pass"
     */
    public static Result check(double[] theta, double[] grad, ToDoubleFunction<double[]> J) {
        if (theta.length != grad.length) {
            throw new IllegalArgumentException("gradient_check: " + theta.length + " parameters but "
                    + grad.length + " gradient entries");
        }
        for (int i = 0; i < grad.length; i++) {
            if (!Double.isFinite(theta[i]) || !Double.isFinite(grad[i])) {
                throw new IllegalArgumentException("gradient_check: entry " + i + " of " + (Double.isFinite(theta[i])
                        ? "grad is " + grad[i] : "theta is " + theta[i]) + "; a NaN or ±∞ has no difference to check");
            }
        }
        double[] work = theta.clone();
        double J0 = finiteCost(J, work, -1, 0);
        double[] gradapprox = new double[theta.length];
        List<Kink> kinks = new ArrayList<>();
        for (int i = 0; i < work.length; i++) {
            double original = work[i];
            work[i] = original + EPSILON;
            double Jplus = finiteCost(J, work, i, +1);
            work[i] = original - EPSILON;
            double Jminus = finiteCost(J, work, i, -1);
            work[i] = original;
            // gradapprox[i] = (J(θ + ε eᵢ) − J(θ − ε eᵢ)) / 2ε
            gradapprox[i] = (Jplus - Jminus) / (2 * EPSILON);
            double right = (Jplus - J0) / EPSILON;
            double left = (J0 - Jminus) / EPSILON;
            if (Math.abs(right - left) > KINK_ABSOLUTE + KINK_RELATIVE * Math.max(Math.abs(left), Math.abs(right))) {
                kinks.add(new Kink(i, left, right));
            }
        }
        return new Result(grad, gradapprox, difference(grad, gradapprox), kinks);
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
        long held = 0;
        for (Shape s : shapes) {
            held += s.size();
        }
        if (held != theta.length) {
            throw new IllegalArgumentException("vector_to_dictionary: θ has " + theta.length
                    + " entries but the shapes " + shapes + " hold " + held);
        }
        List<Matrix> matrices = new ArrayList<>();
        int at = 0;
        for (Shape s : shapes) {
            double[] part = new double[s.size()];
            System.arraycopy(theta, at, part, 0, part.length);
            matrices.add(Matrix.of(s.rows(), s.cols(), part));
            at += part.length;
        }
        return matrices;
    }
}
