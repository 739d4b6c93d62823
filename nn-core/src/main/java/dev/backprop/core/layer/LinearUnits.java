package dev.backprop.core.layer;

import dev.backprop.core.matrix.Matrix;
import java.util.List;

/**
 * What {@link Dense} and {@link Maxout} share: weights W and a bias b applied to the previous layer's activations,
 * Z = W·A_prev + b, and the linear part of the backward step (the workshop's {@code linear_backward}):
 * <pre>
 * dW = (1/m) dZ · A_prevᵀ      db = (1/m) Σ_columns dZ      dA_prev = Wᵀ · dZ
 * </pre>
 */
abstract class LinearUnits implements Layer {

    /** The layer's name in messages: {@code dense}, {@code maxout}. */
    private final String name;
    final int units;
    Matrix W;
    Matrix b;
    Matrix A_prev;
    Matrix dW;
    Matrix db;

    LinearUnits(String name, int units) {
        if (units < 1) {
            throw new IllegalArgumentException(name + ": units n^[l] must be ≥ 1, got " + units);
        }
        this.name = name;
        this.units = units;
    }

    /** dZ from dA: the layer's own activation step, after a training-mode forward. */
    abstract Matrix dZ(Matrix dA);

    @Override
    public final Matrix backward(Matrix dA) {
        return linearBackward(dZ(dA));
    }

    @Override
    public final void backwardToParameters(Matrix dA) {
        linearGradients(dZ(dA));
    }

    /** dW, db from dZ (kept for the optimizer), and dA_prev returned. */
    Matrix linearBackward(Matrix dZ) {
        linearGradients(dZ);
        // dA_prev = Wᵀ · dZ
        return W.T().dot(dZ);
    }

    /** dW, db from dZ, kept for the optimizer. */
    void linearGradients(Matrix dZ) {
        int m = A_prev.cols();
        // dW = (1/m) dZ · A_prevᵀ
        dW = dZ.dot(A_prev.T()).times(1.0 / m);
        // db = (1/m) Σ_columns dZ
        db = dZ.sum(1).times(1.0 / m);
    }

    @Override
    public List<Matrix> parameters() {
        requireBuilt();
        return List.of(W, b);
    }

    @Override
    public void setParameters(List<Matrix> parameters) {
        requireBuilt();
        if (parameters.size() != 2 || !parameters.get(0).shape().equals(W.shape())
                || !parameters.get(1).shape().equals(b.shape())) {
            throw new IllegalArgumentException(name + ": expected W " + W.shape().compact() + " and b "
                    + b.shape().compact() + ", got " + parameters.stream().map(p -> p.shape().compact()).toList());
        }
        W = parameters.get(0);
        b = parameters.get(1);
    }

    @Override
    public List<Matrix> gradients() {
        if (dW == null) {
            throw new IllegalStateException(name + ": no gradients before backward");
        }
        return List.of(dW, db);
    }

    @Override
    public boolean[] weights() {
        return new boolean[] {true, false};
    }

    @Override
    public int units() {
        return units;
    }

    void requireBuilt() {
        if (W == null) {
            throw new IllegalStateException(name + ": the layer has no weights yet; build it with its input size"
                    + " (Sequential.build(n_x) or fit)");
        }
    }
}
