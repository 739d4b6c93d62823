package dev.backprop.core.layer;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;

/**
 * A fully connected layer with activation g, owning W^[l] and b^[l]: the workshop's
 * {@code linear_activation_forward} and {@code linear_activation_backward} as one object. Keras: {@code Dense}.
 * <pre>
 * forward:   Z = W · A_prev + b              (n^[l], m)
 *            A = g(Z)                        (n^[l], m)
 * backward:  dZ = dA ⊙ g′(Z)                 (g's own step for softmax)
 *            dW = (1/m) dZ · A_prevᵀ         (n^[l], n^[l−1])
 *            db = (1/m) Σ_columns dZ         (n^[l], 1)
 *            dA_prev = Wᵀ · dZ               (n^[l−1], m)
 * </pre>
 * The {@link Initializer} draws W in numpy's order (randn(n^[l], n^[l−1]) · scale for the normal ones); b starts
 * at 0. The default is the workshop's randn · 0.01; Keras's default is Glorot uniform
 * ({@link Initializer#glorotUniform()}); pass {@link Initializer#he()} or {@link Initializer#xavier()} for deep
 * networks.
 */
public final class Dense implements Layer {

    private final int units;
    private final Activation activation;
    private final Initializer initializer;
    private Matrix W;
    private Matrix b;
    private Matrix A_prev;
    private Matrix Z;
    private Matrix A;
    private Matrix dW;
    private Matrix db;

    /** {@code units} units with activation g, initialised with randn · 0.01. */
    public Dense(int units, Activation activation) {
        this(units, activation, Initializer.random(0.01));
    }

    public Dense(int units, Activation activation, Initializer initializer) {
        if (units < 1) {
            throw new IllegalArgumentException("dense: units n^[l] must be ≥ 1, got " + units);
        }
        this.units = units;
        this.activation = activation;
        this.initializer = initializer;
    }

    @Override
    public int build(int nPrev, NumpyRandom random) {
        if (nPrev < 1) {
            throw new IllegalArgumentException("dense: the input size n^[l−1] must be ≥ 1, got " + nPrev);
        }
                // W = randn(n^[l], n^[l−1]) · scale,  b = zeros((n^[l], 1))
        W = initializer.weights(units, nPrev, random);
        b = Matrix.zeros(units, 1);
        return units;
    }

    @Override
    public Matrix forward(Matrix A_prev, boolean training) {
        requireBuilt();
        if (W.cols() != A_prev.rows()) {
            throw new IllegalArgumentException("dense: W has shape " + W.shape().compact() + " but A_prev has shape "
                    + A_prev.shape().compact() + " (W's " + W.cols() + " columns must match A_prev's "
                    + A_prev.rows() + " rows)");
        }
        // Z = W · A_prev + b,  A = g(Z)
        Matrix Zl = W.dot(A_prev).plus(b);
        Matrix Al = activation.forward(Zl);
        this.A_prev = A_prev;
        this.Z = Zl;
        this.A = Al;
        return Al;
    }

    @Override
    public Matrix backward(Matrix dA) {
        if (Z == null) {
            throw new IllegalStateException("dense: backward before forward");
        }
        if (!dA.shape().equals(A.shape())) {
            throw new IllegalArgumentException("dense backward: dA has shape " + dA.shape().compact()
                    + " but A has shape " + A.shape().compact());
        }
        // dZ = dA ⊙ g′(Z)
        return backwardFromZ(activation.backward(dA, Z, A));
    }

    /**
     * The linear part of the backward step, the workshop's {@code linear_backward}, from dZ itself: used at the
     * output, where the loss and the activation give dZ = A − Y together.
     */
    public Matrix backwardFromZ(Matrix dZ) {
        int m = A_prev.cols();
        // dW = (1/m) dZ · A_prevᵀ
        dW = dZ.dot(A_prev.T()).times(1.0 / m);
        // db = (1/m) Σ_columns dZ
        db = dZ.sum(1).times(1.0 / m);
        // dA_prev = Wᵀ · dZ
        return W.T().dot(dZ);
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
            throw new IllegalArgumentException("dense: expected W " + W.shape().compact() + " and b "
                    + b.shape().compact() + ", got " + parameters.stream().map(p -> p.shape().compact()).toList());
        }
        W = parameters.get(0);
        b = parameters.get(1);
    }

    @Override
    public List<Matrix> gradients() {
        if (dW == null) {
            throw new IllegalStateException("dense: no gradients before backward");
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

    /** The activation g. */
    public Activation activation() {
        return activation;
    }

    /** W (n^[l], n^[l−1]). */
    public Matrix W() {
        requireBuilt();
        return W;
    }

    /** b (n^[l], 1). */
    public Matrix b() {
        requireBuilt();
        return b;
    }

    @Override
    public String type() {
        return "Dense";
    }

    private void requireBuilt() {
        if (W == null) {
            throw new IllegalStateException("dense: the layer has no weights yet; build it with its input size"
                    + " (Sequential.build(n_x) or fit)");
        }
    }

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation + ")";
    }
}
