package dev.backprop.core.loss;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;

/**
 * Whether a loss can read what the output layer gives: binary cross-entropy reads sigmoid probabilities, a
 * categorical loss a softmax over the classes. Keras trains either way, and then silently learns nothing or nonsense.
 */
public final class OutputCheck {

    private OutputCheck() {
    }

    /**
     * @param operation   the function that asks, for the message: {@code compile}, {@code Architecture}
     * @param outputLayer how the message names the output layer, for example {@code Dense(1, relu)}
     * @throws IllegalArgumentException naming the loss and the output layer when the loss cannot read it
     */
    public static void requireReadable(String operation, Loss loss, Activation output, String outputLayer) {
        Loss read = loss instanceof ClassWeightedLoss weighted ? weighted.unweighted() : loss;
        if (read instanceof BinaryCrossEntropy && !(output instanceof Sigmoid)) {
            throw new IllegalArgumentException(operation + ": " + read + " reads sigmoid probabilities, but the output"
                    + " layer " + outputLayer + " is not a sigmoid");
        }
        if (read instanceof CategoricalLoss && !(output instanceof Softmax)) {
            throw new IllegalArgumentException(operation + ": " + read + " reads a softmax over the classes, but the"
                    + " output layer " + outputLayer + " is not one");
        }
    }
}
