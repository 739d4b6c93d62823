package dev.backprop.core.matrix;

/** How {@link Backend#reduce} combines the elements along an axis. */
public enum Reduction {
    /** Σ, in numpy's pairwise order along a row (see {@link PairwiseSum}). */
    SUM,
    /** max, like {@code np.max}; NaN wins, as in numpy. */
    MAX
}
