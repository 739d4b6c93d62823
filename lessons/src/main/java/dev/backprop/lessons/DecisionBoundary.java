package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The decision boundary of a 2-D classifier shaded by its predicted probability, as the TensorFlow Playground draws
 * it; {@link Charts#decisionBoundary} and {@link TrainingCharts#decisionBoundary} both draw it here.
 */
final class DecisionBoundary {

    private static final int GRID = 120;
    private static final int SHADES = 10;
    private static final Color[] CLASS_COLORS = {Charts.CLASS_0, Charts.CLASS_1, new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0x76B7B2), new Color(0xF28E2B), new Color(0x9C755F)};

    private DecisionBoundary() {
    }

    /**
     * The decision boundary of a classifier on 2-D data X (2, m) with labels Y (a row of classes, or one-hot
     * columns): a grid over the data (one unit of margin) shaded by the model's output, with the data on top. One
     * output row (a probability of class 1): ten shades from class 0's colour through white (p = 0.5) to class 1's. Several rows: each cell
     * in the colour of its most probable class.
     *
     * @param output maps points (2, n) to the model's output A^[L] (n_y, n)
     */
    static XYChart chart(String title, Matrix X, Matrix Y, UnaryOperator<Matrix> output, int width, int height) {
        if (X.rows() != 2) {
            throw new IllegalArgumentException("decision boundary: needs 2-D data, X has shape " + X.shape().compact());
        }
        double[] x = X.toArray();
        int m = X.cols();
        double xMin = Arrays.stream(x, 0, m).min().orElse(0) - 1;
        double xMax = Arrays.stream(x, 0, m).max().orElse(0) + 1;
        double yMin = Arrays.stream(x, m, 2 * m).min().orElse(0) - 1;
        double yMax = Arrays.stream(x, m, 2 * m).max().orElse(0) + 1;
        int cells = GRID * GRID;
        double[] grid = new double[2 * cells];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                grid[i * GRID + j] = xMin + (xMax - xMin) * (j + 0.5) / GRID;
                grid[cells + i * GRID + j] = yMin + (yMax - yMin) * (i + 0.5) / GRID;
            }
        }
        double[][] A = output.apply(Matrix.of(2, cells, grid)).toArray2D();
        int[] bucket = new int[cells];
        Color[] colours;
        if (A.length == 1) {
            colours = new Color[SHADES];
            for (int s = 0; s < SHADES; s++) {
                // class 0's colour at p = 0, white at p = 0.5, class 1's at p = 1 (the Playground's shading)
                double p = (s + 0.5) / SHADES;
                colours[s] = p < 0.5 ? blend(Color.WHITE, Charts.CLASS_0, (0.5 - p) * 1.2)
                        : blend(Color.WHITE, Charts.CLASS_1, (p - 0.5) * 1.2);
            }
            for (int k = 0; k < cells; k++) {
                bucket[k] = Math.min(SHADES - 1, Math.max(0, (int) (A[0][k] * SHADES)));
            }
        } else {
            colours = new Color[A.length];
            for (int c = 0; c < A.length; c++) {
                colours[c] = blend(Color.WHITE, CLASS_COLORS[c % CLASS_COLORS.length], 0.35);
            }
            for (int k = 0; k < cells; k++) {
                int best = 0;
                for (int c = 1; c < A.length; c++) {
                    if (A[c][k] > A[best][k]) {
                        best = c;
                    }
                }
                bucket[k] = best;
            }
        }

        XYChart chart = Charts.xy(title, "x₁", "x₂", width, height);
        chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax).setYAxisMin(yMin).setYAxisMax(yMax);
        chart.getStyler().setPlotGridLinesVisible(false);
        Marker cell = new Cell(Math.ceil(width * 0.9 / GRID) + 1, Math.ceil(height * 0.8 / GRID) + 1);
        for (int b = 0; b < colours.length; b++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < cells; k++) {
                if (bucket[k] == b) {
                    xs.add(grid[k]);
                    ys.add(grid[cells + k]);
                }
            }
            if (!xs.isEmpty()) {
                String name = A.length == 1 ? String.format("P(y = 1) %.1f–%.1f", (double) b / SHADES,
                        (b + 1.0) / SHADES) : "predicted " + b;
                XYSeries s = chart.addSeries(name, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(cell);
                s.setMarkerColor(colours[b]);
                s.setShowInLegend(A.length > 1);
            }
        }
        addData(chart, X, Y.rows() > 1 ? classesOf(Y) : Y);
        return chart;
    }

    private static Matrix classesOf(Matrix oneHot) {
        double[][] y = oneHot.toArray2D();
        double[] classes = new double[oneHot.cols()];
        for (int j = 0; j < classes.length; j++) {
            for (int c = 0; c < y.length; c++) {
                if (y[c][j] > y[(int) classes[j]][j]) {
                    classes[j] = c;
                }
            }
        }
        return Matrix.row(classes);
    }

    private static void addData(XYChart chart, Matrix X, Matrix Y) {
        double[] x = X.toArray();
        double[] y = Y.toArray();
        int m = X.cols();
        int classes = (int) Arrays.stream(y).max().orElse(0) + 1;
        for (int c = 0; c < classes; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (y[i] == c) {
                    xs.add(x[i]);
                    ys.add(x[m + i]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries("y = " + c, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(CLASS_COLORS[c % CLASS_COLORS.length]);
            }
        }
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** A filled rectangle the size of one grid cell. */
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
