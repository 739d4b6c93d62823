package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * Nesterov accelerated gradient, as Keras writes it ({@code SGD(momentum=μ, nesterov=True)}): the step looks
 * ahead along the velocity it is about to take.
 * <pre>
 * v  = μ v − α dθ              v starts at 0
 * θ  = θ + μ v − α dθ
 * </pre>
 * Defaults: μ = 0.9 (DLS's β; Keras's default momentum is 0, which makes this plain gradient descent). Note the
 * scale differs from {@link Momentum}'s DLS form, which averages with (1 − β): for the same path, Nesterov needs
 * about (1 − μ) times momentum's α.
 */
public final class Nesterov extends ScheduledOptimizer {

    /** μ, the momentum. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private final double momentum;
    private List<Matrix> v;

    /** Nesterov with learning rate α and μ = 0.9. */
    public Nesterov(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_MOMENTUM);
    }

    /** Nesterov with learning rate α and momentum μ. */
    public Nesterov(double learningRate, double momentum) {
        this(LearningRateSchedule.constant(learningRate), momentum);
    }

    /** Nesterov following a learning-rate schedule. */
    public Nesterov(LearningRateSchedule schedule, double momentum) {
        super("nesterov", schedule);
        this.momentum = Hyperparameters.unit("nesterov", "momentum", momentum);
    }

    @Override
    void createState(List<Matrix> parameters) {
        v = zerosLike(parameters);
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        Matrix step = g.times(learningRate());
        // v = μ v − α dθ
        replace(v, i, v.get(i).times(momentum).minus(step));
        // θ = θ + μ v − α dθ
        return theta.plus(v.get(i).times(momentum)).minus(step);
    }

    /** μ */
    public double momentum() {
        return momentum;
    }
}
