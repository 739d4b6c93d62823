package dev.backprop.core.train;

import java.util.Map;

/**
 * Something {@link TrainingLoop} calls after every epoch, with that epoch's logs ({@code loss}, metrics and
 * {@code val_…} values), as Keras's {@code Callback.on_epoch_end}. Returning true stops training.
 */
@FunctionalInterface
public interface Callback {

    /** Called after epoch {@code epoch} (0, 1, ...); returns true to stop training. */
    boolean onEpochEnd(int epoch, Map<String, Double> logs, TrainingLoop.Run run);

    /** Called once when training ends, normally or by a stop. */
    default void onTrainEnd(TrainingLoop.Run run) {
    }
}
