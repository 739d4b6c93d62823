package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;
import java.util.List;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), as Keras writes it ({@code Adagrad}): each parameter's step shrinks with
 * the sum of all its past squared gradients.
 * <pre>
 * G  = G + dθ²                 G starts at initial_accumulator_value
 * θ  = θ − α dθ / √(G + ε)
 * </pre>
 * Defaults (Keras): α = 0.001, initial accumulator 0.1, ε = 1e-7.
 */
public final class Adagrad extends ScheduledOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_INITIAL_ACCUMULATOR = 0.1;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double initialAccumulator;
    private final double epsilon;
    private List<Matrix> G;

    /** Adagrad with Keras's defaults. */
    public Adagrad() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adagrad with learning rate α, G₀ = 0.1, ε = 1e-7. */
    public Adagrad(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_INITIAL_ACCUMULATOR, DEFAULT_EPSILON);
    }

    /** Adagrad following a schedule, with the accumulator's start value G₀ and ε. */
    public Adagrad(LearningRateSchedule schedule, double initialAccumulator, double epsilon) {
        super("adagrad", schedule);
        if (!(initialAccumulator >= 0) || !Double.isFinite(initialAccumulator)) {
            throw new IllegalArgumentException("adagrad: initial accumulator must be ≥ 0, got " + initialAccumulator);
        }
        this.initialAccumulator = initialAccumulator;
        this.epsilon = Hyperparameters.epsilon("adagrad", epsilon);
    }

    @Override
    void createState(List<Matrix> parameters) {
        G = fullLike(parameters, initialAccumulator);
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // G = G + dθ²
        replace(G, i, G.get(i).plus(g.square()));
        // θ = θ − α dθ / √(G + ε)
        return theta.minus(Unchecked.div(g.times(learningRate()), Unchecked.sqrt(G.get(i).plus(epsilon))));
    }
}
