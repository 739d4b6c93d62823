package dev.backprop.exercises.student;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise set 5, gradient checking (the DLS assignment "Gradient Checking"). A backward pass is easy to get
 * subtly wrong; the numerical gradient is slow but hard to get wrong, so compare the two:
 * <pre>
 * gradapprox_i = (J(θ + ε e_i) − J(θ − ε e_i)) / (2ε)
 * difference   = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)       below 2e-7: the backward pass is right
 * </pre>
 * The network is the workshop's [LINEAR → RELU] × 2 → LINEAR → SIGMOID; its cost J is given ({@link #cost}).
 * {@link #plantedBugBackward} is a backward pass with bugs in it: find them with your gradient check.
 */
public final class GradientCheckExercise {

    private GradientCheckExercise() {
    }

    /** Given: J(θ), the network's cross-entropy cost (DLS {@code forward_propagation_n}). */
    public static double cost(DeepParameters parameters, Matrix X, Matrix Y) {
        return DeepNetwork.computeCost(DeepNetwork.lModelForward(X, parameters).AL(), Y);
    }

    /** Given: a backward pass with planted bugs (DLS {@code backward_propagation_n}). Which gradients are wrong? */
    public static DeepGradients plantedBugBackward(DeepParameters parameters, Matrix X, Matrix Y) {
        DeepNetwork.DeepCaches caches = DeepNetwork.lModelForward(X, parameters);
        DeepGradients g = DeepNetwork.lModelBackward(caches.AL(), Y, caches);
        List<Matrix> dW = new ArrayList<>(g.dW());
        List<Matrix> db = new ArrayList<>(g.db());
        dW.set(1, dW.get(1).times(2));
        db.set(0, db.get(0).times(4));
        return new DeepGradients(g.dA(), dW, db);
    }

    /**
     * DLS: {@code dictionary_to_vector(parameters)}: θ, every parameter in one column vector (n, 1), in the order
     * W1, b1, W2, b2, ..., each matrix read row by row (numpy's {@code np.reshape(W, (-1, 1))}).
     */
    public static Matrix parametersToVector(DeepParameters parameters) {
        List<Double> values = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 8 lines)
        // YOUR CODE ENDS HERE
        return Matrix.column(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * DLS: {@code vector_to_dictionary(theta)}: the inverse of {@link #parametersToVector}, for layer sizes
     * {@code layerDims} = n^[0], ..., n^[L] (W^[l] is (n^[l], n^[l−1]), b^[l] is (n^[l], 1)).
     */
    public static DeepParameters vectorToParameters(Matrix theta, int[] layerDims) {
        double[] t = theta.toArray();
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 9 lines)
        // YOUR CODE ENDS HERE
        return new DeepParameters(W, b);
    }

    /**
     * DLS: {@code gradient_check_n(parameters, gradients, X, Y, epsilon)}: the relative difference between the
     * gradients (dW1, db1, dW2, ... as one vector) and the numerical gradient of {@link #cost}.
     * <pre>
     * for each i:  J_plus[i]  = J(θ with θ_i + ε),   J_minus[i] = J(θ with θ_i − ε)
     *              gradapprox[i] = (J_plus[i] − J_minus[i]) / (2ε)
     * difference = ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)
     * </pre>
     */
    public static double gradientCheckN(DeepParameters parameters, DeepGradients gradients, Matrix X, Matrix Y,
                                        double epsilon, int[] layerDims) {
        double[] theta = parametersToVector(parameters).toArray();
        double[] grad = parametersToVector(new DeepParameters(gradients.dW(), gradients.db())).toArray();
        // YOUR CODE STARTS HERE (≈ 15 lines)
        double difference = 0;
        // YOUR CODE ENDS HERE
        return difference;
    }

    /**
     * Find the planted bugs: the names ("dW1", "db1", "dW2", ...) of the gradients, in that order, whose own
     * relative difference from the numerical gradient is above 2e-7 (check each parameter on its own).
     */
    public static List<String> wrongGradients(DeepParameters parameters, DeepGradients gradients, Matrix X,
                                              Matrix Y, double epsilon) {
        List<String> wrong = new ArrayList<>();
        // YOUR CODE STARTS HERE (≈ 23 lines)
        // YOUR CODE ENDS HERE
        return wrong;
    }

    /** Given: the parameters with W^[l] (name "dW") or b^[l] (name "db") replaced. */
    public static DeepParameters with(DeepParameters parameters, int l, String name, Matrix value) {
        List<Matrix> W = new ArrayList<>(parameters.weights());
        List<Matrix> b = new ArrayList<>(parameters.biases());
        (name.equals("dW") ? W : b).set(l - 1, value);
        return new DeepParameters(W, b);
    }
}
