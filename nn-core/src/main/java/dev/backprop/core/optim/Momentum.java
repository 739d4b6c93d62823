package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * Gradient descent with momentum, as DLS writes it ({@code update_parameters_with_momentum}): an exponentially
 * weighted average of the gradients, then a step along it.
 * <pre>
 * v  = β v + (1 − β) dθ        v starts at 0 (DLS initialize_velocity)
 * θ  = θ − α v
 * </pre>
 * Default β = 0.9 (DLS). Keras's {@code SGD(momentum=β)} writes v = β v − α dθ; θ = θ + v instead, which is
 * the same path with α scaled by 1/(1 − β).
 */
public final class Momentum extends ScheduledOptimizer {

    /** DLS's β. */
    public static final double DEFAULT_BETA = 0.9;

    private final double beta;
    private List<Matrix> v;

    /** Momentum with learning rate α and β = 0.9. */
    public Momentum(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_BETA);
    }

    /** Momentum with learning rate α and momentum β. */
    public Momentum(double learningRate, double beta) {
        this(LearningRateSchedule.constant(learningRate), beta);
    }

    /** Momentum following a learning-rate schedule. */
    public Momentum(LearningRateSchedule schedule, double beta) {
        super("momentum", schedule);
        this.beta = Hyperparameters.unit("momentum", "beta", beta);
    }

    @Override
    void createState(List<Matrix> parameters) {
        v = zerosLike(parameters);
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // v = β v + (1 − β) dθ
        replace(v, i, v.get(i).times(beta).plus(g.times(1 - beta)));
        // θ = θ − α v
        return theta.minusTimes(v.get(i), learningRate());
    }

    /** β */
    public double beta() {
        return beta;
    }
}
