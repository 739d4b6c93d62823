package dev.backprop.core.loss;

import dev.backprop.core.matrix.Matrix;

/**
 * A loss ℒ(ŷ, y) at the output of a network. The prediction AL = ŷ and the labels Y are (n, m): n outputs for each
 * of m examples, examples as columns (Keras puts examples in rows; its documented examples appear transposed in
 * the tests).
 * <pre>
 * loss(AL, Y)     = ℒ⁽ʲ⁾ = ℒ(ŷ⁽ʲ⁾, y⁽ʲ⁾) for each example j         (1, m)    Keras: reduction 'none'
 * cost(AL, Y)     = J = (1/m) Σⱼ ℒ⁽ʲ⁾                                scalar    Keras: 'sum_over_batch_size'
 * gradient(AL, Y) = dAL = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾ for each column j = m ∂J/∂AL   (n, m)
 * </pre>
 * The gradient has no 1/m: as in the workshop's {@code dAL = −(Y/AL − (1 − Y)/(1 − AL))}, the 1/m is applied
 * once, in {@code linear_backward}'s dW and db.
 *
 * <p>Where a formula takes a logarithm or divides by the prediction, the prediction is first clipped with
 * {@link #EPSILON}, the same way in the value and in the gradient: the gradient is the formula evaluated at the
 * clipped prediction. (Where the clip is active the derivative of the clipped value would be 0 and freeze a
 * saturated unit; the formula at the clip keeps pushing it back, as the workshop's dAL does.) Each class says
 * which clip it uses.
 */
public interface Loss {

    /** The ε of the clips, Keras's {@code backend.epsilon()}. */
    double EPSILON = 1e-7;

    /** ℒ⁽ʲ⁾ for each example: a row vector (1, m). */
    Matrix loss(Matrix AL, Matrix Y);

    /** J = (1/m) Σⱼ ℒ⁽ʲ⁾, the mean of {@link #loss}. */
    default double cost(Matrix AL, Matrix Y) {
        return loss(AL, Y).mean();
    }

    /** dAL = ∂ℒ⁽ʲ⁾/∂ŷ⁽ʲ⁾ column by column, the shape of AL (n, m); m times ∂J/∂AL. */
    Matrix gradient(Matrix AL, Matrix Y);

    /**
     * Rejects labels outside this loss's domain (binary cross-entropy: 0 ≤ y ≤ 1; sparse labels: integers
     * 0 ≤ y &lt; n_classes), naming the first bad example and its value, never the whole Y. The training loop calls
     * it once per fit, the workshop's {@code compute_cost} once per call. By default every finite label is valid.
     *
     * @param outputs the number of output rows n of AL
     */
    default void checkLabels(Matrix Y, int outputs) {
    }
}
