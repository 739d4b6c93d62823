package dev.backprop.core.optim;

import dev.backprop.core.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain gradient descent, the workshop's {@code update_parameters}: θ := θ − α dθ for every parameter. It keeps no
 * state, so it gives bit for bit the numbers of {@code DeepNetwork.updateParameters}.
 */
public final class GradientDescent implements Optimizer {

    private final double learningRate;

    /** Gradient descent with learning rate α. */
    public GradientDescent(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("gradient descent: learning rate must be a positive number, got "
                    + learningRate);
        }
        this.learningRate = learningRate;
    }

    @Override
    public String name() {
        return "gd";
    }

    @Override
    public List<Matrix> update(List<Matrix> parameters, List<Matrix> gradients) {
        if (parameters.size() != gradients.size()) {
            throw new IllegalArgumentException("gradient descent: " + parameters.size() + " parameters but "
                    + gradients.size() + " gradients");
        }
        List<Matrix> updated = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            // θ := θ − α dθ
            updated.add(parameters.get(i).minus(gradients.get(i).times(learningRate)));
        }
        return updated;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }
}
