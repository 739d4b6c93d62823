package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Playground;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.Sequential;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The playground lesson's key numbers: features doing a layer's work, the epoch checkpoints, depth on the spiral. */
class PlaygroundLessonTests {

    private static RecordingSink recording;
    private static String printed;

    @BeforeAll
    static void runLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new PlaygroundLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
        printed = recording.printed();
    }

    @Test
    void eachDataSetIsSplitHalfAndHalf() {
        for (String name : List.of("circle", "xor", "gaussian", "spiral")) {
            assertThat(printed).containsPattern(name + " +training 250 points \\(\\d+ of class 1\\), test 250 points");
        }
    }

    @Test
    void squaredFeaturesSeparateTheCircleAndTheProductSeparatesXorWithoutAHiddenLayer() {
        assertThat(accuracy("circle, no hidden layer, features x₁, x₂: +test accuracy")).isLessThan(65.0);
        assertThat(accuracy("circle, no hidden layer, features x₁², x₂²: test accuracy")).isGreaterThan(95.0);
        assertThat(accuracy("XOR, +no hidden layer, features x₁, x₂: +test accuracy")).isLessThan(65.0);
        assertThat(accuracy("XOR, +no hidden layer, feature  x₁x₂: +test accuracy")).isGreaterThan(95.0);
    }

    @Test
    void thePlaygroundsDefaultNetworkLearnsTheCircleWithOneFigurePerCheckpoint() {
        assertThat(accuracy("Epoch 150: training loss [0-9.]+, test loss [0-9.]+, test accuracy")).isGreaterThan(95.0);
        List<String> networkPlots = recording.plots().stream().map(Plot::name)
                .filter(n -> n.startsWith("network-epoch-")).toList();
        assertThat(networkPlots).containsExactly("network-epoch-0", "network-epoch-10", "network-epoch-50",
                "network-epoch-150", "network-epoch-300");
    }

    @Test
    void theSpiralNeedsMoreThanOneHiddenLayer() {
        double one = accuracy("1 hidden layer  of 8: training accuracy [0-9.]+ %, test accuracy");
        double three = accuracy("3 hidden layers of 8: training accuracy [0-9.]+ %, test accuracy");
        assertThat(one).isLessThan(75.0);
        assertThat(three).isGreaterThan(90.0);
    }

    @Test
    void theNetworkDiagramDrawsOneLinkPerWeight() {
        Sequential model = Sequential.of(new Dense(4, new Tanh()), new Dense(2, new Tanh()),
                new Dense(1, new Sigmoid())).build(2, 1);
        Playground.Split circle = Playground.CIRCLE.split(20, 0, 0.5, new NumpyRandom(1));
        XYChart chart = PlaygroundCharts.network("t", model, List.of(PlaygroundFeature.X1, PlaygroundFeature.X2),
                circle.test());
        assertThat(chart.getSeriesMap()).hasSize(2 * 4 + 4 * 2 + 2 * 1);
    }

    @Test
    void featuresAreComputedPerPointAndRejectNonPlanarInput() {
        Matrix X = Matrix.of(new double[][] {{1, -2}, {3, 0.5}});
        Matrix features = PlaygroundFeature.transform(X, List.of(PlaygroundFeature.values()));
        assertThat(features.toArray2D()).isDeepEqualTo(new double[][] {{1, -2}, {3, 0.5}, {1, 4}, {9, 0.25},
            {3, -1}, {Math.sin(1), Math.sin(-2)}, {Math.sin(3), Math.sin(0.5)}});
        assertThatThrownBy(() -> PlaygroundFeature.transform(Matrix.ones(3, 2), List.of(PlaygroundFeature.X1)))
                .hasMessageContaining("(3,2)");
    }

    private static double accuracy(String prefix) {
        Matcher m = Pattern.compile(prefix + " ([0-9.]+) %").matcher(printed);
        assertThat(m.find()).as("printed %s", prefix).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
