package dev.backprop.core.train;

import dev.backprop.core.matrix.Matrix;
import java.util.List;
import java.util.Map;

/**
 * Early stopping, Keras's {@code EarlyStopping(monitor, patience, restore_best_weights)}: stops when the monitored
 * value ({@code val_loss} by default, {@code loss} when there is no validation data) has not improved for
 * {@code patience} epochs, and optionally puts back the weights of the best epoch. It fights overfitting: the
 * validation cost rises while the training cost still falls. As Keras's {@code mode="auto"}, a monitored accuracy
 * ({@code accuracy}, {@code val_accuracy}, any name with "acc") improves upwards, anything else (a cost, an error)
 * downwards.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private final int patience;
    private final boolean restoreBestWeights;
    private final boolean higherIsBetter;
    private double best;
    private int bestEpoch = -1;
    private int wait;
    private List<Matrix> bestWeights;

    /** Monitors {@code val_loss} (or {@code loss} without validation data), restoring the best weights. */
    public EarlyStopping(int patience) {
        this("val_loss", patience, true);
    }

    public EarlyStopping(String monitor, int patience, boolean restoreBestWeights) {
        if (patience < 1) {
            throw new IllegalArgumentException("early stopping: patience must be ≥ 1 epoch, got " + patience);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBestWeights = restoreBestWeights;
        this.higherIsBetter = monitor.contains("acc");
        this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean onEpochEnd(int epoch, Map<String, Double> logs, TrainingLoop.Run run) {
        Double value = logs.get(monitor);
        if (value == null && monitor.equals("val_loss")) {
            value = logs.get("loss");   // no validation data: the training cost, as documented
        }
        if (value == null) {
            throw new IllegalArgumentException("early stopping: no metric '" + monitor + "' was recorded; the epoch"
                    + " recorded " + logs.keySet());
        }
        if (higherIsBetter ? value > best : value < best) {
            best = value;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = TrainingLoop.snapshot(run.model().parameters());
            }
            return false;
        }
        wait++;
        return wait >= patience;
    }

    @Override
    public void onTrainEnd(TrainingLoop.Run run) {
        if (restoreBestWeights && bestWeights != null && run.stoppedEarly()) {
            run.model().setParameters(TrainingLoop.restore(bestWeights, run.model().parameters()));
            run.history().bestEpoch(bestEpoch);
        }
    }

    /** The epoch with the best monitored value so far. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
