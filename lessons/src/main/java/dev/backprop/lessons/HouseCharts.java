package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of the house-prices lesson: the synthetic table, predictions against prices, the sigmoid's threshold. */
public final class HouseCharts {

    private static final Color[] MODEL_COLORS = {new Color(0xF28E2B), new Color(0x4E79A7)};

    private HouseCharts() {
    }

    /** Price Y (1, m) against square feet, the third row of X (3, m). */
    public static XYChart pricesBySquareFeet(String title, Matrix X, Matrix Y) {
        XYChart chart = Charts.xy(title, "square feet", "price ($1000)");
        double[] sqft = new double[X.cols()];
        for (int j = 0; j < X.cols(); j++) {
            sqft[j] = X.get(2, j);
        }
        XYSeries houses = chart.addSeries("houses", sqft, Y.toArray());
        houses.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        houses.setMarker(SeriesMarkers.CIRCLE);
        double lo = min(sqft);
        double hi = Matrix.row(sqft).max();
        XYSeries budget = chart.addSeries("budget $" + (int) HousePricesLesson.BUDGET + "k", new double[] {lo, hi},
                new double[] {HousePricesLesson.BUDGET, HousePricesLesson.BUDGET});
        budget.setMarker(SeriesMarkers.NONE);
        budget.setLineColor(Color.GRAY);
        budget.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        return chart;
    }

    /** Each model's predictions (1, m) against the actual prices Y (1, m), with the line ŷ = y. */
    public static XYChart predictedVsActual(String title, Matrix Y, List<String> names, List<Matrix> predictions) {
        XYChart chart = Charts.xy(title, "actual price ($1000)", "predicted price ($1000)");
        double[] y = Y.toArray();
        for (int k = 0; k < names.size(); k++) {
            XYSeries s = chart.addSeries(names.get(k), y, predictions.get(k).toArray());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(MODEL_COLORS[k % MODEL_COLORS.length]);
        }
        double lo = min(y);
        double hi = Y.max();
        XYSeries perfect = chart.addSeries("ŷ = y", new double[] {lo, hi}, new double[] {lo, hi});
        perfect.setMarker(SeriesMarkers.NONE);
        perfect.setLineColor(Color.GRAY);
        return chart;
    }

    /** σ(z) over z, the houses at (z, σ(z)) coloured by their label A (1, m), the threshold 0.5 and one marked z. */
    public static XYChart sigmoidThreshold(String title, Matrix Z, Matrix A, double marked) {
        XYChart chart = Charts.xy(title, "z = w·x + b", "σ(z)");
        double zMax = Math.max(Math.abs(min(Z.toArray())), Z.abs().max()) + 0.5;
        Matrix z = Matrix.linspace(-zMax, zMax, 201);
        XYSeries curve = chart.addSeries("σ(z)", z.toArray(), sigmoid(z).toArray());
        curve.setMarker(SeriesMarkers.NONE);
        curve.setLineColor(Color.DARK_GRAY);
        double[] zs = Z.toArray();
        double[] labels = A.toArray();
        for (int label = 0; label <= 1; label++) {
            List<Double> x = new ArrayList<>();
            List<Double> s = new ArrayList<>();
            for (int j = 0; j < zs.length; j++) {
                if (labels[j] == label) {
                    x.add(zs[j]);
                    s.add(1 / (1 + Math.exp(-zs[j])));
                }
            }
            if (!x.isEmpty()) {
                XYSeries points = chart.addSeries(label == 1 ? "affordable (y = 1)" : "too expensive (y = 0)", x, s);
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                points.setMarker(SeriesMarkers.CIRCLE);
                points.setMarkerColor(label == 0 ? Charts.CLASS_0 : Charts.CLASS_1);
            }
        }
        XYSeries threshold = chart.addSeries("threshold σ(z) = 0.5", new double[] {-zMax, zMax},
                new double[] {0.5, 0.5});
        threshold.setMarker(SeriesMarkers.NONE);
        threshold.setLineColor(Color.GRAY);
        XYSeries deck = chart.addSeries("the deck's house (5, 3, 3000)", new double[] {marked},
                new double[] {1 / (1 + Math.exp(-marked))});
        deck.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        deck.setMarker(SeriesMarkers.DIAMOND);
        deck.setMarkerColor(Color.BLACK);
        return chart;
    }

    private static Matrix sigmoid(Matrix z) {
        return z.map(v -> 1 / (1 + Math.exp(-v)));
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }
}
