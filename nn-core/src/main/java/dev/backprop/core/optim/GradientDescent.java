package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * Plain gradient descent, the workshop's {@code update_parameters} (DLS {@code update_parameters_with_gd}):
 * θ := θ − α dθ for every parameter. It keeps no state, so it gives bit for bit the numbers of
 * {@code DeepNetwork.updateParameters}.
 */
public final class GradientDescent extends ScheduledOptimizer {

    /** Gradient descent with learning rate α. */
    public GradientDescent(double learningRate) {
        this(LearningRateSchedule.constant(check(learningRate)));
    }

    /** Gradient descent whose α follows a schedule. */
    public GradientDescent(LearningRateSchedule schedule) {
        super("gd", schedule);
    }

    @Override
    void createState(List<Matrix> parameters) {
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // θ := θ − α dθ
        return theta.minusTimes(g, learningRate());
    }

    private static double check(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("gradient descent: learning rate must be a positive number, got "
                    + learningRate);
        }
        return learningRate;
    }
}
