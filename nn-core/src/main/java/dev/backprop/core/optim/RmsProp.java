package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;
import java.util.List;

/**
 * RMSProp (Hinton, Coursera lecture 6e), as Keras writes it ({@code RMSprop}, not centred, no momentum): divide
 * the gradient by a running root-mean-square of its recent values.
 * <pre>
 * s  = ρ s + (1 − ρ) dθ²       s starts at 0
 * θ  = θ − α dθ / √(s + ε)
 * </pre>
 * Defaults (Keras): α = 0.001, ρ = 0.9, ε = 1e-7. DLS's Adam notes write the same s with β₂ and put ε outside
 * the root; Keras puts it inside, as here.
 */
public final class RmsProp extends ScheduledOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.9;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double rho;
    private final double epsilon;
    private List<Matrix> s;

    /** RMSProp with Keras's defaults. */
    public RmsProp() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** RMSProp with learning rate α, ρ = 0.9, ε = 1e-7. */
    public RmsProp(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** RMSProp following a schedule, with decay ρ and ε. */
    public RmsProp(LearningRateSchedule schedule, double rho, double epsilon) {
        super("rmsprop", schedule);
        this.rho = Hyperparameters.unit("rmsprop", "rho", rho);
        this.epsilon = Hyperparameters.epsilon("rmsprop", epsilon);
    }

    @Override
    void createState(List<Matrix> parameters) {
        s = zerosLike(parameters);
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // s = ρ s + (1 − ρ) dθ²
        replace(s, i, s.get(i).times(rho).plus(g.square().times(1 - rho)));
        // θ = θ − α dθ / √(s + ε)
        return theta.minus(Unchecked.div(g.times(learningRate()), Unchecked.sqrt(s.get(i).plus(epsilon))));
    }
}
