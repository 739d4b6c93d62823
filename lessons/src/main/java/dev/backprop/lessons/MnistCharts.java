package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** Charts of the MNIST lesson: digits as images. */
public final class MnistCharts {

    private MnistCharts() {
    }

    /**
     * The first {@code max} images of X (height·width, m), pixels in [0, 1], in a grid, each captioned with its label.
     */
    public static XYChart digits(String title, Matrix X, int height, int width, int[] labels, int max) {
        int n = Math.min(max, X.cols());
        double[][] columns = X.columns(0, n).T().toArray2D();
        List<double[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(columns[i]);
            captions.add("label " + labels[i]);
        }
        return EvaluationCharts.imageGrid(title, images, height, width, captions, 0, 1, false);
    }
}
