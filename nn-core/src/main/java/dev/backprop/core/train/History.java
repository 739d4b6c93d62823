package dev.backprop.core.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link TrainingLoop} records per epoch, as Keras's {@code History.history}: {@code loss} and every metric
 * for the training data, and {@code val_loss}, {@code val_accuracy}, ... for the validation data. Epoch e's values
 * are at index e of each list.
 */
public final class History {

    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private int bestEpoch = -1;
    private double secondsPerEpoch;

    /** Appends one epoch's value of {@code name} (loss, accuracy, val_loss, ...). */
    void add(String name, double value) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /**
     * The values of {@code name}, one per epoch.
     *
     * @throws IllegalArgumentException naming what was recorded when {@code name} was not, as Keras's
     *                                  {@code history.history['val_acc']} raises a {@code KeyError}
     */
    public List<Double> get(String name) {
        List<Double> v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("history: nothing recorded for '" + name + "'; recorded: "
                    + values.keySet());
        }
        return Collections.unmodifiableList(v);
    }

    /** Whether {@code name} was recorded: {@code val_loss} is, when the loop had validation data. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The training cost per epoch. */
    public List<Double> loss() {
        return get("loss");
    }

    /** The last value of {@code name}. */
    public double last(String name) {
        List<Double> v = get(name);
        return v.get(v.size() - 1);
    }

    /** The names recorded, in the order they first appeared. */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    /** The number of epochs trained. */
    public int epochs() {
        return has("loss") ? loss().size() : 0;
    }

    /** The epoch whose weights early stopping restored, or −1 when none was restored. */
    public int bestEpoch() {
        return bestEpoch;
    }

    void bestEpoch(int epoch) {
        bestEpoch = epoch;
    }

    /** The mean wall-clock time of one epoch, in seconds, as the loop measured it. */
    public double secondsPerEpoch() {
        return secondsPerEpoch;
    }

    void secondsPerEpoch(double seconds) {
        secondsPerEpoch = seconds;
    }
}
