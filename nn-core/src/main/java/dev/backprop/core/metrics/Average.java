package dev.backprop.core.metrics;

/** How per-class precision, recall and F1 are averaged over the classes, as scikit-learn's {@code average=}. */
public enum Average {
    /** From the totals of TP, FP and FN over all classes; for single-label data all three equal accuracy. */
    MICRO,
    /** The plain mean of the per-class values: every class counts the same. */
    MACRO,
    /** The mean weighted by each class's support (its number of true examples). */
    WEIGHTED
}
