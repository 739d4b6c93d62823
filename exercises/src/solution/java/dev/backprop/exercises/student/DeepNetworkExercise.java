package dev.backprop.exercises.student;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.DeepNetwork.LayerGradients;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise set 4, the deep network step by step (the Intro to Deep Learning deck's "deep networks"; the DLS
 * assignment "Building your Deep Neural Network: Step by Step"): [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID.
 *
 * <p>Layers are numbered 1..L; in Java lists they sit at index l − 1 ({@code parameters.W(l)} reads W^[l]).
 * The activations and their backward steps are given below. Examples are columns: X is (n^[0], m).
 */
public final class DeepNetworkExercise {

    private DeepNetworkExercise() {
    }

    /** Given: A = σ(Z). */
    public static Matrix sigmoid(Matrix Z) {
        return new Sigmoid().forward(Z);
    }

    /** Given: A = max(0, Z). */
    public static Matrix relu(Matrix Z) {
        return new Relu().forward(Z);
    }

    /** Given (DLS {@code sigmoid_backward}): dZ = dA ⊙ σ(Z)(1 − σ(Z)). */
    public static Matrix sigmoidBackward(Matrix dA, Matrix Z) {
        return new Sigmoid().backward(dA, Z, sigmoid(Z));
    }

    /** Given (DLS {@code relu_backward}): dZ = dA where Z > 0, else 0. */
    public static Matrix reluBackward(Matrix dA, Matrix Z) {
        return new Relu().backward(dA, Z, relu(Z));
    }

    /**
     * Workshop: {@code initialize_parameters_deep(layer_dims)}, after {@code np.random.seed(3)}. For l = 1..L in turn:
     * <pre>
     * W^[l] = np.random.randn(n^[l], n^[l−1]) * 0.01     (n^[l], n^[l−1])
     * b^[l] = np.zeros((n^[l], 1))                       (n^[l], 1)
     * </pre>
     * {@code layerDims} holds n^[0], ..., n^[L].
     */
    public static DeepParameters initializeParametersDeep(int[] layerDims) {
        NumpyRandom random = new NumpyRandom(3);
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        // SOLUTION STARTS
        for (int l = 1; l < layerDims.length; l++) {
            W.add(random.randn(layerDims[l], layerDims[l - 1]).times(0.01));
            b.add(Matrix.zeros(layerDims[l], 1));
        }
        // SOLUTION ENDS
        return new DeepParameters(W, b);
    }

    /** Workshop: {@code linear_forward(A, W, b)}. Z = W · A + b       (n^[l], m). */
    public static Matrix linearForward(Matrix A, Matrix W, Matrix b) {
        // SOLUTION STARTS
        //> Matrix Z = null;
        Matrix Z = W.dot(A).plus(b);
        // SOLUTION ENDS
        return Z;
    }

    /**
     * Workshop: {@code linear_activation_forward(A_prev, W, b, activation)}: one layer, with "relu" or "sigmoid".
     * <pre>
     * Z = W · A_prev + b        (use linear_forward)
     * A = g(Z)
     * </pre>
     * Returns the layer's cache: {@code new LayerCache(A_prev, W, b, Z, A, g)} with g = {@code new Relu()} or
     * {@code new Sigmoid()}.
     */
    public static LayerCache linearActivationForward(Matrix A_prev, Matrix W, Matrix b, String activation) {
        // SOLUTION STARTS
        //> Matrix Z = null;
        //> Matrix A = null;
        //> Activation g = null;
        Matrix Z = linearForward(A_prev, W, b);
        Matrix A = activation.equals("relu") ? relu(Z) : sigmoid(Z);
        Activation g = activation.equals("relu") ? new Relu() : new Sigmoid();
        // SOLUTION ENDS
        return new LayerCache(A_prev, W, b, Z, A, g);
    }

    /**
     * Workshop: {@code L_model_forward(X, parameters)}: [LINEAR → RELU] × (L−1) → LINEAR → SIGMOID.
     * <pre>
     * A^[0] = X
     * for l = 1..L−1:  A^[l] = relu(W^[l] A^[l−1] + b^[l])
     * A^[L] = σ(W^[L] A^[L−1] + b^[L])
     * </pre>
     * Collect each layer's cache, in order.
     */
    public static DeepCaches lModelForward(Matrix X, DeepParameters parameters) {
        int L = parameters.L();
        List<LayerCache> caches = new ArrayList<>();
        // SOLUTION STARTS
        Matrix A = X;
        for (int l = 1; l < L; l++) {
            LayerCache cache = linearActivationForward(A, parameters.W(l), parameters.b(l), "relu");
            caches.add(cache);
            A = cache.A();
        }
        caches.add(linearActivationForward(A, parameters.W(L), parameters.b(L), "sigmoid"));
        // SOLUTION ENDS
        return new DeepCaches(caches);
    }

    /** Workshop: {@code compute_cost(AL, Y)}. J = −(1/m) Σ (Y log AL + (1 − Y) log(1 − AL)). */
    public static double computeCost(Matrix AL, Matrix Y) {
        int m = Y.cols();
        // SOLUTION STARTS
        //> double cost = 0;
        double cost = -Y.times(AL.log()).plus(Y.rminus(1).times(AL.rminus(1).log())).sum() / m;
        // SOLUTION ENDS
        return cost;
    }

    /**
     * Workshop: {@code linear_backward(dZ, cache)}.
     * <pre>
     * dW = (1/m) dZ · A_prevᵀ        (n^[l], n^[l−1])
     * db = (1/m) Σ_columns dZ        (n^[l], 1)
     * dA_prev = Wᵀ · dZ              (n^[l−1], m)
     * </pre>
     */
    public static LayerGradients linearBackward(Matrix dZ, LayerCache cache) {
        Matrix A_prev = cache.A_prev();
        Matrix W = cache.W();
        int m = A_prev.cols();
        // SOLUTION STARTS
        //> Matrix dA_prev = null;
        //> Matrix dW = null;
        //> Matrix db = null;
        Matrix dW = dZ.dot(A_prev.T()).times(1.0 / m);
        Matrix db = dZ.sum(1).times(1.0 / m);
        Matrix dA_prev = W.T().dot(dZ);
        // SOLUTION ENDS
        return new LayerGradients(dA_prev, dW, db);
    }

    /**
     * Workshop: {@code linear_activation_backward(dA, cache, activation)}: dZ = g′ applied to dA ("relu" or
     * "sigmoid", with the given backward steps), then linear_backward(dZ, cache).
     */
    public static LayerGradients linearActivationBackward(Matrix dA, LayerCache cache, String activation) {
        // SOLUTION STARTS
        //> LayerGradients grads = null;
        Matrix dZ = activation.equals("relu") ? reluBackward(dA, cache.Z()) : sigmoidBackward(dA, cache.Z());
        LayerGradients grads = linearBackward(dZ, cache);
        // SOLUTION ENDS
        return grads;
    }

    /**
     * Workshop: {@code L_model_backward(AL, Y, caches)}.
     * <pre>
     * dAL = −(Y/AL − (1 − Y)/(1 − AL))
     * layer L (sigmoid):       dA^[L−1], dW^[L], db^[L] = linear_activation_backward(dAL, cache^[L])
     * l = L−1..1 (relu):       dA^[l−1], dW^[l], db^[l] = linear_activation_backward(dA^[l], cache^[l])
     * </pre>
     * Fill the arrays at index l − 1 for dW^[l] and db^[l], and at index l for dA^[l] (l = 0..L−1).
     */
    public static DeepGradients lModelBackward(Matrix AL, Matrix Y, DeepCaches caches) {
        int L = caches.L();
        Matrix[] dA = new Matrix[L];
        Matrix[] dW = new Matrix[L];
        Matrix[] db = new Matrix[L];
        // SOLUTION STARTS
        Matrix dAL = Y.div(AL).minus(Y.rminus(1).div(AL.rminus(1))).negate();
        LayerGradients grads = linearActivationBackward(dAL, caches.layer(L), "sigmoid");
        dA[L - 1] = grads.dA_prev();
        dW[L - 1] = grads.dW();
        db[L - 1] = grads.db();
        for (int l = L - 1; l >= 1; l--) {
            grads = linearActivationBackward(dA[l], caches.layer(l), "relu");
            dA[l - 1] = grads.dA_prev();
            dW[l - 1] = grads.dW();
            db[l - 1] = grads.db();
        }
        // SOLUTION ENDS
        return new DeepGradients(List.of(dA), List.of(dW), List.of(db));
    }

    /**
     * Workshop: {@code update_parameters(parameters, grads, learning_rate)}.
     * <pre>
     * W^[l] = W^[l] − α dW^[l],   b^[l] = b^[l] − α db^[l]     for l = 1..L
     * </pre>
     */
    public static DeepParameters updateParameters(DeepParameters parameters, DeepGradients grads,
                                                  double learningRate) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        // SOLUTION STARTS
        for (int l = 1; l <= parameters.L(); l++) {
            W.add(parameters.W(l).minus(grads.dW(l).times(learningRate)));
            b.add(parameters.b(l).minus(grads.db(l).times(learningRate)));
        }
        // SOLUTION ENDS
        return new DeepParameters(W, b);
    }
}
