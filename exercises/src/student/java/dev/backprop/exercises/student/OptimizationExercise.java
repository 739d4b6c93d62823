package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.exercises.sets.MiniBatch;
import dev.backprop.exercises.sets.Moments;
import dev.backprop.exercises.sets.OptimizerStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise set 6, optimization (the Introduction to Deep Learning deck's optimizers table and mini-batches; the DLS
 * assignment "Optimization Methods"): mini-batch gradient descent, momentum, Adam and learning-rate decay.
 * Parameters are W^[l], b^[l] for l = 1..L ({@code parameters.W(l)}); gradients dW^[l], db^[l]
 * ({@code grads.dW(l)}); a {@link Moments} holds one moving average per parameter, at index l − 1.
 */
public final class OptimizationExercise {

    private OptimizationExercise() {
    }

    /** Given: {@code A[:, index]}, the columns of A in the order of {@code index}. */
    public static Matrix columnsAt(Matrix A, int[] index) {
        double[][] a = A.toArray2D();
        double[][] out = new double[A.rows()][index.length];
        for (int i = 0; i < A.rows(); i++) {
            for (int j = 0; j < index.length; j++) {
                out[i][j] = a[i][index[j]];
            }
        }
        return Matrix.of(out);
    }

    /**
     * DLS: {@code random_mini_batches(X, Y, mini_batch_size, seed)}.
     * <pre>
     * np.random.seed(seed)
     * permutation = np.random.permutation(m)                     shuffle X and Y with the same permutation
     * shuffled_X = X[:, permutation],  shuffled_Y = Y[:, permutation]
     * mini-batch k: columns k·size .. (k+1)·size − 1, for k = 0 .. ⌊m / size⌋ − 1
     * the last one: the m mod size remaining columns, when there are any
     * </pre>
     * {@code new NumpyRandom(seed).permutation(m)} is {@code np.random.seed(seed); np.random.permutation(m)};
     * {@code A.columns(from, to)} is {@code A[:, from:to]}.
     */
    public static List<MiniBatch> randomMiniBatches(Matrix X, Matrix Y, int miniBatchSize, int seed) {
        int m = X.cols();
        List<MiniBatch> miniBatches = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 12 lines)
        // YOUR CODE ENDS HERE
        return miniBatches;
    }

    /**
     * DLS: {@code initialize_velocity(parameters)} (and the v and s of {@code initialize_adam}): zeros with the
     * shape of each parameter.
     * <pre>
     * v["dW" + l] = np.zeros(W^[l].shape),   v["db" + l] = np.zeros(b^[l].shape)      l = 1..L
     * </pre>
     */
    public static Moments initializeVelocity(DeepParameters parameters) {
        List<Matrix> dW = new ArrayList<>();
        List<Matrix> db = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 4 lines)
        // YOUR CODE ENDS HERE
        return new Moments(dW, db);
    }

    /**
     * DLS: {@code update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)}. For l = 1..L:
     * <pre>
     * v_dW = β v_dW + (1 − β) dW,     W = W − α v_dW
     * v_db = β v_db + (1 − β) db,     b = b − α v_db
     * </pre>
     */
    public static OptimizerStep updateParametersWithMomentum(DeepParameters parameters, DeepGradients grads,
                                                             Moments v, double beta, double learningRate) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Matrix> vdW = new ArrayList<>();
        List<Matrix> vdb = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 6 lines)
        // YOUR CODE ENDS HERE
        return new OptimizerStep(new DeepParameters(W, b), new Moments(vdW, vdb), null);
    }

    /**
     * DLS: {@code update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)}.
     * For each parameter θ with gradient g, l = 1..L:
     * <pre>
     * v = β₁ v + (1 − β₁) g           v̂ = v / (1 − β₁ᵗ)
     * s = β₂ s + (1 − β₂) g²          ŝ = s / (1 − β₂ᵗ)
     * θ = θ − α v̂ / (√ŝ + ε)
     * </pre>
     * The returned v and s are the uncorrected averages.
     */
    public static OptimizerStep updateParametersWithAdam(DeepParameters parameters, DeepGradients grads, Moments v,
                                                         Moments s, int t, double learningRate, double beta1,
                                                         double beta2, double epsilon) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        List<Matrix> vdW = new ArrayList<>();
        List<Matrix> vdb = new ArrayList<>();
        List<Matrix> sdW = new ArrayList<>();
        List<Matrix> sdb = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 12 lines)
        // YOUR CODE ENDS HERE
        return new OptimizerStep(new DeepParameters(W, b), new Moments(vdW, vdb), new Moments(sdW, sdb));
    }

    /** DLS: {@code update_lr(learning_rate0, epoch_num, decay_rate)}. α = α₀ / (1 + decay_rate · epoch_num). */
    public static double updateLr(double learningRate0, int epochNum, double decayRate) {
        // YOUR CODE STARTS HERE (≈ 1 line)
        double learningRate = 0;
        // YOUR CODE ENDS HERE
        return learningRate;
    }

    /**
     * DLS: {@code schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval)}: the same decay, in
     * steps. α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋).
     */
    public static double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
        // YOUR CODE STARTS HERE (≈ 1 line)
        double learningRate = 0;
        // YOUR CODE ENDS HERE
        return learningRate;
    }
}
