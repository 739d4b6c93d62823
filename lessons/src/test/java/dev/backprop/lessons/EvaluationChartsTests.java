package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.data.LabeledData;
import dev.backprop.core.data.Mnist;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ConfusionMatrix;
import dev.backprop.core.random.NumpyRandom;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Each evaluation chart renders headless to a PNG that decodes, at the chart's size, with more than one colour. */
class EvaluationChartsTests {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private static BufferedImage render(Chart<?, ?> chart, String name) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        String out = System.getProperty("evaluationCharts.out");
        if (out != null) {
            Files.write(Path.of(out, name + ".png"), png);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(chart.getWidth());
        assertThat(image.getHeight()).isEqualTo(chart.getHeight());
        return image;
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void confusionMatrixHeatMapRenders() throws IOException {
        int[] yTrue = {0, 0, 1, 1, 2, 2, 2, 1, 0, 2};
        int[] yPred = {0, 1, 1, 1, 2, 0, 2, 1, 0, 2};
        var chart = EvaluationCharts.confusionMatrix("Confusion matrix", ConfusionMatrix.of(yTrue, yPred, 3),
                List.of("cat", "dog", "bird"));
        assertThat(colours(render(chart, "confusion-matrix"))).isGreaterThan(3);
    }

    @Test
    void trainingCurvesRender() throws IOException {
        var chart = EvaluationCharts.trainingCurves("Loss", "loss", new double[] {1.0, 0.6, 0.4, 0.3, 0.25},
                new double[] {1.1, 0.7, 0.55, 0.5, 0.52});
        assertThat(chart.getSeriesMap()).containsOnlyKeys("training", "validation");
        assertThat(colours(render(chart, "training-curves"))).isGreaterThan(3);
    }

    @Test
    void misclassifiedDigitsRenderWithTheirLabels() throws IOException {
        LabeledData test = Mnist.bundled().test().scaled(255);
        LabeledData first = test.select(java.util.stream.IntStream.range(0, 40).toArray());
        int[] yPred = first.labels().clone();
        for (int i = 0; i < yPred.length; i += 3) {
            yPred[i] = (yPred[i] + 1) % 10;   // every third one "wrong"
        }
        var chart = EvaluationCharts.misclassified("Misclassified digits", first.X(), 28, 28, first.labels(), yPred,
                DIGITS, 12);
        assertThat(chart.getTitle()).isEqualTo("Misclassified digits (14 of 40 wrong)");
        assertThat(colours(render(chart, "misclassified"))).isGreaterThan(50);
    }

    @Test
    void firstLayerWeightsRenderAs28x28Images() throws IOException {
        Matrix W1 = new NumpyRandom(1).randn(16, 784).times(0.01);
        var chart = EvaluationCharts.firstLayerWeights("First-layer weights", W1, 28, 28, 16);
        assertThat(colours(render(chart, "first-layer-weights"))).isGreaterThan(50);
    }
}
