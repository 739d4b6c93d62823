package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * A moving average per parameter, the DLS {@code v} (or {@code s}) dict: {@code dW.get(l − 1)} is v["dW" + l], the
 * shape of W^[l]; {@code db.get(l − 1)} is v["db" + l].
 */
public record Moments(List<Matrix> dW, List<Matrix> db) {
}
