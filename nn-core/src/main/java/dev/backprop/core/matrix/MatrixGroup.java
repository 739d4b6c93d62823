package dev.backprop.core.matrix;

import java.util.List;

/** A named group of matrices (parameters, gradients, a cache) that can be moved or kept as one. */
public interface MatrixGroup {

    /** The matrices of the group, in a fixed order. */
    List<Matrix> matrices();
}
