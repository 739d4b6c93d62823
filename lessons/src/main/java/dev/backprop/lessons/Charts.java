package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The workshop's plots, built as XChart charts and shown elsewhere (a window, a PNG, a notebook), so every chart
 * can be rendered headless. Every chart has a title, axis labels and a legend.
 */
public final class Charts {

    /** Red for class 0 and blue for class 1, as the workshop's {@code plt.cm.Spectral} draws them. */
    public static final Color CLASS_0 = new Color(0xD7, 0x30, 0x27);
    public static final Color CLASS_1 = new Color(0x45, 0x75, 0xB4);
    /** Tableau's ten colours: distinct for every series a chart here draws. */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};
    /** Every figure is this wide, in pixels. */
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private Charts() {
    }

    /** An empty XY chart with the workshop's look: title, axis titles, legend at the right. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        return xy(title, xTitle, yTitle, WIDTH, HEIGHT);
    }

    /** {@link #xy(String, String, String)} at another size; a small one (a panel of a grid) gets small fonts. */
    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        boolean panel = width < WIDTH / 2 + 1;
        if (panel) {
            chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            chart.getStyler().setChartPadding(4);
        }
        // a small panel of a grid has no room for a legend: the grid's title says what the colours mean
        chart.getStyler().setLegendVisible(!panel);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(width < WIDTH / 2 + 1 ? 4 : 6);
        chart.getStyler().setSeriesColors(PALETTE);
        return chart;
    }

    /** Cost against iteration, one line per run. */
    public static XYChart costCurve(String title, Map<String, double[][]> runs) {
        XYChart chart = xy(title, "iteration", "cost J");
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        // an explicit range keeps XChart from a tick every few pixels (25 labels over 1000 epochs)
        double last = runs.values().stream().mapToDouble(p -> p[0].length == 0 ? 0 : p[0][p[0].length - 1]).max()
                .orElse(1);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(Math.max(last, 1));
        runs.forEach((name, points) -> {
            XYSeries s = chart.addSeries(name, points[0], points[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    /** Cost against iteration for one run: {@code iterations} and {@code costs} of equal length. */
    public static XYChart costCurve(String title, List<Integer> iterations, List<Double> costs) {
        double[][] points = {iterations.stream().mapToDouble(Integer::doubleValue).toArray(),
                costs.stream().mapToDouble(Double::doubleValue).toArray()};
        return costCurve(title, Map.of("training cost", points));
    }

    /** The points of a 2-D data set X (2, m), coloured by their label in Y (1, m). */
    public static XYChart scatterByClass(String title, Matrix X, Matrix Y) {
        XYChart chart = xy(title, "x₁", "x₂");
        addClasses(chart, X, Y);
        return chart;
    }

    private static void addClasses(XYChart chart, Matrix X, Matrix Y) {
        double[] x1 = X.toArray();
        int m = X.cols();
        double[] y = Y.toArray();
        for (int label = 0; label <= 1; label++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (y[i] == label) {
                    xs.add(x1[i]);
                    ys.add(x1[m + i]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("y = " + label, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(label == 0 ? CLASS_0 : CLASS_1);
            }
        }
    }

    /**
     * Workshop: {@code plot_decision_boundary(model, X, y)}, shaded as the TensorFlow Playground shades it: the model
     * evaluated on a dense grid covering the data (one unit of margin), each grid cell coloured by the predicted
     * probability, from class 0's red through white (p = 0.5) to class 1's blue, with the data on top. A model with
     * several output rows (softmax) colours each cell by its most probable class.
     *
     * @param output maps points (2, n) to the model's output A^[L] (n_y, n): probabilities of class 1 for one row
     *               (a predictor of 0/1 classes also works, drawn with the two extreme shades only)
     */
    public static XYChart decisionBoundary(String title, Matrix X, Matrix Y, UnaryOperator<Matrix> output) {
        return decisionBoundary(title, X, Y, output, WIDTH, HEIGHT);
    }

    /** {@link #decisionBoundary(String, Matrix, Matrix, UnaryOperator)} at another size, e.g. a panel of a grid. */
    public static XYChart decisionBoundary(String title, Matrix X, Matrix Y, UnaryOperator<Matrix> output, int width,
                                           int height) {
        return DecisionBoundary.chart(title, X, Y, output, width, height);
    }

    /** Functions of x drawn as lines, e.g. an activation and its derivative. */
    public static XYChart functions(String title, String yTitle, double[] x, Map<String, double[]> ys) {
        XYChart chart = xy(title, "x", yTitle);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        // XChart picks a tick every 0.1 for some data (41 ticks for ReLU on [-4, 4]); an explicit range with 5 %
        // of margin gets round ticks, and keeps lines at the extremes off the frame
        double min = ys.values().stream().flatMapToDouble(Arrays::stream).min().orElse(0);
        double max = ys.values().stream().flatMapToDouble(Arrays::stream).max().orElse(1);
        double margin = max > min ? 0.05 * (max - min) : 0.5;
        chart.getStyler().setYAxisMin(min - margin).setYAxisMax(max + margin);
        ys.forEach((name, y) -> {
            XYSeries s = chart.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    /** Histograms of samples, one series each, over the same bins. */
    public static CategoryChart histogram(String title, String xTitle, int bins, double min, double max,
                                          Map<String, double[]> samples) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle("count").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAvailableSpaceFill(0.96);
        chart.getStyler().setOverlapped(true);
        // see-through bars, so that where the series overlap the one behind still shows (the normal's tails)
        chart.getStyler().setSeriesColors(Arrays.stream(PALETTE)
                .map(c -> new Color(c.getRed(), c.getGreen(), c.getBlue(), 0x80)).toArray(Color[]::new));
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(90);
        samples.forEach((name, data) -> {
            Histogram h = new Histogram(Arrays.stream(data).boxed().toList(), bins, min, max);
            chart.addSeries(name, h.getxAxisData(), h.getyAxisData());
        });
        return chart;
    }
}
