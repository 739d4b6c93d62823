package dev.backprop.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.matrix.Matrix;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Against scikit-learn's confusion_matrix, classification_report and regression metrics (sklearn_reference.txt). */
class MetricsTests {

    static Stream<ScikitLearnReference.Case> cases() {
        return ScikitLearnReference.CASES.stream();
    }

    static Stream<ScikitLearnReference.Regression> regressions() {
        return ScikitLearnReference.REGRESSIONS.stream();
    }

    @Test
    void theReferenceHoldsEveryCase() {
        assertThat(ScikitLearnReference.CASES).hasSize(5);
        assertThat(ScikitLearnReference.REGRESSIONS).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void confusionMatrixPrintsAsScikitLearns(ScikitLearnReference.Case c) {
        assertThat(ConfusionMatrix.of(c.yTrue(), c.yPred(), c.classes())).hasToString(c.confusionMatrix());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void classificationReportIsScikitLearnsTextCharacterForCharacter(ScikitLearnReference.Case c) {
        ClassificationReport report = ClassificationReport.of(c.yTrue(), c.yPred(), c.classes());
        if (c.names() != null) {
            report = report.named(c.names());
        }
        assertThat(report.format(c.digits())).isEqualTo(c.report());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void averagesEqualPrecisionRecallFscoreSupportExactly(ScikitLearnReference.Case c) {
        ClassificationReport report = ClassificationReport.of(c.yTrue(), c.yPred(), c.classes());
        for (Average average : Average.values()) {
            double[] expected = c.averages().get(average.name().toLowerCase());
            assertThat(new double[] {report.precision(average), report.recall(average), report.f1(average)})
                    .as(average.name()).containsExactly(expected);
        }
        assertThat(report.accuracy()).isEqualTo(Metrics.accuracy(c.yTrue(), c.yPred()));
    }

    @ParameterizedTest
    @MethodSource("regressions")
    void regressionErrorsEqualScikitLearns(ScikitLearnReference.Regression r) {
        Matrix Y = Matrix.row(r.y());
        Matrix Yhat = Matrix.row(r.yhat());
        assertThat(RegressionMetrics.meanAbsoluteError(Y, Yhat)).isEqualTo(r.mae());
        assertThat(RegressionMetrics.meanSquaredError(Y, Yhat)).isEqualTo(r.mse());
        assertThat(RegressionMetrics.r2(Y, Yhat)).isCloseTo(r.r2(), org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void theDecksFormulasOnABinaryConfusionMatrix() {
        // TN = 3, FP = 1, FN = 2, TP = 4
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1, 1},
                new int[] {0, 0, 0, 1, 0, 0, 1, 1, 1, 1}, 2);
        assertThat(cm).hasToString("[[3 1]\n [2 4]]");
        assertThat(new long[] {cm.trueNegatives(1), cm.falsePositives(1), cm.falseNegatives(1), cm.truePositives(1)})
                .containsExactly(3, 1, 2, 4);
        assertThat(cm.accuracy()).isEqualTo((4 + 3) / 10.0);
        assertThat(Metrics.precision(cm, 1)).isEqualTo(4 / 5.0);
        assertThat(Metrics.recall(cm, 1)).isEqualTo(4 / 6.0);
        assertThat(Metrics.f1(cm, 1)).isEqualTo(2 * (4 / 5.0) * (4 / 6.0) / (4 / 5.0 + 4 / 6.0));
    }

    @Test
    void pythonsHalfToEvenRoundingOfTheExactValueIsKept() {
        assertThat(ClassificationReport.fixed(0.125, 2)).isEqualTo("0.12");
        assertThat(ClassificationReport.fixed(0.375, 2)).isEqualTo("0.38");
        assertThat(ClassificationReport.fixed(2.675, 2)).as("2.675 is 2.67499999… in binary").isEqualTo("2.67");
    }

    @Test
    void labelsOutsideTheClassesAreRejected() {
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {0, 3}, new int[] {0, 1}, 3))
                .hasMessage("confusion_matrix: example 1 has true label 3 and prediction 1, expected both in [0, 3)");
    }
}
