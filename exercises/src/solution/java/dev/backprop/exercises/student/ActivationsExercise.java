package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;

/**
 * Exercise set 1, activations and their derivatives (the Intro to Deep Learning deck's "Derivatives for activation
 * functions", and the Multi-layer Perceptron deck's leaky ReLU; ELU and softmax as Keras defines them).
 *
 * <p>Each activation has a forward function A = g(Z) and a backward function that turns dA = ∂L/∂A into
 * dZ = ∂L/∂Z, as the DLS assignments' {@code sigmoid_backward(dA, cache)} does. Z is (n, m), examples are columns.
 * Useful {@code Matrix} methods: {@code exp()}, {@code tanh()}, {@code negate()}, {@code plus/minus/times/div}
 * (a matrix or a number), {@code rminus(1)} (1 − Z), {@code rdiv(1)} (1 / Z), {@code maximum(0)}, {@code gt(0)}
 * and {@code le(0)} (masks of 0/1), {@code max(0)} and {@code sum(0)} (per column, keepdims).
 */
public final class ActivationsExercise {

    private ActivationsExercise() {
    }

    /** Workshop: {@code sigmoid(Z)}. A = σ(Z) = 1 / (1 + e^(−Z)). */
    public static Matrix sigmoid(Matrix Z) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix A = Z.negate().exp().plus(1).rdiv(1);
        // SOLUTION ENDS
        return A;
    }

    /** DLS: {@code sigmoid_backward(dA, cache)}. dZ = dA ⊙ σ′(Z), σ′(Z) = s (1 − s) with s = σ(Z). */
    public static Matrix sigmoidBackward(Matrix dA, Matrix Z) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix s = sigmoid(Z);
        Matrix dZ = dA.times(s.times(s.rminus(1)));
        // SOLUTION ENDS
        return dZ;
    }

    /** A = tanh(Z) = (e^Z − e^(−Z)) / (e^Z + e^(−Z)). */
    public static Matrix tanh(Matrix Z) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix A = Z.tanh();
        // SOLUTION ENDS
        return A;
    }

    /** dZ = dA ⊙ tanh′(Z), tanh′(Z) = 1 − tanh²(Z). */
    public static Matrix tanhBackward(Matrix dA, Matrix Z) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix A = Z.tanh();
        Matrix dZ = dA.times(A.times(A).rminus(1));
        // SOLUTION ENDS
        return dZ;
    }

    /** DLS: {@code relu(Z)}. A = max(0, Z). */
    public static Matrix relu(Matrix Z) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix A = Z.maximum(0);
        // SOLUTION ENDS
        return A;
    }

    /** DLS: {@code relu_backward(dA, cache)}. dZ = dA where Z > 0, else 0 (ReLU′ is 1 or 0). */
    public static Matrix reluBackward(Matrix dA, Matrix Z) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix dZ = dA.times(Z.gt(0));
        // SOLUTION ENDS
        return dZ;
    }

    /** Leaky ReLU (Multi-layer Perceptron deck): A = Z where Z > 0, else αZ. */
    public static Matrix leakyRelu(Matrix Z, double alpha) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix A = Z.maximum(Z.times(alpha));
        // SOLUTION ENDS
        return A;
    }

    /** dZ = dA ⊙ g′(Z), g′(Z) = 1 where Z > 0, else α. */
    public static Matrix leakyReluBackward(Matrix dA, Matrix Z, double alpha) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix slope = Z.gt(0).plus(Z.le(0).times(alpha));
        Matrix dZ = dA.times(slope);
        // SOLUTION ENDS
        return dZ;
    }

    /** ELU: A = Z where Z > 0, else α (e^Z − 1). */
    public static Matrix elu(Matrix Z, double alpha) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix A = Z.gt(0).times(Z).plus(Z.le(0).times(Z.exp().minus(1).times(alpha)));
        // SOLUTION ENDS
        return A;
    }

    /** dZ = dA ⊙ g′(Z), g′(Z) = 1 where Z > 0, else α e^Z. */
    public static Matrix eluBackward(Matrix dA, Matrix Z, double alpha) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix slope = Z.gt(0).plus(Z.le(0).times(Z.exp().times(alpha)));
        Matrix dZ = dA.times(slope);
        // SOLUTION ENDS
        return dZ;
    }

    /**
     * Softmax, column by column: aᵢ = e^(zᵢ) / Σₖ e^(zₖ). Shift each column by its maximum first (softmax(z) =
     * softmax(z − c)), so e^z cannot overflow.
     */
    public static Matrix softmax(Matrix Z) {
        // SOLUTION STARTS
        //> Matrix A = null;
        Matrix E = Z.minus(Z.max(0)).exp();
        Matrix A = E.div(E.sum(0));
        // SOLUTION ENDS
        return A;
    }

    /**
     * The softmax's backward step: its Jacobian diag(a) − a aᵀ applied to each column of dA, which simplifies to
     * dZ = A ⊙ (dA − Σ_classes(dA ⊙ A)) with A = softmax(Z). Not elementwise: every class's dA reaches every zᵢ.
     */
    public static Matrix softmaxBackward(Matrix dA, Matrix Z) {
        // SOLUTION STARTS
        //> Matrix dZ = null;
        Matrix A = softmax(Z);
        Matrix dZ = A.times(dA.minus(dA.times(A).sum(0)));
        // SOLUTION ENDS
        return dZ;
    }
}
