package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** <i>Deep Learning Workshop</i>: fitting ŷ = wX + b to eight points by gradient descent. */
public final class LinearRegressionLesson implements Lesson {

    @Override
    public int number() {
        return 4;
    }

    @Override
    public String name() {
        return "linear-regression";
    }

    @Override
    public String title() {
        return "Linear regression by gradient descent";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The data", """
                The features and labels of *Deep Learning Workshop* (the BUDSA deck):
                $X = [-7, -4, -1, 2, 5, 8, 11, 14]$ and $y = X + 10$.
                The model has one weight and one bias: $\\hat{y} = wX + b$. We should learn $w = 1$, $b = 10$.
                """);
        Matrix X = Matrix.row(-7, -4, -1, 2, 5, 8, 11, 14);
        Matrix y = X.plus(10);
        int m = X.cols();
        log.println("X = " + X + "   shape " + X.shape());
        log.println("y = " + y + "   shape " + y.shape());

        log.step("Two costs: MSE and MAE", """
                Mean squared error $J_{MSE} = \\frac{1}{m} \\sum (\\hat{y} - y)^2$ punishes large errors most;
                mean absolute error $J_{MAE} = \\frac{1}{m} \\sum |\\hat{y} - y|$ (what the Keras model of the
                *Deep Learning Workshop* deck trains on) treats every unit of error alike. At the start, $w = 0$
                and $b = 0$, so $\\hat{y} = 0$.
                """);
        double w = 0;
        double b = 0;
        Matrix yHat = X.times(w).plus(b);
        log.printf("MSE = %.4f   MAE = %.4f", mse(yHat, y), mae(yHat, y));

        log.step("The gradient-descent update", """
                The derivatives of the MSE: $\\frac{\\partial J}{\\partial w} = \\frac{2}{m} \\sum (\\hat{y} - y) x$ and
                $\\frac{\\partial J}{\\partial b} = \\frac{2}{m} \\sum (\\hat{y} - y)$. Each epoch takes one step
                downhill: $w := w - \\alpha \\frac{\\partial J}{\\partial w}$, $b := b - \\alpha \\frac{\\partial J}{\\partial b}$,
                with learning rate $\\alpha = 0.01$.
                """);
        double alpha = 0.01;
        int epochs = 1000;
        Map<String, double[]> lines = new LinkedHashMap<>();
        double[][] costs = new double[3][epochs / 10];
        for (int epoch = 0; epoch < epochs; epoch++) {
            yHat = X.times(w).plus(b);
            if (epoch % 10 == 0) {
                costs[0][epoch / 10] = epoch;
                costs[1][epoch / 10] = mse(yHat, y);
                costs[2][epoch / 10] = mae(yHat, y);
            }
            if (epoch == 0 || epoch == 10 || epoch == 100) {
                lines.put("epoch " + epoch + String.format(": ŷ = %.2f x + %.2f", w, b), yHat.toArray());
            }
            // dJ/dw = (2/m) Σ (ŷ − y) x,  dJ/db = (2/m) Σ (ŷ − y)
            Matrix error = yHat.minus(y);
            double dw = 2.0 / m * error.times(X).sum();
            double db = 2.0 / m * error.sum();
            if (epoch < 3) {
                log.printf("epoch %d: MSE %.4f, dJ/dw = %.4f, dJ/db = %.4f → w = %.4f, b = %.4f", epoch,
                        mse(yHat, y), dw, db, w - alpha * dw, b - alpha * db);
            }
            w -= alpha * dw;
            b -= alpha * db;
            if (epoch % 100 == 99) {
                log.printf("epoch %4d: MSE %.3e  MAE %.3e", epoch + 1, mse(X.times(w).plus(b), y),
                        mae(X.times(w).plus(b), y));
            }
        }
        lines.put("epoch " + epochs + String.format(": ŷ = %.2f x + %.2f", w, b), X.times(w).plus(b).toArray());

        log.step("The fitted line", """
                The line at several epochs against the data: it turns towards slope 1 first (the large $x$ values
                make $\\partial J / \\partial w$ large), then slides up towards intercept 10.
                """);
        XYChart fit = Charts.xy("Linear regression: the line at several epochs", "X", "y");
        fit.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        fit.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        XYSeries data = fit.addSeries("data: y = X + 10", X.toArray(), y.toArray());
        data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        data.setMarker(SeriesMarkers.CIRCLE);
        lines.forEach((name, values) -> {
            XYSeries s = fit.addSeries(name, X.toArray(), values);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
        });
        log.plot("fitted-line", fit);
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("MSE (trained on)", new double[][] {costs[0], costs[1]});
        curves.put("MAE", new double[][] {costs[0], costs[2]});
        XYChart costChart = Charts.costCurve("Cost per epoch", curves);
        costChart.getStyler().setYAxisLogarithmic(true);
        costChart.setXAxisTitle("epoch");
        log.plot("cost-curve", costChart);

        log.step("What was learned", """
                After 1000 epochs the parameters are those of $y = X + 10$.
                """);
        log.printf("learned w = %.6f ≈ 1, b = %.6f ≈ 10", w, b);
        log.printf("final MSE = %.2e, MAE = %.2e", mse(X.times(w).plus(b), y), mae(X.times(w).plus(b), y));
    }

    private static double mse(Matrix yHat, Matrix y) {
        return yHat.minus(y).square().mean();
    }

    private static double mae(Matrix yHat, Matrix y) {
        return yHat.minus(y).abs().mean();
    }
}
