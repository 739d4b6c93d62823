package dev.backprop.core.optim;

/**
 * The learning rate α as a function of the epoch (0, 1, 2, ...): what an {@link Optimizer} uses after
 * {@link Optimizer#startEpoch(int) startEpoch(epoch)}. Each factory names the formula and where it comes from.
 *
 * <p>Note on the DLS {@code model()}: it calls its decay function at the <em>end</em> of epoch i, so epoch i + 1
 * trains with {@code decay(lr0, i)}. A loop that calls {@code startEpoch(e)} before epoch e gets DLS's rates from
 * {@code learningRate(max(e − 1, 0))}; {@code Optimization.model} does exactly what DLS does.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** α at this epoch. */
    double learningRate(int epoch);

    /** α = lr, every epoch. */
    static LearningRateSchedule constant(double learningRate) {
        checkRate("constant schedule", learningRate);
        return epoch -> learningRate;
    }

    /**
     * Inverse-time decay, DLS {@code update_lr(learning_rate0, epoch_num, decay_rate)}:
     * <pre>
     * α = α₀ / (1 + decay_rate · epoch)
     * </pre>
     * (Keras {@code InverseTimeDecay} with {@code decay_steps = 1}.)
     */
    static LearningRateSchedule inverseTimeDecay(double learningRate0, double decayRate) {
        checkRate("inverse-time decay", learningRate0);
        checkNonNegative("inverse-time decay", "decay rate", decayRate);
        return epoch -> learningRate0 / (1 + decayRate * epoch);
    }

    /**
     * Inverse-time decay in steps, DLS {@code schedule_lr_decay(learning_rate0, epoch_num, decay_rate,
     * time_interval=1000)}:
     * <pre>
     * α = α₀ / (1 + decay_rate · ⌊epoch / time_interval⌋)
     * </pre>
     */
    static LearningRateSchedule scheduleLrDecay(double learningRate0, double decayRate, int timeInterval) {
        checkRate("schedule_lr_decay", learningRate0);
        checkNonNegative("schedule_lr_decay", "decay rate", decayRate);
        checkInterval("schedule_lr_decay", "time interval", timeInterval);
        return epoch -> learningRate0 / (1 + decayRate * Math.floor((double) epoch / timeInterval));
    }

    /**
     * Step decay (Keras's {@code LearningRateScheduler} example, "drop every k epochs"):
     * <pre>
     * α = α₀ · drop^⌊epoch / epochs_per_drop⌋
     * </pre>
     */
    static LearningRateSchedule stepDecay(double learningRate0, double drop, int epochsPerDrop) {
        checkRate("step decay", learningRate0);
        if (!(drop > 0 && drop <= 1)) {
            throw new IllegalArgumentException("step decay: drop must be in (0, 1], got " + drop);
        }
        checkInterval("step decay", "epochs per drop", epochsPerDrop);
        return epoch -> learningRate0 * Math.pow(drop, Math.floor((double) epoch / epochsPerDrop));
    }

    /**
     * Exponential decay, Keras {@code ExponentialDecay(initial_learning_rate, decay_steps, decay_rate)} with the
     * epoch as the step:
     * <pre>
     * α = α₀ · decay_rate^(epoch / decay_steps)
     * </pre>
     */
    static LearningRateSchedule exponentialDecay(double learningRate0, double decayRate, int decaySteps) {
        checkRate("exponential decay", learningRate0);
        if (!(decayRate > 0 && decayRate <= 1)) {
            throw new IllegalArgumentException("exponential decay: decay rate must be in (0, 1], got " + decayRate);
        }
        checkInterval("exponential decay", "decay steps", decaySteps);
        return epoch -> learningRate0 * Math.pow(decayRate, (double) epoch / decaySteps);
    }

    private static void checkRate(String schedule, double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(schedule + ": learning rate must be a positive number, got "
                    + learningRate);
        }
    }

    private static void checkNonNegative(String schedule, String what, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(schedule + ": " + what + " must be ≥ 0, got " + value);
        }
    }

    private static void checkInterval(String schedule, String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(schedule + ": " + what + " must be ≥ 1, got " + value);
        }
    }
}
