package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.matrix.Matrix;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One output row changes class at 0.5 for a probability, at 0 for a score (the hinge loss's tanh or linear). */
class DecisionThresholdTests {

    private static final Matrix SCORES = Matrix.row(-0.7, -0.1, 0.2, 0.4, 0.9);

    @Test
    void aScoreIsReadAtZeroAndAProbabilityAtOneHalf() {
        assertThat(Predictions.classes(SCORES, 0).toArray()).containsExactly(0, 0, 1, 1, 1);
        assertThat(Predictions.classes(SCORES).toArray()).containsExactly(0, 0, 0, 0, 1);
        assertThat(Predictions.classes(SCORES, 0.5).toArray()).containsExactly(0, 0, 0, 0, 1);
    }

    @Test
    void theModelReadsItsOutputLayer() {
        assertThat(Sequential.of(new Dense(3, new Relu()), new Dense(1, new Tanh())).decisionThreshold()).isZero();
        assertThat(Sequential.of(new Dense(1, new Linear())).decisionThreshold()).isZero();
        assertThat(Sequential.of(new Dense(3, new Tanh()), new Dense(1, new Sigmoid())).decisionThreshold())
                .isEqualTo(0.5);

        Sequential scores = Sequential.of(new Dense(1, new Linear())).build(1, 3);
        scores.setNamedParameters(Map.of("W1", Matrix.of(1, 1, new double[] {1}), "b1", Matrix.zeros(1, 1)));
        assertThat(scores.predictClasses(SCORES).toArray()).containsExactly(0, 0, 1, 1, 1);
    }

    @Test
    void theAccuracyOfScoresCountsTheSideOfZero() {
        Matrix Y = Matrix.row(0, 0, 1, 1, 0);
        assertThat(Metric.accuracy(0).value(SCORES, Y)).isEqualTo(80.0);
        assertThat(Metric.accuracy().value(SCORES, Y)).isEqualTo(40.0);
    }
}
