package dev.backprop.core.train;

import dev.backprop.core.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * L2 regularisation ("weight decay"), DLS {@code compute_cost_with_regularization} and
 * {@code backward_propagation_with_regularization}, over every weight matrix W^[l] (not the biases):
 * <pre>
 * J_regularized = J + (λ / 2m) Σ_l Σ (W^[l])²
 * dW^[l]       += (λ / m) W^[l]
 * </pre>
 * m is the number of examples in the batch.
 */
public final class Regularization {

    private Regularization() {
    }

    /** (λ / 2m) Σ_l Σ (W^[l])² over the parameters marked as weights. */
    public static double l2Cost(List<Matrix> parameters, boolean[] weights, double lambda, int m) {
        double sum = 0;
        for (int i = 0; i < parameters.size(); i++) {
            if (weights[i]) {
                sum += parameters.get(i).square().sum();
            }
        }
        return lambda / (2.0 * m) * sum;
    }

    /** dW^[l] + (λ / m) W^[l] for the weights, the biases' gradients unchanged. */
    public static List<Matrix> l2Gradients(List<Matrix> parameters, List<Matrix> gradients, boolean[] weights,
                                           double lambda, int m) {
        List<Matrix> out = new ArrayList<>(gradients.size());
        for (int i = 0; i < gradients.size(); i++) {
            // dW += (λ/m) W
            out.add(weights[i] ? gradients.get(i).plus(parameters.get(i).times(lambda / m)) : gradients.get(i));
        }
        return out;
    }
}
