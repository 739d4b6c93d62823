package dev.backprop.core.train;

import java.util.Map;

/**
 * Reports the cost every {@code every} epochs (0, every, 2·every, ...), as the workshop's
 * {@code if print_cost and i % 1000 == 0: print("Cost after iteration %i: %f" % (i, cost))}. With full-batch
 * gradient descent an epoch is one iteration.
 */
public final class PrintCost implements Callback {

    /** Receives the epoch and its cost. */
    @FunctionalInterface
    public interface Listener {
        void onCost(int epoch, double cost);
    }

    private final int every;
    private final Listener listener;

    /** Calls {@code listener} every {@code every} epochs; never when {@code every} is 0. */
    public PrintCost(int every, Listener listener) {
        if (every < 0) {
            throw new IllegalArgumentException("print cost: every must be ≥ 0 epochs, got " + every);
        }
        this.every = every;
        this.listener = listener;
    }

    @Override
    public boolean onEpochEnd(int epoch, Map<String, Double> logs, TrainingLoop.Run run) {
        if (every > 0 && epoch % every == 0) {
            listener.onCost(epoch, logs.get("loss"));
        }
        return false;
    }
}
