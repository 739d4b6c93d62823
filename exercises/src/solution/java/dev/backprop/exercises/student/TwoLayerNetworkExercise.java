package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.LayerSizes;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import dev.backprop.core.random.NumpyRandom;

/**
 * Exercise set 2, the two-layer network ("The Algorithm" of the Intro to Deep Learning deck):
 * LINEAR → TANH → LINEAR → SIGMOID, trained by gradient descent on the cross-entropy cost.
 *
 * <p>Fill in each region between {@code YOUR CODE STARTS HERE} and {@code YOUR CODE ENDS HERE}, then run
 * {@code ./workshop check two-layer}. Examples are columns: X is (n_x, m), Y is (1, m). {@code Matrix} reads like
 * numpy: {@code W.dot(A).plus(b)} is {@code np.dot(W, A) + b}, {@code A.T()} is {@code A.T},
 * {@code dZ.sum(1)} is {@code np.sum(dZ, axis=1, keepdims=True)}, {@code A.times(B)} is {@code A * B}.
 */
public final class TwoLayerNetworkExercise {

    private TwoLayerNetworkExercise() {
    }

    /**
     * Workshop: {@code layer_sizes(X, Y)}.
     * <pre>
     * n_x = X.shape[0]    the size of the input layer
     * n_h = 4             the size of the hidden layer (hard-coded, as in the workshop)
     * n_y = Y.shape[0]    the size of the output layer
     * </pre>
     */
    public static LayerSizes layerSizes(Matrix X, Matrix Y) {
        // SOLUTION STARTS
        //> int n_x = 0;
        //> int n_h = 0;
        //> int n_y = 0;
        int n_x = X.rows();
        int n_h = 4;
        int n_y = Y.rows();
        // SOLUTION ENDS
        return new LayerSizes(n_x, n_h, n_y);
    }

    /**
     * Workshop: {@code initialize_parameters(n_x, n_h, n_y)}, after {@code np.random.seed(2)}.
     * <pre>
     * W1 = np.random.randn(n_h, n_x) * 0.01     (n_h, n_x)
     * b1 = np.zeros((n_h, 1))                   (n_h, 1)
     * W2 = np.random.randn(n_y, n_h) * 0.01     (n_y, n_h)
     * b2 = np.zeros((n_y, 1))                   (n_y, 1)
     * </pre>
     * {@code new NumpyRandom(2)} is {@code np.random.seed(2)}; its {@code randn(rows, cols)} draws as numpy does.
     */
    public static Parameters initializeParameters(int n_x, int n_h, int n_y) {
        NumpyRandom random = new NumpyRandom(2);
        // SOLUTION STARTS
        //> Matrix W1 = null;
        //> Matrix b1 = null;
        //> Matrix W2 = null;
        //> Matrix b2 = null;
        Matrix W1 = random.randn(n_h, n_x).times(0.01);
        Matrix b1 = Matrix.zeros(n_h, 1);
        Matrix W2 = random.randn(n_y, n_h).times(0.01);
        Matrix b2 = Matrix.zeros(n_y, 1);
        // SOLUTION ENDS
        return new Parameters(W1, b1, W2, b2);
    }

    /**
     * Workshop: {@code forward_propagation(X, parameters)}.
     * <pre>
     * Z1 = W1 · X + b1      (n_h, m)
     * A1 = tanh(Z1)         (n_h, m)
     * Z2 = W2 · A1 + b2     (n_y, m)
     * A2 = σ(Z2)            (n_y, m)
     * </pre>
     * {@code Z1.tanh()} is {@code np.tanh(Z1)}; {@link #sigmoid} is given.
     */
    public static Cache forwardPropagation(Matrix X, Parameters parameters) {
        Matrix W1 = parameters.W1();
        Matrix b1 = parameters.b1();
        Matrix W2 = parameters.W2();
        Matrix b2 = parameters.b2();
        // SOLUTION STARTS
        //> Matrix Z1 = null;
        //> Matrix A1 = null;
        //> Matrix Z2 = null;
        //> Matrix A2 = null;
        Matrix Z1 = W1.dot(X).plus(b1);
        Matrix A1 = Z1.tanh();
        Matrix Z2 = W2.dot(A1).plus(b2);
        Matrix A2 = sigmoid(Z2);
        // SOLUTION ENDS
        return new Cache(Z1, A1, Z2, A2);
    }

    /** Workshop: {@code sigmoid(z)} = 1 / (1 + e^(−z)). Given. */
    public static Matrix sigmoid(Matrix z) {
        return z.negate().exp().plus(1).rdiv(1);
    }

    /**
     * Workshop: {@code compute_cost(A2, Y, parameters)}, the cross-entropy cost.
     * <pre>
     * logprobs = log(A2) ⊙ Y + (1 − Y) ⊙ log(1 − A2)     (1, m)
     * cost     = −(1/m) Σ logprobs                        a number
     * </pre>
     * {@code A.log()} is {@code np.log(A)}, {@code A.rminus(1)} is {@code 1 - A}, {@code A.sum()} is {@code np.sum(A)}.
     */
    public static double computeCost(Matrix A2, Matrix Y) {
        int m = Y.cols();
        // SOLUTION STARTS
        //> double cost = 0;
        Matrix logprobs = A2.log().times(Y).plus(Y.rminus(1).times(A2.rminus(1).log()));
        double cost = -logprobs.sum() / m;
        // SOLUTION ENDS
        return cost;
    }

    /**
     * Workshop: {@code backward_propagation(parameters, cache, X, Y)}.
     * <pre>
     * dZ2 = A2 − Y                        (n_y, m)
     * dW2 = (1/m) dZ2 · A1ᵀ               (n_y, n_h)
     * db2 = (1/m) Σ_columns dZ2           (n_y, 1)     np.sum(dZ2, axis=1, keepdims=True)
     * dZ1 = W2ᵀ · dZ2 ⊙ (1 − A1²)         (n_h, m)     tanh′(Z1) = 1 − A1²
     * dW1 = (1/m) dZ1 · Xᵀ                (n_h, n_x)
     * db1 = (1/m) Σ_columns dZ1           (n_h, 1)
     * </pre>
     */
    public static Gradients backwardPropagation(Parameters parameters, Cache cache, Matrix X, Matrix Y) {
        int m = X.cols();
        Matrix W2 = parameters.W2();
        Matrix A1 = cache.A1();
        Matrix A2 = cache.A2();
        // SOLUTION STARTS
        //> Matrix dW1 = null;
        //> Matrix db1 = null;
        //> Matrix dW2 = null;
        //> Matrix db2 = null;
        Matrix dZ2 = A2.minus(Y);
        Matrix dW2 = dZ2.dot(A1.T()).times(1.0 / m);
        Matrix db2 = dZ2.sum(1).times(1.0 / m);
        Matrix dZ1 = W2.T().dot(dZ2).times(A1.power(2).rminus(1));
        Matrix dW1 = dZ1.dot(X.T()).times(1.0 / m);
        Matrix db1 = dZ1.sum(1).times(1.0 / m);
        // SOLUTION ENDS
        return new Gradients(dW1, db1, dW2, db2);
    }

    /**
     * Workshop: {@code update_parameters(parameters, grads, learning_rate)}, one step of gradient descent.
     * <pre>
     * θ = θ − α dθ      for θ in W1, b1, W2, b2
     * </pre>
     */
    public static Parameters updateParameters(Parameters parameters, Gradients grads, double learningRate) {
        // SOLUTION STARTS
        //> Matrix W1 = null;
        //> Matrix b1 = null;
        //> Matrix W2 = null;
        //> Matrix b2 = null;
        Matrix W1 = parameters.W1().minus(grads.dW1().times(learningRate));
        Matrix b1 = parameters.b1().minus(grads.db1().times(learningRate));
        Matrix W2 = parameters.W2().minus(grads.dW2().times(learningRate));
        Matrix b2 = parameters.b2().minus(grads.db2().times(learningRate));
        // SOLUTION ENDS
        return new Parameters(W1, b1, W2, b2);
    }

    /**
     * Workshop: {@code nn_model(X, Y, n_h, num_iterations, print_cost)} with learning rate 1.2: initialise (with
     * n_x and n_y from {@link #layerSizes}), then repeat forward propagation, cost, backward propagation and
     * update. Prints {@code Cost after iteration i: ...} every 1000 iterations when {@code printCost}.
     */
    public static Parameters nnModel(Matrix X, Matrix Y, int n_h, int numIterations, boolean printCost) {
        LayerSizes sizes = layerSizes(X, Y);
        // SOLUTION STARTS
        //> Parameters parameters = null;
        Parameters parameters = initializeParameters(sizes.n_x(), n_h, sizes.n_y());
        for (int i = 0; i < numIterations; i++) {
            Cache cache = forwardPropagation(X, parameters);
            double cost = computeCost(cache.A2(), Y);
            Gradients grads = backwardPropagation(parameters, cache, X, Y);
            parameters = updateParameters(parameters, grads, 1.2);
            if (printCost && i % 1000 == 0) {
                System.out.printf("Cost after iteration %d: %f%n", i, cost);
            }
        }
        // SOLUTION ENDS
        return parameters;
    }

    /**
     * Workshop: {@code predict(parameters, X)}: 1 where A2 > 0.5, else 0, as a (1, m) matrix.
     * <pre>
     * A2, cache = forward_propagation(X, parameters)
     * predictions = (A2 > 0.5)
     * </pre>
     * {@code A.gt(0.5)} is {@code A > 0.5} as 0/1.
     */
    public static Matrix predict(Parameters parameters, Matrix X) {
        // SOLUTION STARTS
        //> Matrix predictions = null;
        Matrix predictions = forwardPropagation(X, parameters).A2().gt(0.5);
        // SOLUTION ENDS
        return predictions;
    }
}
