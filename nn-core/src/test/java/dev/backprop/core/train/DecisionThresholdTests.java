package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.GradientDescent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One output row changes class at 0.5 for a probability, at 0 for a score trained with the hinge loss. */
class DecisionThresholdTests {

    private static final Matrix SCORES = Matrix.row(-0.7, -0.1, 0.2, 0.4, 0.9);

    @Test
    void aScoreIsReadAtZeroAndAProbabilityAtOneHalf() {
        assertThat(Predictions.classes(SCORES, 0).toArray()).containsExactly(0, 0, 1, 1, 1);
        assertThat(Predictions.classes(SCORES).toArray()).containsExactly(0, 0, 0, 0, 1);
        assertThat(Predictions.classes(SCORES, 0.5).toArray()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void theThresholdFollowsTheLossNotTheOutputLayer() {
        assertThat(Predictions.threshold(new Hinge())).isZero();
        assertThat(Predictions.threshold(new SquaredHinge())).isZero();
        assertThat(Predictions.threshold(new ClassWeightedLoss(new Hinge(), new double[] {1, 2}))).isZero();
        assertThat(Predictions.threshold(new BinaryCrossEntropy())).isEqualTo(0.5);
        assertThat(Predictions.threshold(new MeanSquaredError())).as("a regression onto 0 and 1").isEqualTo(0.5);
        assertThat(Predictions.threshold(null)).as("not compiled yet").isEqualTo(0.5);

        Sequential scores = Sequential.of(new Dense(1, new Linear())).build(1, 3);
        scores.setNamedParameters(Map.of("W1", Matrix.of(1, 1, new double[] {1}), "b1", Matrix.zeros(1, 1)));
        scores.compile(new Hinge(), new GradientDescent(0.1));
        assertThat(scores.decisionThreshold()).isZero();
        assertThat(scores.predictClasses(SCORES).toArray()).containsExactly(0, 0, 1, 1, 1);
        scores.compile(new MeanSquaredError(), new GradientDescent(0.1));
        assertThat(scores.predictClasses(SCORES).toArray()).containsExactly(0, 0, 0, 0, 1);
        assertThat(Sequential.of(new Dense(1, new Tanh())).decisionThreshold()).isEqualTo(0.5);
    }

    @Test
    void theAccuracyOfScoresCountsTheSideOfZero() {
        Matrix Y = Matrix.row(0, 0, 1, 1, 0);
        assertThat(Metric.accuracy(0).value(SCORES, Y)).isEqualTo(80.0);
        assertThat(Metric.accuracy().value(SCORES, Y)).isEqualTo(40.0);
    }
}
