package dev.backprop.lessons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of the lessons on how a network learns (initialization, optimizers, regularization): activation
 * histograms drawn as lines, one per layer; a loss surface of two parameters drawn as contours with optimizer paths
 * on top; and curves with one epoch marked.
 */
public final class PracticeCharts {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int GRID = 160;
    private static final int LEVELS = 12;
    private static final Color[] PATH_COLORS = {Color.BLACK, new Color(0xE1, 0x57, 0x59), new Color(0xF2, 0x8E, 0x2B),
        new Color(0x59, 0xA1, 0x4F), new Color(0x9C, 0x27, 0xB0), new Color(0x8C, 0x56, 0x4B), new Color(0x00, 0x96, 0x88)};

    private PracticeCharts() {
    }

    /**
     * One histogram per series, drawn as a line through the bin counts (a frequency polygon), so that overlapping
     * distributions stay visible: the activations of each layer, say. Values outside [min, max) are not drawn but
     * count in the fractions.
     */
    public static XYChart histogramLines(String title, String xTitle, int bins, double min, double max,
                                         Map<String, double[]> samples) {
        XYChart chart = Charts.xy(title, xTitle, "fraction of values");
        chart.getStyler().setXAxisMin(min).setXAxisMax(max);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        double width = (max - min) / bins;
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = min + (b + 0.5) * width;
        }
        samples.forEach((name, values) -> {
            double[] fraction = new double[bins];
            for (double v : values) {
                int b = (int) Math.floor((v - min) / width);
                if (b >= 0 && b < bins) {
                    fraction[b] += 1.0 / values.length;
                }
            }
            XYSeries s = chart.addSeries(name, centres, fraction);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    /**
     * A loss surface J(w₀, w₁) over [x0, x1] × [y0, y1] as filled bands of equal J, darker where J is lower (levels
     * evenly spaced in log(1 + J − min J), so the valley floor keeps its detail), with one path per optimizer on
     * top: each path is {xs, ys}, the parameters after each step, starting point first.
     */
    public static XYChart contourPaths(String title, DoubleBinaryOperator J, double x0, double x1, double y0,
                                       double y1, Map<String, double[][]> paths) {
        double[] value = new double[GRID * GRID];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double v = J.applyAsDouble(x0 + (x1 - x0) * (j + 0.5) / GRID, y0 + (y1 - y0) * (i + 0.5) / GRID);
                value[i * GRID + j] = v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double top = Math.log1p(hi - lo);
        int[] level = new int[value.length];
        for (int k = 0; k < value.length; k++) {
            level[k] = Math.min(LEVELS - 1, (int) (Math.log1p(value[k] - lo) / top * LEVELS));
        }
        XYChart chart = Charts.xy(title, "w₀", "w₁");
        chart.getStyler().setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        Marker cell = new Cell(Math.ceil(WIDTH * 0.9 / GRID) + 1, Math.ceil(HEIGHT * 0.8 / GRID) + 1);
        for (int b = 0; b < LEVELS; b++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < GRID; i++) {
                for (int j = 0; j < GRID; j++) {
                    int k = i * GRID + j;
                    if (level[k] != b) {
                        continue;
                    }
                    double x = x0 + (x1 - x0) * (j + 0.5) / GRID;
                    double y = y0 + (y1 - y0) * (i + 0.5) / GRID;
                    xs.add(x);
                    ys.add(y);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("level " + b, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(cell);
                float t = (float) b / (LEVELS - 1);
                s.setMarkerColor(new Color(0.50f + 0.48f * t, 0.68f + 0.30f * t, 0.90f + 0.08f * t));
                s.setShowInLegend(false);
            }
        }
        int p = 0;
        for (Map.Entry<String, double[][]> path : paths.entrySet()) {
            XYSeries s = chart.addSeries(path.getKey(), path.getValue()[0], path.getValue()[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.5f));
            s.setLineColor(PATH_COLORS[p % PATH_COLORS.length]);
            s.setMarkerColor(PATH_COLORS[p++ % PATH_COLORS.length]);
        }
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        return chart;
    }

    /**
     * Lines {xs, ys} in the colours of {@link #contourPaths}'s paths, the legend at the right; a logarithmic y axis
     * when {@code logY}.
     */
    public static XYChart lines(String title, String xTitle, String yTitle, Map<String, double[][]> lines,
                                boolean logY) {
        XYChart chart = Charts.xy(title, xTitle, yTitle);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(150);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        int p = 0;
        for (Map.Entry<String, double[][]> line : lines.entrySet()) {
            XYSeries s = chart.addSeries(line.getKey(), line.getValue()[0], line.getValue()[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
            s.setLineColor(PATH_COLORS[p++ % PATH_COLORS.length]);
        }
        return chart;
    }

    /**
     * Curves against the epoch (y values, epoch 0 first), with a dashed vertical line at {@code markedEpoch} named
     * {@code markName}; no line when markedEpoch is negative. The legend is at the right when there are more than
     * three entries.
     */
    public static XYChart curvesWithMark(String title, String yTitle, Map<String, double[]> curves,
                                         int markedEpoch, String markName) {
        XYChart chart = Charts.xy(title, "epoch", yTitle);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> curve : curves.entrySet()) {
            double[] y = curve.getValue();
            double[] x = new double[y.length];
            for (int e = 0; e < y.length; e++) {
                x[e] = e;
                lo = Math.min(lo, y[e]);
                hi = Math.max(hi, y[e]);
            }
            XYSeries s = chart.addSeries(curve.getKey(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(100);
        if (curves.size() > 2) {
            chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        }
        if (markedEpoch < 0) {
            return chart;
        }
        XYSeries mark = chart.addSeries(markName, new double[] {markedEpoch, markedEpoch}, new double[] {lo, hi});
        mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        mark.setMarker(SeriesMarkers.NONE);
        mark.setLineColor(Color.BLACK);
        mark.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    /** A filled rectangle the size of one grid cell, in pixels. */
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
