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
        // SOLUTION STARTS
        for (int l = 1; l <= parameters.L(); l++) {
            for (double v : parameters.W(l).toArray()) {
                values.add(v);
            }
            for (double v : parameters.b(l).toArray()) {
                values.add(v);
            }
        }
        // SOLUTION ENDS
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
        // SOLUTION STARTS
        int at = 0;
        for (int l = 1; l < layerDims.length; l++) {
            int rows = layerDims[l];
            int cols = layerDims[l - 1];
            W.add(Matrix.of(rows, cols, java.util.Arrays.copyOfRange(t, at, at + rows * cols)));
            at += rows * cols;
            b.add(Matrix.of(rows, 1, java.util.Arrays.copyOfRange(t, at, at + rows)));
            at += rows;
        }
        // SOLUTION ENDS
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
        // SOLUTION STARTS
        //> double difference = 0;
        double[] gradapprox = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            plus[i] += epsilon;
            double[] minus = theta.clone();
            minus[i] -= epsilon;
            double J_plus = cost(vectorToParameters(Matrix.column(plus), layerDims), X, Y);
            double J_minus = cost(vectorToParameters(Matrix.column(minus), layerDims), X, Y);
            gradapprox[i] = (J_plus - J_minus) / (2 * epsilon);
        }
        Matrix g = Matrix.column(grad);
        Matrix approx = Matrix.column(gradapprox);
        double numerator = Math.sqrt(g.minus(approx).square().sum());
        double denominator = Math.sqrt(g.square().sum()) + Math.sqrt(approx.square().sum());
        double difference = numerator / denominator;
        // SOLUTION ENDS
        return difference;
    }

    /**
     * Find the planted bugs: the names ("dW1", "db1", "dW2", ...) of the gradients, in that order, whose own
     * relative difference from the numerical gradient is above 2e-7 (check each parameter on its own).
     */
    public static List<String> wrongGradients(DeepParameters parameters, DeepGradients gradients, Matrix X,
                                              Matrix Y, double epsilon) {
        List<String> wrong = new ArrayList<>();
        // SOLUTION STARTS
        for (int l = 1; l <= parameters.L(); l++) {
            for (String name : List.of("dW", "db")) {
                Matrix p = name.equals("dW") ? parameters.W(l) : parameters.b(l);
                Matrix g = name.equals("dW") ? gradients.dW(l) : gradients.db(l);
                double[] theta = p.toArray();
                double[] approx = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    double saved = theta[i];
                    theta[i] = saved + epsilon;
                    double J_plus = cost(with(parameters, l, name, Matrix.of(p.rows(), p.cols(), theta)), X, Y);
                    theta[i] = saved - epsilon;
                    double J_minus = cost(with(parameters, l, name, Matrix.of(p.rows(), p.cols(), theta)), X, Y);
                    theta[i] = saved;
                    approx[i] = (J_plus - J_minus) / (2 * epsilon);
                }
                Matrix a = Matrix.of(p.rows(), p.cols(), approx);
                double difference = Math.sqrt(g.minus(a).square().sum())
                        / (Math.sqrt(g.square().sum()) + Math.sqrt(a.square().sum()));
                if (difference > 2e-7) {
                    wrong.add(name + l);
                }
            }
        }
        // SOLUTION ENDS
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
