package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationImage;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of model evaluation (the <i>Multi-layer Perceptron</i> deck's "Model Evaluation" and MNIST): the
 * confusion matrix, training against validation curves, misclassified images and first-layer weights. Built as
 * XChart charts and shown elsewhere, like {@link Charts}, so every one renders headless.
 */
public final class EvaluationCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    /** How many screen pixels one image pixel takes in an image grid. */
    private static final int ZOOM = 3;

    private EvaluationCharts() {
    }

    /**
     * The confusion matrix as a heat map with its counts written in: true class down (class 0 at the top, as
     * scikit-learn prints it), predicted class across.
     */
    public static HeatMapChart confusionMatrix(String title, ConfusionMatrix cm, List<String> classNames) {
        int K = cm.classes();
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("#");
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9E, 0xCA, 0xE1), new Color(0x08, 0x30, 0x6B)});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setDrawBorder(true);
        List<String> x = new ArrayList<>(classNames);
        List<String> y = new ArrayList<>();
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < K; t++) {
            y.add(classNames.get(K - 1 - t));   // the heat map's y axis grows upwards: reverse, so row 0 is on top
        }
        long max = 0;
        for (int t = 0; t < K; t++) {
            for (int p = 0; p < K; p++) {
                heat.add(new Number[] {p, K - 1 - t, cm.get(t, p)});
                max = Math.max(max, cm.get(t, p));
            }
        }
        chart.getStyler().setMin(0);
        chart.getStyler().setMax(Math.max(1, max));
        chart.addSeries("count", x, y, heat);
        return chart;
    }

    /**
     * Training against validation values per epoch (a loss or an accuracy): the gap between the two lines is
     * overfitting, as the <i>Introduction to Deep Learning</i> deck draws it.
     */
    public static XYChart trainingCurves(String title, String metric, double[] train, double[] validation) {
        XYChart chart = Charts.xy(title, "epoch", metric);
        for (var run : new Object[][] {{"training", train}, {"validation", validation}}) {
            double[] values = (double[]) run[1];
            double[] epochs = new double[values.length];
            for (int e = 0; e < epochs.length; e++) {
                epochs[e] = e + 1;
            }
            XYSeries s = chart.addSeries((String) run[0], epochs, values);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * Up to {@code max} misclassified images, each captioned with its true and predicted label, in a grid.
     *
     * @param X      (height·width, m) images as columns, pixels in [0, 1] (or 0..255, scaled for display)
     * @param yTrue  the true labels, {@code yPred} the predicted ones (m each)
     */
    public static XYChart misclassified(String title, Matrix X, int height, int width, int[] yTrue, int[] yPred,
            List<String> classNames, int max) {
        double[][] columns = X.T().toArray2D();
        List<double[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        double hi = Math.max(1e-12, X.max());
        for (int i = 0; i < yTrue.length && images.size() < max; i++) {
            if (yTrue[i] != yPred[i]) {
                images.add(columns[i]);
                captions.add("true " + classNames.get(yTrue[i]) + ", predicted " + classNames.get(yPred[i]));
            }
        }
        return imageGrid(title + " (" + count(yTrue, yPred) + " of " + yTrue.length + " wrong)", images, height,
                width, captions, 0, hi, false);
    }

    /**
     * The first layer's weights W1 (n_h, height·width), each hidden unit's row drawn as a height × width image
     * (blue negative, red positive, each unit on its own scale): what each unit looks for in a digit.
     */
    public static XYChart firstLayerWeights(String title, Matrix W1, int height, int width, int max) {
        if (W1.cols() != height * width) {
            throw new IllegalArgumentException("firstLayerWeights: W1 " + W1.shape().compact() + " does not have "
                    + height + "x" + width + " = " + height * width + " columns");
        }
        double[][] rows = W1.toArray2D();
        List<double[]> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int k = 0; k < rows.length && k < max; k++) {
            double scale = 1e-12;
            for (double v : rows[k]) {
                scale = Math.max(scale, Math.abs(v));
            }
            double[] scaled = new double[rows[k].length];
            for (int p = 0; p < scaled.length; p++) {
                scaled[p] = rows[k][p] / scale;
            }
            images.add(scaled);
            captions.add("unit " + (k + 1));
        }
        return imageGrid(title, images, height, width, captions, -1, 1, true);
    }

    private static int count(int[] yTrue, int[] yPred) {
        int wrong = 0;
        for (int i = 0; i < yTrue.length; i++) {
            wrong += yTrue[i] != yPred[i] ? 1 : 0;
        }
        return wrong;
    }

    /** Images laid out in a grid of tiles, each with a caption under it, drawn as annotations on an empty plot. */
    static XYChart imageGrid(String title, List<double[]> images, int height, int width,
            List<String> captions, double lo, double hi, boolean diverging) {
        int n = Math.max(1, images.size());
        int columns = Math.max(1, Math.min(n, (WIDTH - 40) / (width * ZOOM + 60)));
        int rows = (n + columns - 1) / columns;
        XYChart chart = Charts.xy(title, "", "");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setXAxisTitleVisible(false);
        chart.getStyler().setYAxisTitleVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) columns);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax((double) rows);
        XYSeries frame = chart.addSeries("frame", new double[] {0, columns}, new double[] {0, rows});
        frame.setMarker(SeriesMarkers.NONE);
        frame.setLineColor(new Color(0, 0, 0, 0));
        for (int k = 0; k < images.size(); k++) {
            double x = k % columns + 0.5;
            double y = rows - k / columns - 0.45;
            chart.addAnnotation(new AnnotationImage(tile(images.get(k), height, width, lo, hi, diverging), x, y, false));
            chart.addAnnotation(new AnnotationText(captions.get(k), x, y - 0.45, false));
        }
        if (images.isEmpty()) {
            chart.addAnnotation(new AnnotationText("none", 0.5, 0.5, false));
        }
        return chart;
    }

    /** One image, ZOOM times enlarged: grey from black (lo) to white (hi), or blue–white–red around 0. */
    private static BufferedImage tile(double[] pixels, int height, int width, double lo, double hi,
            boolean diverging) {
        BufferedImage image = new BufferedImage(width * ZOOM, height * ZOOM, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double t = Math.max(0, Math.min(1, (pixels[r * width + c] - lo) / (hi - lo)));
                int rgb;
                if (diverging) {
                    double d = 2 * t - 1;   // −1 blue … 0 white … 1 red
                    int fade = (int) Math.round(255 * (1 - Math.abs(d)));
                    rgb = d < 0 ? new Color(fade, fade, 255).getRGB() : new Color(255, fade, fade).getRGB();
                } else {
                    int g = (int) Math.round(255 * t);
                    rgb = new Color(g, g, g).getRGB();
                }
                for (int dy = 0; dy < ZOOM; dy++) {
                    for (int dx = 0; dx < ZOOM; dx++) {
                        image.setRGB(c * ZOOM + dx, r * ZOOM + dy, rgb);
                    }
                }
            }
        }
        return image;
    }
}
