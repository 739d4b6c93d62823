package dev.backprop.lessons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the lessons on how a network learns (losses, gradient descent, backpropagation): curves that each
 * have their own x values, a loss surface drawn as filled contours with the paths taken across it, a computational
 * graph, and grouped bars on a logarithmic axis.
 */
public final class LearningCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int GRID = 140;
    private static final int BANDS = 14;
    /** The contour bands run from the minimum's colour to the rim's. */
    private static final Color LOW = new Color(0x2C, 0x7F, 0xB8);
    private static final Color HIGH = new Color(0xFF, 0xFF, 0xE0);
    private static final Color CONTOUR_LINE = new Color(0x55, 0x55, 0x55);
    /** The colours of paths and curves, in order: the same run has the same colour on a contour plot and a curve. */
    private static final Color[] SERIES_COLOURS = {new Color(0xE1, 0x57, 0x59), new Color(0x00, 0x00, 0x00),
        new Color(0xF2, 0x8E, 0x2B), new Color(0x59, 0xA1, 0x4F), new Color(0xB0, 0x7A, 0xA1)};
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {8f, 6f}, 0f);

    private LearningCharts() {
    }

    /**
     * Lines, each with its own x values ({@code series}: name → {x, y}). Series named in {@code dashed} are drawn
     * dashed, so that one lying on top of another stays visible.
     */
    public static XYChart curves(String title, String xTitle, String yTitle, Map<String, double[][]> series,
                                 Set<String> dashed) {
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        chart.getStyler().setYAxisDecimalPattern("0.##");
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setXAxisTickMarkSpacingHint(90);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setSeriesColors(SERIES_COLOURS);
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[][]> entry : series.entrySet()) {
            double[][] points = entry.getValue();
            XYSeries s = chart.addSeries(entry.getKey(), points[0], points[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            // a dashed line lies on a wider solid one, so both stay visible where they agree
            s.setLineStyle(dashed.contains(entry.getKey()) ? DASHED : new BasicStroke(dashed.isEmpty() ? 2f : 4.5f));
            for (double x : points[0]) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
            }
        }
        // the x axis from and to round tenths, so the ticks fall on round numbers
        chart.getStyler().setXAxisMin(Math.floor(xMin * 10) / 10).setXAxisMax(Math.ceil(xMax * 10) / 10);
        return chart;
    }

    /**
     * A loss surface J(w₀, w₁) over a rectangle as filled contours: {@value #BANDS} bands of log J, darker towards the
     * minimum, with a grey line where one band meets the next. Each path ({name → {w₀ values, w₁ values}}) is drawn
     * on top, point by point; a path leaving the rectangle is cut at its edge.
     */
    public static XYChart contours(String title, String xTitle, String yTitle, double[] xRange, double[] yRange,
                                   DoubleBinaryOperator J, Map<String, double[][]> paths) {
        double[][] logJ = new double[GRID][GRID];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double x = xRange[0] + (xRange[1] - xRange[0]) * (j + 0.5) / GRID;
                double y = yRange[0] + (yRange[1] - yRange[0]) * (i + 0.5) / GRID;
                logJ[i][j] = Math.log(Math.max(J.applyAsDouble(x, y), 1e-300));
                lo = Math.min(lo, logJ[i][j]);
                hi = Math.max(hi, logJ[i][j]);
            }
        }
        int[][] band = new int[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                band[i][j] = Math.min(BANDS - 1, (int) ((logJ[i][j] - lo) / (hi - lo + 1e-300) * BANDS));
            }
        }
        List<List<Double>> xs = new ArrayList<>();
        List<List<Double>> ys = new ArrayList<>();
        for (int k = 0; k <= BANDS; k++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                boolean edge = (j + 1 < GRID && band[i][j + 1] != band[i][j])
                        || (i + 1 < GRID && band[i + 1][j] != band[i][j]);
                double x = xRange[0] + (xRange[1] - xRange[0]) * (j + 0.5) / GRID;
                double y = yRange[0] + (yRange[1] - yRange[0]) * (i + 0.5) / GRID;
                xs.get(band[i][j]).add(x);
                ys.get(band[i][j]).add(y);
                if (edge) {
                    xs.get(BANDS).add(x);
                    ys.get(BANDS).add(y);
                }
            }
        }
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        chart.getStyler().setXAxisMin(xRange[0]).setXAxisMax(xRange[1]).setYAxisMin(yRange[0])
                .setYAxisMax(yRange[1]);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.#");
        chart.getStyler().setYAxisDecimalPattern("0.#");
        Marker cell = new Cell(Math.ceil(WIDTH * 0.9 / GRID) + 1, Math.ceil(HEIGHT * 0.8 / GRID) + 1);
        for (int k = 0; k <= BANDS; k++) {
            if (xs.get(k).isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(k == BANDS ? "contour" : "band " + k, xs.get(k), ys.get(k));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(k == BANDS ? new Cell(2, 2) : cell);
            s.setMarkerColor(k == BANDS ? CONTOUR_LINE : blend(k / (double) (BANDS - 1)));
            s.setShowInLegend(false);
        }
        int colour = 0;
        for (Map.Entry<String, double[][]> path : paths.entrySet()) {
            double[][] inside = clip(path.getValue(), xRange, yRange);
            XYSeries s = chart.addSeries(path.getKey(), inside[0], inside[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(inside[0].length > 120 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            Color c = SERIES_COLOURS[colour++ % SERIES_COLOURS.length];
            s.setLineColor(c);
            s.setMarkerColor(c);
            // the first path widest, so a later one drawn over it leaves its edges visible
            s.setLineStyle(new BasicStroke((float) Math.max(1.5, 5 - 1.5 * (colour - 1))));
        }
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    /** The points of a path up to the first one outside the rectangle (the axes could not show the rest). */
    private static double[][] clip(double[][] path, double[] xRange, double[] yRange) {
        int n = 0;
        while (n < path[0].length && path[0][n] >= xRange[0] && path[0][n] <= xRange[1]
                && path[1][n] >= yRange[0] && path[1][n] <= yRange[1]) {
            n++;
        }
        n = Math.max(n, 1);
        return new double[][] {java.util.Arrays.copyOf(path[0], n), java.util.Arrays.copyOf(path[1], n)};
    }

    private static Color blend(double t) {
        return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }

    /**
     * A computational graph: nodes at positions {@code xy} (in a 0–10 × 0–10 frame), joined by {@code edges}
     * ({from, to}), with {@code above[i]} written over node i and {@code below[i]} under it, e.g. its forward value
     * and its gradient.
     */
    public static XYChart graph(String title, String[] labels, double[][] xy, int[][] edges, String[] above,
                                String[] below) {
        XYChart chart = Charts.xy(title, "forward: values flow left to right;  backward: gradients flow right to left",
                " ");
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(10.0).setYAxisMin(0.0).setYAxisMax(10.0);
        chart.getStyler().setAxisTicksVisible(false);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        chart.getStyler().setAnnotationTextFontColor(Color.BLACK);
        chart.getStyler().setMarkerSize(44);
        for (int e = 0; e < edges.length; e++) {
            double[] from = xy[edges[e][0]];
            double[] to = xy[edges[e][1]];
            XYSeries s = chart.addSeries("edge " + e, new double[] {from[0], to[0]}, new double[] {from[1], to[1]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Color.GRAY);
            s.setLineStyle(new BasicStroke(2f));
        }
        for (int i = 0; i < labels.length; i++) {
            XYSeries node = chart.addSeries("node " + i, new double[] {xy[i][0]}, new double[] {xy[i][1]});
            node.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            node.setMarker(SeriesMarkers.CIRCLE);
            node.setMarkerColor(new Color(0xC6, 0xDB, 0xEF));
            chart.addAnnotation(new AnnotationText(labels[i], xy[i][0], xy[i][1], false));
            chart.addAnnotation(new AnnotationText(above[i], xy[i][0], xy[i][1] + 0.75, false));
            chart.addAnnotation(new AnnotationText(below[i], xy[i][0], xy[i][1] - 0.75, false));
        }
        return chart;
    }

    /**
     * Grouped bars on a logarithmic axis, e.g. the gradient-check difference of each parameter before and after a
     * fix ({@code series}: name → one value per category).
     */
    public static CategoryChart logBars(String title, String yTitle, List<String> categories,
                                        Map<String, double[]> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("parameter").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("0.#E0");
        // a logarithmic axis under bars needs its ends given: whole decades around the data
        double lo = series.values().stream().flatMapToDouble(java.util.Arrays::stream).min().orElse(1);
        double hi = series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(lo))))
                .setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xE1, 0x57, 0x59), new Color(0x4E, 0x79, 0xA7)});
        series.forEach((name, values) -> chart.addSeries(name, categories,
                java.util.Arrays.stream(values).boxed().toList()));
        return chart;
    }

    /** A filled rectangle of a fixed size in pixels, so grid cells tile the plot whatever the marker size. */
    private static final class Cell extends Marker {
        private final double w;
        private final double h;

        Cell(double w, double h) {
            this.w = w;
            this.h = h;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            g.fill(new Rectangle2D.Double(xOffset - w / 2, yOffset - h / 2, w, h));
        }
    }
}
