package dev.backprop.exercises;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * The gradient check of a backward function: for each parameter, the student's analytic gradient and the
 * numerical one, {@code (J(θ + ε) − J(θ − ε)) / 2ε}, of the reference cost.
 */
@FunctionalInterface
public interface GradientCheckSpec {

    /** The threshold of the relative difference, as in the workshop's {@code gradient_check_n}. */
    double THRESHOLD = 2e-7;

    /** One parameter's gradients; {@code layer} numbers the layer it belongs to (1 for W1 and b1). */
    record ParameterGradient(String name, int layer, Matrix analytic, Matrix numeric) {
    }

    /** The gradients of the student's {@code result} for the given inputs, parameter by parameter. */
    List<ParameterGradient> gradients(Object result, Object[] inputs);
}
