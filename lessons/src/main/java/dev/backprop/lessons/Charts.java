package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
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
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The workshop's plots, built as XChart charts and shown elsewhere (a window, a PNG, a notebook), so every chart
 * can be rendered headless. Every chart has a title, axis labels and a legend.
 */
public final class Charts {

    /** Red for class 0 and blue for class 1, as the workshop's {@code plt.cm.Spectral} draws them. */
    public static final Color CLASS_0 = new Color(0xD7, 0x30, 0x27);
    public static final Color CLASS_1 = new Color(0x45, 0x75, 0xB4);
    private static final Color REGION_0 = new Color(0xF8, 0xC9, 0xB5);
    private static final Color REGION_1 = new Color(0xC6, 0xDB, 0xEF);
    /** Tableau's ten colours: distinct for every series a chart here draws. */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private Charts() {
    }

    /** An empty XY chart with the workshop's look: title, axis titles, legend at the right. */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setSeriesColors(PALETTE);
        return chart;
    }

    /** Cost against iteration, one line per run. */
    public static XYChart costCurve(String title, Map<String, double[][]> runs) {
        XYChart chart = xy(title, "iteration", "cost J");
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
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
     * Workshop: {@code plot_decision_boundary(model, X, y)}: the model evaluated on a dense grid covering the data
     * (one unit of margin), each grid cell coloured by the predicted class, with the data on top.
     *
     * @param predict maps points (2, n) to predicted classes (1, n) of 0/1
     */
    public static XYChart decisionBoundary(String title, Matrix X, Matrix Y, UnaryOperator<Matrix> predict) {
        int n = 160;
        double[] x = X.toArray();
        int m = X.cols();
        double xMin = Arrays.stream(x, 0, m).min().orElse(0) - 1;
        double xMax = Arrays.stream(x, 0, m).max().orElse(0) + 1;
        double yMin = Arrays.stream(x, m, 2 * m).min().orElse(0) - 1;
        double yMax = Arrays.stream(x, m, 2 * m).max().orElse(0) + 1;
        double[] grid = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid[i * n + j] = xMin + (xMax - xMin) * (j + 0.5) / n;
                grid[n * n + i * n + j] = yMin + (yMax - yMin) * (i + 0.5) / n;
            }
        }
        double[] classes = predict.apply(Matrix.of(2, n * n, grid)).toArray();

        XYChart chart = xy(title, "x₁", "x₂");
        chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
        chart.getStyler().setPlotGridLinesVisible(false);
        Marker cell = new CellMarker(Math.ceil(WIDTH * 0.9 / n) + 1, Math.ceil(HEIGHT * 0.8 / n) + 1);
        for (int label = 0; label <= 1; label++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < n * n; k++) {
                if (classes[k] == label) {
                    xs.add(grid[k]);
                    ys.add(grid[n * n + k]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("predicted " + label, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(cell);
                s.setMarkerColor(label == 0 ? REGION_0 : REGION_1);
            }
        }
        addClasses(chart, X, Y);
        return chart;
    }

    /** Functions of x drawn as lines, e.g. an activation and its derivative. */
    public static XYChart functions(String title, String yTitle, double[] x, Map<String, double[]> ys) {
        XYChart chart = xy(title, "x", yTitle);
        chart.getStyler().setYAxisDecimalPattern("0.##");
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
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisLabelRotation(90);
        samples.forEach((name, data) -> {
            Histogram h = new Histogram(Arrays.stream(data).boxed().toList(), bins, min, max);
            chart.addSeries(name, h.getxAxisData(), h.getyAxisData());
        });
        return chart;
    }

    /** A filled square of a fixed size in pixels, so that grid cells tile the plot whatever the marker size. */
    private static final class CellMarker extends Marker {
        private final double w;
        private final double h;

        CellMarker(double w, double h) {
            this.w = w;
            this.h = h;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.fill(new Rectangle2D.Double(xOffset - w / 2, yOffset - h / 2, w, h));
        }
    }
}
