package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;

/** What inverted dropout's forward step returns: the kept, rescaled activations A and the mask D (0/1). */
public record DropoutResult(Matrix A, Matrix D) {
}
