package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.Optimization.MiniBatch;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;

/**
 * Gradient descent on a loss of two parameters, where it can be drawn: the loss surface of a straight-line fit
 * ŷ = w₀ + w₁x as contours with the path taken (<i>Introduction to Deep Learning</i>, the TensorFlow deck, "Loss
 * Optimization"), the learning rate too small, right and too large (the handwritten notes <i>Deep Learning, Chapter 1:
 * Intro to Neural Networks</i>), then batch, stochastic and mini-batch gradient descent on the same data (the notes'
 * §1.6 to §1.6.2).
 */
public final class GradientDescentLesson implements Lesson {

    private static final double[] W0_RANGE = {-2, 8};
    private static final double[] W1_RANGE = {-2.5, 6};
    /** Wide enough for the overshooting path's first jumps across the valley. */
    private static final double[] WIDE_W0_RANGE = {-4, 12};
    private static final double[] WIDE_W1_RANGE = {-3.5, 9.5};

    @Override
    public int number() {
        return 10;
    }

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public String title() {
        return "Gradient descent: batch, stochastic and mini-batch";
    }

    @Override
    public void run(LessonLog log) {
        log.step("A loss of two parameters", """
                *Deep Learning, Chapter 1: Intro to Neural Networks* (the handwritten notes) fits a line
                $\\hat{y} = w_0 + w_1 x$ to points and asks how to find the best $(w_0, w_1)$ "without knowing what
                $J$ looks like". With two parameters we *can* look: the cost

                $J(w_0, w_1) = \\frac{1}{2m} \\sum_{i=1}^{m} \\left(w_0 + w_1 x^{(i)} - y^{(i)}\\right)^2$

                is a bowl over the $(w_0, w_1)$ plane, drawn as contours (darker is lower). The data: $m = 100$
                points $x \\sim U(0, 2)$, $y = 4 + 3x + \\text{noise}$, with `np.random.seed(0)`; examples are
                columns, $X$ and $Y$ are $(1, 100)$. The least-squares solution, for reference, solves the normal
                equations.
                """);
        NumpyRandom random = new NumpyRandom(0);
        Matrix X = random.rand(1, 100).times(2);
        Matrix Y = X.times(3).plus(4).plus(random.randn(1, 100));
        double[] best = leastSquares(X, Y);
        log.println("X " + X.shape() + "  Y " + Y.shape());
        log.printf("least squares: w0 = %.6f, w1 = %.6f, J = %.6f", best[0], best[1], cost(best[0], best[1], X, Y));
        log.plot("loss-surface", LearningCharts.contours("The cost J(w₀, w₁) of a line fit", "w₀ (intercept)",
                "w₁ (slope)", W0_RANGE, W1_RANGE, (w0, w1) -> cost(w0, w1, X, Y),
                Map.of("least-squares minimum", new double[][] {{best[0]}, {best[1]}})));

        log.step("Gradient descent", """
                The algorithm of *Introduction to Deep Learning* (the TensorFlow deck): "Randomly pick an initial
                $(w_0, w_1)$", compute the gradient, "take small step in opposite direction of gradient", repeat until
                convergence:

                $\\frac{\\partial J}{\\partial w_0} = \\frac{1}{m} \\sum_i (\\hat{y}^{(i)} - y^{(i)}),\\quad
                \\frac{\\partial J}{\\partial w_1} = \\frac{1}{m} \\sum_i (\\hat{y}^{(i)} - y^{(i)})\\, x^{(i)}$

                $w \\leftarrow w - \\eta \\frac{\\partial J}{\\partial w}$ with the learning rate $\\eta = 0.5$,
                100 iterations. The first steps are the longest: far from the minimum the gradient is large.
                """);
        double[] start = random.randn(2);
        log.printf("random start: w0 = %.6f, w1 = %.6f", start[0], start[1]);
        double w0 = start[0];
        double w1 = start[1];
        double learningRate = 0.5;
        List<Double> w0s = new ArrayList<>(List.of(w0));
        List<Double> w1s = new ArrayList<>(List.of(w1));
        for (int i = 0; i < 100; i++) {
            if (i % 10 == 0) {
                log.printf("Cost after iteration %d: %f", i, cost(w0, w1, X, Y));
            }
            // dZ = ŷ − y;  dw0 = (1/m) Σ dZ;  dw1 = (1/m) Σ dZ·x
            Matrix dZ = X.times(w1).plus(w0).minus(Y);
            double dw0 = dZ.mean();
            double dw1 = dZ.times(X).mean();
            w0 = w0 - learningRate * dw0;
            w1 = w1 - learningRate * dw1;
            w0s.add(w0);
            w1s.add(w1);
        }
        log.printf("Cost after iteration 100: %f", cost(w0, w1, X, Y));
        log.printf("after 100 iterations: w0 = %.6f, w1 = %.6f (least squares: %.6f, %.6f)", w0, w1, best[0], best[1]);
        Map<String, double[][]> path = new LinkedHashMap<>();
        path.put("gradient descent, η = 0.5", new double[][] {toArray(w0s), toArray(w1s)});
        log.plot("gradient-descent-path", LearningCharts.contours("Gradient descent from a random start, η = 0.5",
                "w₀ (intercept)", "w₁ (slope)", W0_RANGE, W1_RANGE, (a, b) -> cost(a, b, X, Y), path));

        log.step("The learning rate: too small, right, too large", """
                The handwritten notes: "Too small steps → too long to optimize our model"; "too large steps →
                overshooting our minimum". Here the bowl is steep across its valley and nearly flat along it: with
                $\\eta = 0.02$ gradient descent crawls, with $\\eta = 0.5$ it arrives, and with $\\eta = 1.0$ each step
                jumps over the valley to a higher point on the other side, so the cost grows and the path leaves the
                picture. For this $J$, any $\\eta$ above $2 / \\lambda_{\\max}$ diverges, where $\\lambda_{\\max}$ is
                the largest eigenvalue of
                $\\begin{pmatrix} 1 & \\bar{x} \\\\ \\bar{x} & \\overline{x^2} \\end{pmatrix}$, the curvature across the
                valley. Same start, 50 iterations each.
                """);
        double meanX = X.mean();
        double meanX2 = X.square().mean();
        double lambdaMax = (1 + meanX2) / 2 + Math.sqrt((1 - meanX2) * (1 - meanX2) / 4 + meanX * meanX);
        log.printf("λ_max = %.6f, so η must stay below 2/λ_max = %.6f", lambdaMax, 2 / lambdaMax);
        Map<String, double[][]> paths = new LinkedHashMap<>();
        Map<String, double[][]> costs = new LinkedHashMap<>();
        for (double eta : new double[] {0.5, 0.02, 1.0}) {
            double[][] run = gradientDescent(start, X, Y, eta, 50);
            String label = String.format("η = %.2f", eta) + (eta < 0.1 ? ": too small" : eta > 0.9
                    ? ": too large" : ": right");
            paths.put(label, run);
            double[] J = new double[run[0].length];
            double[] iteration = new double[run[0].length];
            for (int i = 0; i < J.length; i++) {
                J[i] = cost(run[0][i], run[1][i], X, Y);
                iteration[i] = i;
            }
            costs.put(label, new double[][] {iteration, J});
            log.printf("%-18s cost after 50 iterations: %f", label, J[J.length - 1]);
        }
        log.plot("learning-rates", LearningCharts.contours("Three learning rates from the same start",
                "w₀ (intercept)", "w₁ (slope)", WIDE_W0_RANGE, WIDE_W1_RANGE, (a, b) -> cost(a, b, X, Y), paths));
        XYChart costChart = LearningCharts.curves("Cost per iteration (log scale)", "iteration", "cost J", costs, Set.of());
        costChart.getStyler().setYAxisLogarithmic(true);
        log.plot("learning-rate-costs", costChart);

        log.step("Batch, stochastic and mini-batch gradient descent", """
                The handwritten notes, §1.6: *batch* gradient descent uses all $m$ examples for each step (one step
                per epoch); §1.6.1, *stochastic* gradient descent uses "a single data point", $m$ steps per epoch,
                each on a noisy estimate of the gradient; §1.6.2, *mini-batch* gradient descent uses $n$ examples,
                "less noisy than stochastic gradient descent" and, as *Introduction to Deep Learning*
                (the TensorFlow deck) adds, fast on a GPU. The batches come from
                `random_mini_batches(X, Y, mini_batch_size, seed)` (DLS), which shuffles the columns anew each
                epoch (seed = epoch). Same start, same $\\eta = 0.1$, 20 epochs; the cost is measured on all 100
                points after every step.
                """);
        Map<String, double[][]> variants = new LinkedHashMap<>();
        Map<String, double[][]> variantPaths = new LinkedHashMap<>();
        int epochs = 20;
        log.printf("%-25s %5s  %18s  %9s  %9s  %26s", "", "steps", "cost after epoch 1", "epoch 5", "epoch 20",
                "spread over the last epoch");
        for (int batchSize : new int[] {100, 1, 16}) {
            String label = batchSize == 100 ? "batch (m = 100)" : batchSize == 1 ? "stochastic (1 example)"
                    : "mini-batch (16 examples)";
            double[] w = start.clone();
            List<Double> epoch = new ArrayList<>(List.of(0.0));
            List<Double> J = new ArrayList<>(List.of(cost(w[0], w[1], X, Y)));
            List<Double> pathW0 = new ArrayList<>(List.of(w[0]));
            List<Double> pathW1 = new ArrayList<>(List.of(w[1]));
            for (int e = 0; e < epochs; e++) {
                List<MiniBatch> batches = Optimization.randomMiniBatches(X, Y, batchSize, e);
                for (int t = 0; t < batches.size(); t++) {
                    MiniBatch batch = batches.get(t);
                    Matrix dZ = batch.X().times(w[1]).plus(w[0]).minus(batch.Y());
                    w[0] -= 0.1 * dZ.mean();
                    w[1] -= 0.1 * dZ.times(batch.X()).mean();
                    epoch.add(e + (t + 1.0) / batches.size());
                    J.add(cost(w[0], w[1], X, Y));
                    pathW0.add(w[0]);
                    pathW1.add(w[1]);
                }
            }
            int perEpoch = (J.size() - 1) / epochs;
            List<Double> lastEpoch = J.subList(J.size() - perEpoch, J.size());
            log.printf("%-25s %5d  %18f  %9f  %9f  %26.6f",
                    label, J.size() - 1, J.get(perEpoch), J.get(5 * perEpoch), J.get(J.size() - 1),
                    lastEpoch.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                            - lastEpoch.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            variants.put(label, new double[][] {toArray(epoch), toArray(J)});
            variantPaths.put(label, new double[][] {toArray(pathW0), toArray(pathW1)});
        }
        XYChart variantChart = LearningCharts.curves("Cost after every step, same η = 0.1 (log scale)", "epoch",
                "cost J on all 100 points", variants, Set.of());
        variantChart.getStyler().setYAxisLogarithmic(true);
        log.plot("batch-stochastic-mini-batch", variantChart);
        log.plot("batch-stochastic-mini-batch-paths", LearningCharts.contours("Their paths: 20 epochs each",
                "w₀ (intercept)", "w₁ (slope)", W0_RANGE, W1_RANGE, (a, b) -> cost(a, b, X, Y), variantPaths));
    }

    /** J(w₀, w₁) = (1/2m) Σ (w₀ + w₁x − y)² over the columns of X and Y (1, m). */
    private static double cost(double w0, double w1, Matrix X, Matrix Y) {
        return X.times(w1).plus(w0).minus(Y).square().mean() / 2;
    }

    /**
     * The minimum of J from the normal equations: w₁ = cov(x, y) / var(x), w₀ = ȳ − w₁ x̄.
     */
    private static double[] leastSquares(Matrix X, Matrix Y) {
        double meanX = X.mean();
        double meanY = Y.mean();
        double w1 = X.minus(meanX).times(Y.minus(meanY)).mean() / X.minus(meanX).square().mean();
        return new double[] {meanY - w1 * meanX, w1};
    }

    /** The path {w₀ values, w₁ values} of {@code iterations} full-batch steps from {@code start}. */
    private static double[][] gradientDescent(double[] start, Matrix X, Matrix Y, double learningRate, int iterations) {
        double[][] path = new double[2][iterations + 1];
        path[0][0] = start[0];
        path[1][0] = start[1];
        for (int i = 1; i <= iterations; i++) {
            Matrix dZ = X.times(path[1][i - 1]).plus(path[0][i - 1]).minus(Y);
            path[0][i] = path[0][i - 1] - learningRate * dZ.mean();
            path[1][i] = path[1][i - 1] - learningRate * dZ.times(X).mean();
        }
        return path;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
