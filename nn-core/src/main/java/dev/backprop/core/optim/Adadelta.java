package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;
import java.util.List;

/**
 * Adadelta (Zeiler, 2012), as Keras writes it ({@code Adadelta}): RMSProp whose step size is itself a running RMS
 * of the past steps, so the units of Δθ match θ's.
 * <pre>
 * E[g²]  = ρ E[g²] + (1 − ρ) dθ²                 both averages start at 0
 * Δθ     = −√(E[Δθ²] + ε) / √(E[g²] + ε) · dθ
 * E[Δθ²] = ρ E[Δθ²] + (1 − ρ) Δθ²
 * θ      = θ + α Δθ
 * </pre>
 * Defaults (Keras): α = 0.001, ρ = 0.95, ε = 1e-7. (Zeiler's paper has no α, i.e. α = 1.)
 */
public final class Adadelta extends ScheduledOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.001;
    public static final double DEFAULT_RHO = 0.95;
    public static final double DEFAULT_EPSILON = 1e-7;

    private final double rho;
    private final double epsilon;
    private List<Matrix> accumulatedGrad;
    private List<Matrix> accumulatedDelta;

    /** Adadelta with Keras's defaults. */
    public Adadelta() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adadelta with learning rate α, ρ = 0.95, ε = 1e-7. */
    public Adadelta(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /** Adadelta following a schedule, with decay ρ and ε. */
    public Adadelta(LearningRateSchedule schedule, double rho, double epsilon) {
        super("adadelta", schedule);
        this.rho = Hyperparameters.unit("adadelta", "rho", rho);
        this.epsilon = Hyperparameters.epsilon("adadelta", epsilon);
    }

    @Override
    void createState(List<Matrix> parameters) {
        accumulatedGrad = zerosLike(parameters);
        accumulatedDelta = zerosLike(parameters);
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // E[g²] = ρ E[g²] + (1 − ρ) dθ²
        replace(accumulatedGrad, i, accumulatedGrad.get(i).times(rho).plus(g.square().times(1 - rho)));
        // Δθ = −√(E[Δθ²] + ε) / √(E[g²] + ε) · dθ
        Matrix delta = Unchecked.div(Unchecked.sqrt(accumulatedDelta.get(i).plus(epsilon)).negate().times(g),
                Unchecked.sqrt(accumulatedGrad.get(i).plus(epsilon)));
        // E[Δθ²] = ρ E[Δθ²] + (1 − ρ) Δθ²
        replace(accumulatedDelta, i, accumulatedDelta.get(i).times(rho).plus(delta.square().times(1 - rho)));
        // θ = θ + α Δθ
        return theta.plus(delta.times(learningRate()));
    }
}
