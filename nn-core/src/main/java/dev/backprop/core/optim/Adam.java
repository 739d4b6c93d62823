package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Unchecked;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) with bias correction, as DLS writes it ({@code update_parameters_with_adam}):
 * momentum's average of the gradients divided by RMSProp's average of their squares.
 * <pre>
 * t  = t + 1                                 counted per update, as DLS counts it
 * v  = β₁ v + (1 − β₁) dθ                    v, s start at 0 (DLS initialize_adam)
 * s  = β₂ s + (1 − β₂) dθ²
 * v̂  = v / (1 − β₁ᵗ),   ŝ = s / (1 − β₂ᵗ)
 * θ  = θ − α v̂ / (√ŝ + ε)
 * </pre>
 * Defaults (DLS): α = 0.01, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. Keras's {@code Adam} has α = 0.001 and ε = 1e-7
 * (and puts its ε, "ε hat", on the uncorrected √s, which differs slightly from the formula here).
 */
public final class Adam extends ScheduledOptimizer {

    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_BETA1 = 0.9;
    public static final double DEFAULT_BETA2 = 0.999;
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private List<Matrix> v;
    private List<Matrix> s;
    private int t;

    /** Adam with DLS's defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE);
    }

    /** Adam with learning rate α, β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public Adam(double learningRate) {
        this(LearningRateSchedule.constant(learningRate), DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /** Adam with learning rate α and the given β₁, β₂, ε. */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(LearningRateSchedule.constant(learningRate), beta1, beta2, epsilon);
    }

    /** Adam following a schedule. */
    public Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {
        super("adam", schedule);
        this.beta1 = Hyperparameters.unit("adam", "beta1", beta1);
        this.beta2 = Hyperparameters.unit("adam", "beta2", beta2);
        this.epsilon = Hyperparameters.epsilon("adam", epsilon);
    }

    @Override
    void createState(List<Matrix> parameters) {
        v = zerosLike(parameters);
        s = zerosLike(parameters);
    }

    @Override
    void beforeSteps() {
        t++;
    }

    @Override
    Matrix step(int i, Matrix theta, Matrix g) {
        // v = β₁ v + (1 − β₁) dθ;   v̂ = v / (1 − β₁ᵗ)
        replace(v, i, v.get(i).times(beta1).plus(g.times(1 - beta1)));
        Matrix vCorrected = v.get(i).div(1 - Math.pow(beta1, t));
        // s = β₂ s + (1 − β₂) dθ²;  ŝ = s / (1 − β₂ᵗ)
        replace(s, i, s.get(i).times(beta2).plus(g.square().times(1 - beta2)));
        Matrix sCorrected = s.get(i).div(1 - Math.pow(beta2, t));
        // θ = θ − α v̂ / (√ŝ + ε)
        return theta.minus(Unchecked.div(vCorrected.times(learningRate()),
                Unchecked.sqrt(sCorrected).plus(epsilon)));
    }

    /** t, the number of updates so far. */
    public int t() {
        return t;
    }
}
