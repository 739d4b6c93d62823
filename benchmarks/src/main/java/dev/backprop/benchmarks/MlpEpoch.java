package dev.backprop.benchmarks;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import java.util.SplittableRandom;

/**
 * One epoch of mini-batch gradient descent for an MLP 784-128-10 (ReLU, softmax, categorical cross-entropy) on
 * random data shaped like MNIST, X (784, 60 000) and one-hot Y (10, 60 000), batches of 64 columns, driven from
 * here with the {@code DeepNetwork} functions: for each batch, {@code X[:, k:k+64]}, forward, backward, update.
 */
public final class MlpEpoch {

    static final int N_X = 784;
    static final int N_H = 128;
    static final int N_Y = 10;
    static final int M = 60_000;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 0.1;

    final Architecture architecture = Architecture.of(new int[] {N_X, N_H, N_Y}, new Relu(), new Softmax(),
            new CategoricalCrossEntropy());
    final Matrix X;
    final Matrix Y;
    DeepParameters parameters;

    /**
     * Random data (X uniform in [−1, 1), uniformly drawn classes) moved to {@code backend} as the MNIST loader hands
     * its 376 MB over: the filled array becomes a CPU matrix as it is, and {@code to} a CPU backend shares it.
     */
    MlpEpoch(Backend backend) {
        SplittableRandom random = new SplittableRandom(1);
        double[] x = new double[N_X * M];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        double[] y = new double[N_Y * M];
        for (int j = 0; j < M; j++) {
            y[random.nextInt(N_Y) * M + j] = 1;
        }
        X = Matrix.wrap(Backends.cpu(), N_X, M, x).to(backend);
        Y = Matrix.wrap(Backends.cpu(), N_Y, M, y).to(backend);
        parameters = DeepNetwork.initializeParametersDeep(architecture, Initialization.HE, 3).to(backend);
    }

    /** One pass over the 60 000 examples; returns the last batch's cost. */
    double epoch() {
        double cost = Double.NaN;
        for (int k = 0; k < M; k += BATCH) {
            int end = Math.min(M, k + BATCH);
            Matrix Xb = X.columns(k, end);
            Matrix Yb = Y.columns(k, end);
            DeepCaches caches = DeepNetwork.lModelForward(Xb, parameters, architecture.activations());
            Matrix AL = caches.AL();
            DeepGradients grads = DeepNetwork.lModelBackward(AL, Yb, caches, architecture.loss());
            parameters = DeepNetwork.updateParameters(parameters, grads, LEARNING_RATE);
            if (end == M) {
                cost = DeepNetwork.computeCost(AL, Yb, architecture.loss());
            }
        }
        return cost;
    }
}
