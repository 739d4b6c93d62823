package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Matrix;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PipelineTests {

    private static final Matrix X_TRAIN = Matrix.of(2, 4, 1, 2, 3, 4, 10, 10, 10, 10);

    @Test
    void standardizationTakesItsStatisticsFromTheTrainingSplitOnly() {
        Standardization s = Standardization.fit(X_TRAIN);
        assertThat(s.mu()).isEqualTo(Matrix.column(2.5, 10));
        assertThat(s.sigma().get(0, 0)).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(s.sigma().get(1, 0)).as("a constant feature is divided by 1, as StandardScaler").isEqualTo(1.0);
        Matrix Xtrain = s.transform(X_TRAIN);
        assertThat(Xtrain.mean(1).get(0, 0)).isCloseTo(0, within(1e-15));
        assertThat(Xtrain.square().mean(1).get(0, 0)).isCloseTo(1, within(1e-15));
        // the test split gets the training split's mu and sigma, not its own
        Matrix Xtest = s.transform(Matrix.of(2, 1, 5, 12));
        assertThat(Xtest.get(0, 0)).isCloseTo(2.5 / Math.sqrt(1.25), within(1e-15));
        assertThat(Xtest.get(1, 0)).isEqualTo(2.0);
    }

    @Test
    void minMaxMapsTheTrainingRangeToZeroOne() {
        Normalizer n = Normalizer.fit("minmax", X_TRAIN);
        assertThat(n.transform(X_TRAIN)).isEqualTo(Matrix.of(2, 4, 0, 1 / 3.0, 2 / 3.0, 1, 0, 0, 0, 0));
        assertThat(n.transform(Matrix.of(2, 1, 7, 10)).get(0, 0)).isEqualTo(2.0);
        assertThatThrownBy(() -> Normalizer.fit("zscore", X_TRAIN)).hasMessageContaining("expected standard or minmax");
    }

    private static LabeledData hundred() {
        int[] labels = IntStream.range(0, 100).map(i -> i < 80 ? 0 : 1).toArray();
        double[] x = IntStream.range(0, 100).asDoubleStream().toArray();
        return new LabeledData(Matrix.row(x), labels, 2);
    }

    @Test
    void statisticsThatOverflowADoubleAreRefusedNotTurnedIntoZeros() {
        // before: σ = sqrt(mean((x − μ)²)) overflowed to ∞ and x / ∞ silently made the feature 0 (or μ overflowed
        // and the data reached training as NaN)
        Matrix huge = Matrix.of(2, 4, 1, 2, 3, 4, 1.5e308, -1.2e308, 1e307, -3e307);
        assertThatThrownBy(() -> Normalizer.fit("standard", huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("standardize: feature 1 of X (2,4) has values up to 1.5E308 in size, and its mean or σ"
                        + " overflows a double; divide that feature by a power of ten first");
        assertThatThrownBy(() -> Normalizer.fit("minmax", huge))
                .hasMessageStartingWith("minmax: feature 1 of X (2,4) has values up to 1.5E308 in size, and max − min"
                        + " overflows");
        Matrix large = huge.div(1e160);
        assertThat(Normalizer.fit("standard", large).transform(large).firstNonFinite()).isEqualTo(-1);
    }

    @Test
    void aNanInTheDataIsNamedAsANanNotAsAnOverflow() {
        // before: "standardize: feature 0 of X (2,3) has values up to NaN in size, and its mean or σ overflows a double"
        Matrix withNan = Matrix.of(2, 3, 1, Double.NaN, 3, 4, 5, 6);
        assertThatThrownBy(() -> Normalizer.fit("standard", withNan))
                .hasMessage("standardize: X has NaN at column 1 (row 0) of (2,3)");
        assertThatThrownBy(() -> Normalizer.fit("minmax", withNan)).hasMessageStartingWith("minmax: X has NaN");
    }

    @Test
    void aRegressionSplitIsSeededAndPartitionsTheExamplesWithTheirTargets() {
        Matrix X = Matrix.of(2, 10, IntStream.range(0, 20).mapToDouble(i -> i).toArray());
        Matrix Y = Matrix.row(IntStream.range(0, 10).mapToDouble(i -> 100 + i).toArray());
        RegressionData data = new RegressionData(X, Y);
        Splitting.RegressionParts parts = Splitting.split(data, 0.7, 0.2, 0.1, 3);
        assertThat(parts.train().m()).isEqualTo(7);
        assertThat(parts.validation().m()).isEqualTo(2);
        assertThat(parts.test().m()).isEqualTo(1);
        double[] all = IntStream.range(0, 3).mapToObj(k -> k == 0 ? parts.train() : k == 1 ? parts.validation()
                : parts.test()).flatMapToDouble(p -> Arrays.stream(p.X().toArray()).limit(p.m())).sorted()
                .toArray();
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        for (RegressionData p : new RegressionData[] {parts.train(), parts.validation(), parts.test()}) {
            for (int j = 0; j < p.m(); j++) {
                // each example keeps its own target: x₁ = j, y = 100 + j
                assertThat(p.Y().get(0, j)).isEqualTo(100 + p.X().get(0, j));
            }
        }
        assertThat(Splitting.split(data, 0.7, 0.2, 0.1, 3).train().X()).isEqualTo(parts.train().X());
    }

    @Test
    void splittingByTheDecksPieIsSeededAndPartitionsTheExamples() {
        Splitting.Parts p = Splitting.split(hundred(), 0.7, 0.2, 0.1, 1, false);
        assertThat(new int[] {p.train().m(), p.validation().m(), p.test().m()}).containsExactly(70, 20, 10);
        double[] all = concat(p.train().X().toArray(), p.validation().X().toArray(), p.test().X().toArray());
        Arrays.sort(all);
        assertThat(all).containsExactly(IntStream.range(0, 100).asDoubleStream().toArray());
        assertThat(Splitting.split(hundred(), 0.7, 0.2, 0.1, 1, false).train().X()).isEqualTo(p.train().X());
        assertThat(Splitting.split(hundred(), 0.7, 0.2, 0.1, 2, false).train().X()).isNotEqualTo(p.train().X());
    }

    @Test
    void stratifiedSplittingKeepsTheClassProportionsInEveryPart() {
        Splitting.Parts p = Splitting.split(hundred(), 0.7, 0.2, 0.1, 3, true);
        assertThat(ClassBalance.counts(p.train())).containsExactly(56, 14);
        assertThat(ClassBalance.counts(p.validation())).containsExactly(16, 4);
        assertThat(ClassBalance.counts(p.test())).containsExactly(8, 2);
    }

    @Test
    void fractionsThatDoNotAddUpToOneAreRejected() {
        assertThatThrownBy(() -> Splitting.split(hundred(), 0.7, 0.2, 0.2, 1, false)).hasMessageContaining("add up to 1");
    }

    @Test
    void classWeightsAreKerasBalancedWeights() {
        LabeledData d = hundred();
        assertThat(ClassBalance.counts(d)).containsExactly(80, 20);
        // w_c = m / (classes · count_c): 100 / (2·80), 100 / (2·20)
        assertThat(ClassBalance.classWeights(d)).containsExactly(0.625, 2.5);
        Matrix w = ClassBalance.sampleWeights(d, ClassBalance.classWeights(d));
        assertThat(w.sum()).as("each class weighs m/2 in total").isEqualTo(100.0);
    }

    @Test
    void anImbalancedVariantKeepsTheMajorityAndAFractionOfTheRest() {
        LabeledData balanced = new LabeledData(Matrix.zeros(1, 1000), IntStream.range(0, 1000).map(i -> i % 2).toArray(), 2);
        LabeledData imbalanced = ClassBalance.imbalanced(balanced, 0, 0.1, 0);
        int[] counts = ClassBalance.counts(imbalanced);
        assertThat(counts[0]).isEqualTo(500);
        assertThat(counts[1]).isBetween(30, 70);
        assertThat(ClassBalance.imbalanced(balanced, 0, 0.1, 0).labels()).isEqualTo(imbalanced.labels());
    }

    @Test
    void pixelsAreScaledBy255() {
        LabeledData d = new LabeledData(Matrix.column(0, 51, 255), new int[] {3}, 10, 3, 1);
        assertThat(d.scaled(255).X()).isEqualTo(Matrix.column(0, 0.2, 1));
        assertThat(d.Y().shape().toString()).isEqualTo("(10, 1)");
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}
