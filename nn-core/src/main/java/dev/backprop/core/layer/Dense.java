package dev.backprop.core.layer;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.random.NumpyRandom;

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
public final class Dense extends LinearUnits {

    private final Activation activation;
    private final Initializer initializer;
    private Matrix Z;
    private Matrix A;

    /** {@code units} units with activation g, initialised with randn · 0.01. */
    public Dense(int units, Activation activation) {
        this(units, activation, Initializer.random(0.01));
    }

    public Dense(int units, Activation activation, Initializer initializer) {
        super("dense", units);
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
        Matrix Zl = W.dotPlus(A_prev, b);
        Matrix Al = activation.forward(Zl);
        this.A_prev = A_prev;
        this.Z = Zl;
        this.A = Al;
        return Al;
    }

    @Override
    Matrix dZ(Matrix dA) {
        if (Z == null) {
            throw new IllegalStateException("dense: backward before forward");
        }
        if (!dA.shape().equals(A.shape())) {
            throw new IllegalArgumentException("dense backward: dA has shape " + dA.shape().compact()
                    + " but A has shape " + A.shape().compact());
        }
        // dZ = dA ⊙ g′(Z)
        return activation.backward(dA, Z, A);
    }

    /**
     * The linear part of the backward step, the workshop's {@code linear_backward}, from dZ itself: used at the
     * output, where the loss and the activation give dZ = A − Y together.
     */
    public Matrix backwardFromZ(Matrix dZ) {
        return linearBackward(dZ);
    }

    /** {@link #backwardFromZ} without dA_prev, for a one-layer model (see {@link #backwardToParameters}). */
    public void backwardFromZToParameters(Matrix dZ) {
        linearGradients(dZ);
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

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation + ")";
    }
}
