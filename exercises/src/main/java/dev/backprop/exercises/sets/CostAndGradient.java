package dev.backprop.exercises.sets;

import dev.backprop.core.matrix.Matrix;

/**
 * What a loss exercise returns: the cost J = (1/m) Σⱼ ℒ⁽ʲ⁾ over the m examples, and dAL = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾ column by
 * column (no 1/m: as the workshop's dAL, the 1/m is applied once, in dW and db).
 */
public record CostAndGradient(double J, Matrix dAL) {
}
