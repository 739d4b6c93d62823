package dev.backprop.benchmarks;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.train.Sequential;
import java.util.SplittableRandom;

/**
 * One epoch of mini-batch gradient descent for an MLP 784-128-10 (ReLU, softmax, categorical cross-entropy) on
 * random data shaped like MNIST, X (784, 60 000) and one-hot Y (10, 60 000), batches of 64 consecutive columns:
 * {@code Sequential.fit} with the training toolkit's loop, as PyTorch's side trains {@code nn.Sequential} (which
 * computes no ∂J/∂X either).
 */
public final class MlpEpoch {

    static final int N_X = 784;
    static final int N_H = 128;
    static final int N_Y = 10;
    static final int M = 60_000;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 0.1;

    final Sequential model = Sequential.of(
                    new Dense(N_H, new Relu(), Initializer.he()),
                    new Dense(N_Y, new Softmax(), Initializer.he()))
            .compile(new CategoricalCrossEntropy(), new GradientDescent(LEARNING_RATE));
    final Matrix X;
    final Matrix Y;

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
        // fit moves the weights to X's backend
        model.build(N_X, 3);
    }

    /** One pass over the 60 000 examples; returns the epoch's mean cost. */
    double epoch() {
        return model.fit(X, Y, 1, BATCH).last("loss");
    }
}
