package dev.backprop.core.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Matrix;
import org.junit.jupiter.api.Test;

class ClassWeightedLossTests {

    private static final Matrix AL = Matrix.row(0.9, 0.2, 0.7, 0.4);
    private static final Matrix Y = Matrix.row(1, 0, 1, 1);

    @Test
    void balancedWeightsAreMOverClassesTimesCountAsScikitLearnComputesThem() {
        // compute_class_weight("balanced", classes=[0, 1], y=[1, 0, 1, 1]) = [2.0, 0.6666…]
        assertThat(ClassWeightedLoss.balanced(Y, 2)).containsExactly(new double[] {2, 4 / 6.0}, within(1e-15));
        assertThat(ClassWeightedLoss.balanced(Matrix.row(0, 0), 3)).containsExactly(1 / 3.0, 0, 0);
    }

    @Test
    void eachExamplesLossAndGradientAreScaledByItsClassWeight() {
        Loss bce = new BinaryCrossEntropy();
        ClassWeightedLoss weighted = new ClassWeightedLoss(bce, new double[] {2, 0.5});
        double[] plain = bce.loss(AL, Y).toArray();
        assertThat(weighted.loss(AL, Y).toArray()).containsExactly(
                new double[] {0.5 * plain[0], 2 * plain[1], 0.5 * plain[2], 0.5 * plain[3]}, within(1e-15));
        // J = (1/m) Σ w ℒ, Keras's class_weight with 'sum_over_batch_size'
        assertThat(weighted.cost(AL, Y)).isCloseTo((0.5 * plain[0] + 2 * plain[1] + 0.5 * plain[2] + 0.5 * plain[3])
                / 4, within(1e-15));
        double[] dAL = bce.gradient(AL, Y).toArray();
        assertThat(weighted.gradient(AL, Y).toArray()[1]).isCloseTo(2 * dAL[1], within(1e-15));
    }

    @Test
    void aLabelWithoutAWeightOrANegativeWeightIsRejectedByName() {
        ClassWeightedLoss weighted = new ClassWeightedLoss(new BinaryCrossEntropy(), new double[] {1, 1});
        assertThatThrownBy(() -> weighted.loss(AL, Matrix.row(1, 0, 2, 1)))
                .hasMessage("class weights: label 2.0 of example 2 is not a class in [0, 2)");
        assertThatThrownBy(() -> new ClassWeightedLoss(new BinaryCrossEntropy(), new double[] {1, Double.NaN}))
                .hasMessage("class weights: weight NaN of class 1 must be a finite number ≥ 0");
    }
}
