package dev.backprop.lessons;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.train.Sequential;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.AnnotationImage;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The TensorFlow Playground's pictures: a data set's training and test points, and the network diagram with every
 * neuron's output over the input square drawn as a small heat map (orange −1, white 0, blue +1, the Playground's
 * colours) and the links coloured by the sign of their weight and as thick as its size.
 */
public final class PlaygroundCharts {

    /** The Playground's colours: blue for positive, orange for negative. */
    static final Color POSITIVE = new Color(0x0877BD);
    static final Color NEGATIVE = new Color(0xF59322);
    /** The input square the heat maps cover, as the Playground's: [−6, 6]². */
    static final double EXTENT = 6;
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;
    private static final int GRID = 60;
    private static final int NODE = 44;
    private static final int OUTPUT = 170;

    private PlaygroundCharts() {
    }

    /** The training points (filled circles) and test points (diamonds) of a split, coloured by class. */
    public static XYChart dataset(String title, Dataset train, Dataset test) {
        XYChart chart = Charts.xy(title, "x₁", "x₂");
        chart.getStyler().setXAxisMin(-EXTENT).setXAxisMax(EXTENT).setYAxisMin(-EXTENT).setYAxisMax(EXTENT);
        addPoints(chart, "training", train, SeriesMarkers.CIRCLE, 1);
        addPoints(chart, "test", test, SeriesMarkers.DIAMOND, 0.45);
        return chart;
    }

    private static void addPoints(XYChart chart, String part, Dataset data,
                                  org.knowm.xchart.style.markers.Marker marker, double strength) {
        double[][] x = data.X().toArray2D();
        double[] y = data.Y().toArray();
        for (int label = 0; label <= 1; label++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int j = 0; j < y.length; j++) {
                if (y[j] == label) {
                    xs.add(x[0][j]);
                    ys.add(x[1][j]);
                }
            }
            if (!xs.isEmpty()) {
                XYSeries s = chart.addSeries(part + ", y = " + label, xs, ys);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(marker);
                s.setMarkerColor(blend(label == 1 ? strength : -strength));
            }
        }
    }

    /**
     * The network diagram of a model of {@link Dense} layers over the given input features: a column of nodes per
     * layer, each node the heat map of its output over [−6, 6]², the links between them coloured by the weight's sign
     * and as wide as its size, and the output drawn large with the test points on it.
     */
    public static XYChart network(String title, Sequential model, List<PlaygroundFeature> features, Dataset test) {
        List<Dense> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            layers.add((Dense) layer);
        }
        // every node's output over the grid: column 0 the features, column l the layer l's A^[l]
        Matrix grid = grid();
        List<double[][]> outputs = new ArrayList<>();
        Matrix A = PlaygroundFeature.transform(grid, features);
        outputs.add(A.toArray2D());
        for (Dense layer : layers) {
            A = layer.forward(A, false);
            outputs.add(A.toArray2D());
        }
        int columns = outputs.size();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        XYStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setAxisTicksVisible(false);
        styler.setAxisTicksLineVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setXAxisTitleVisible(false);
        styler.setYAxisTitleVisible(false);
        styler.setAntiAlias(true);
        styler.setAnnotationTextFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 15));
        styler.setXAxisMin(-0.6);
        styler.setXAxisMax(columns - 0.2);
        styler.setYAxisMin(0.0);
        styler.setYAxisMax(1.0);
        // links: W^[l][i][k] from node k of column l−1 to node i of column l
        double largest = 1e-12;
        for (Dense layer : layers) {
            largest = Math.max(largest, layer.W().abs().max());
        }
        int link = 0;
        for (int l = 1; l < columns; l++) {
            double[][] W = layers.get(l - 1).W().toArray2D();
            int n = W.length;
            int nPrev = W[0].length;
            double xTo = l == columns - 1 ? l + 0.15 : l;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < nPrev; k++) {
                    XYSeries s = chart.addSeries("w" + (link++), new double[] {l - 1, xTo},
                            new double[] {nodeY(k, nPrev), nodeY(i, n)});
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineColor(W[i][k] >= 0 ? POSITIVE : NEGATIVE);
                    s.setLineStyle(new BasicStroke((float) (0.5 + 5 * Math.abs(W[i][k]) / largest),
                            BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            double[][] values = outputs.get(c);
            boolean output = c == columns - 1;
            for (int i = 0; i < values.length; i++) {
                double[] v = values[i];
                double scale = c == 0 ? Matrix.row(v).abs().max() : 1;
                BufferedImage image = output ? heatMap(sigmoidToSigned(v), 1, OUTPUT, test)
                        : heatMap(v, scale, NODE, null);
                double x = output ? c + 0.15 : c;
                chart.addAnnotation(new AnnotationImage(image, x, nodeY(i, values.length), false));
            }
            if (c == 0) {
                for (int i = 0; i < features.size(); i++) {
                    chart.addAnnotation(new AnnotationText(features.get(i).toString(), -0.4,
                            nodeY(i, features.size()), false));
                }
            }
        }
        return chart;
    }

    private static double nodeY(int i, int n) {
        return 1 - (i + 1.0) / (n + 1);
    }

    /** A GRID × GRID grid over [−6, 6]², row by row from the top: X (2, GRID²). */
    private static Matrix grid() {
        double[][] X = new double[2][GRID * GRID];
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                X[0][r * GRID + c] = -EXTENT + 2 * EXTENT * (c + 0.5) / GRID;
                X[1][r * GRID + c] = EXTENT - 2 * EXTENT * (r + 0.5) / GRID;
            }
        }
        return Matrix.of(X);
    }

    /** A probability p ∈ [0, 1] as the Playground's signed output 2p − 1 ∈ [−1, 1]. */
    private static double[] sigmoidToSigned(double[] p) {
        double[] s = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            s[k] = 2 * p[k] - 1;
        }
        return s;
    }

    /** Values over the grid as a size × size image, v/scale from orange (−1) through white (0) to blue (+1). */
    private static BufferedImage heatMap(double[] values, double scale, int size, Dataset points) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < size; py++) {
            for (int px = 0; px < size; px++) {
                int k = (py * GRID / size) * GRID + px * GRID / size;
                double t = Math.max(-1, Math.min(1, values[k] / (scale == 0 ? 1 : scale)));
                image.setRGB(px, py, blend(t).getRGB());
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (points != null) {
            double[][] x = points.X().toArray2D();
            double[] y = points.Y().toArray();
            for (int j = 0; j < y.length; j++) {
                int px = (int) Math.round((x[0][j] + EXTENT) / (2 * EXTENT) * size);
                int py = (int) Math.round((EXTENT - x[1][j]) / (2 * EXTENT) * size);
                g.setColor(y[j] == 1 ? POSITIVE : NEGATIVE);
                g.fillOval(px - 3, py - 3, 6, 6);
                g.setColor(Color.WHITE);
                g.drawOval(px - 3, py - 3, 6, 6);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(0, 0, size - 1, size - 1);
        g.dispose();
        return image;
    }

    private static Color blend(double t) {
        Color to = t >= 0 ? POSITIVE : NEGATIVE;
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + (to.getRed() - 255) * a),
                (int) Math.round(255 + (to.getGreen() - 255) * a), (int) Math.round(255 + (to.getBlue() - 255) * a));
    }
}
