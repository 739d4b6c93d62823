package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;

/** One mini-batch: its examples X (n_x, size) and labels Y (1, size), the DLS {@code (mini_batch_X, mini_batch_Y)}. */
public record MiniBatch(Matrix X, Matrix Y) {
}
