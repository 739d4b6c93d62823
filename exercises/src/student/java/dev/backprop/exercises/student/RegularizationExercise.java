package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.exercises.sets.DropoutResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise set 7, regularization against overfitting (the Introduction to Deep Learning deck: overfitting,
 * dropout; the DLS assignment "Regularization"): the L2 penalty, and inverted dropout. The network is the deep
 * set's [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID; its plain cost and backward pass are given.
 */
public final class RegularizationExercise {

    private RegularizationExercise() {
    }

    /** Given: the plain cross-entropy cost, −(1/m) Σ (Y log AL + (1 − Y) log(1 − AL)). */
    public static double crossEntropyCost(Matrix AL, Matrix Y) {
        return DeepNetwork.computeCost(AL, Y);
    }

    /** Given: the plain backward pass, {@code L_model_backward(AL, Y, caches)}. */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, DeepCaches caches) {
        return DeepNetwork.lModelBackward(AL, Y, caches);
    }

    /**
     * DLS: {@code compute_cost_with_regularization(A3, Y, parameters, lambd)}.
     * <pre>
     * J = cross-entropy cost + (λ / 2m) Σ_l ‖W^[l]‖²        ‖W‖² = Σ_ij W_ij², the squared Frobenius norm
     * </pre>
     * The biases are not penalised.
     */
    public static double computeCostWithRegularization(Matrix AL, Matrix Y, DeepParameters parameters,
                                                       double lambd) {
        int m = Y.cols();
        // YOUR CODE STARTS HERE (≈ 5 lines)
        double cost = 0;
        // YOUR CODE ENDS HERE
        return cost;
    }

    /**
     * DLS: {@code backward_propagation_with_regularization(X, Y, cache, lambd)}: the plain gradients, with the
     * penalty's gradient added to each dW.
     * <pre>
     * dW^[l] = (plain dW^[l]) + (λ/m) W^[l]        db^[l] and dA^[l] unchanged
     * </pre>
     */
    public static DeepGradients backwardPropagationWithRegularization(Matrix AL, Matrix Y, DeepCaches caches,
                                                                      DeepParameters parameters, double lambd) {
        int m = Y.cols();
        DeepGradients plain = lModelBackward(AL, Y, caches);
        List<Matrix> dW = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 3 lines)
        // YOUR CODE ENDS HERE
        return new DeepGradients(plain.dA(), dW, plain.db());
    }

    /**
     * Inverted dropout, forward (DLS {@code forward_propagation_with_dropout}, one layer), after
     * {@code np.random.seed(seed)}:
     * <pre>
     * D = np.random.rand(A.shape[0], A.shape[1]) < keep_prob      the mask: 1 keeps a unit
     * A = A * D / keep_prob                                       rescaled, so the expected value stays the same
     * </pre>
     * {@code new NumpyRandom(seed).rand(rows, cols)} is numpy's {@code rand}; {@code B.lt(p)} is {@code B < p}.
     */
    public static DropoutResult dropoutForward(Matrix A, double keepProb, int seed) {
        // YOUR CODE STARTS HERE (≈ 2 lines)
        Matrix D = null;
        Matrix A_dropped = null;
        // YOUR CODE ENDS HERE
        return new DropoutResult(A_dropped, D);
    }

    /**
     * Inverted dropout, backward (DLS {@code backward_propagation_with_dropout}): the same mask and scale.
     * <pre>
     * dA = dA * D / keep_prob
     * </pre>
     */
    public static Matrix dropoutBackward(Matrix dA, Matrix D, double keepProb) {
        // YOUR CODE STARTS HERE (≈ 1 line)
        Matrix dA_prev = null;
        // YOUR CODE ENDS HERE
        return dA_prev;
    }
}
