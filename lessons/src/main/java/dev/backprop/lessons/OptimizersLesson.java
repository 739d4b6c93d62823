package dev.backprop.lessons;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Moons;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.Optimization.ModelRun;
import dev.backprop.core.optim.Adadelta;
import dev.backprop.core.optim.Adagrad;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.optim.Momentum;
import dev.backprop.core.optim.Nesterov;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.optim.RmsProp;
import dev.backprop.core.random.NumpyRandom;
import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

/**
 * The optimizers of the <i>Introduction to Deep Learning</i> deck's table (SGD, Adam, Adadelta, Adagrad, RMSProp)
 * plus momentum and Nesterov, first on two-parameter loss surfaces, then in the Deep Learning Specialization's
 * "Optimization Methods" runs on make_moons, and learning-rate decay.
 */
public final class OptimizersLesson implements Lesson {

    @Override
    public int number() {
        return 13;
    }

    @Override
    public String name() {
        return "optimizers";
    }

    @Override
    public String title() {
        return "Optimizers: momentum, RMSProp, Adam and learning-rate decay";
    }

    /** The elongated bowl J(w₀, w₁) = 0.01 w₀² + w₁²: a hundred times steeper across the valley than along it. */
    private static double bowl(double w0, double w1) {
        return 0.01 * w0 * w0 + w1 * w1;
    }

    /** ∂J/∂w of the bowl, as a 1×2 row [∂J/∂w₀, ∂J/∂w₁]. */
    private static Matrix bowlGradient(Matrix w) {
        return Matrix.row(0.02 * w.get(0, 0), 2 * w.get(0, 1));
    }

    /** Rosenbrock's banana J(w₀, w₁) = (1 − w₀)² + 100 (w₁ − w₀²)², its minimum 0 at (1, 1) in a curved valley. */
    private static double rosenbrock(double w0, double w1) {
        return (1 - w0) * (1 - w0) + 100 * (w1 - w0 * w0) * (w1 - w0 * w0);
    }

    /** ∂J/∂w₀ = −2(1 − w₀) − 400 w₀ (w₁ − w₀²), ∂J/∂w₁ = 200 (w₁ − w₀²). */
    private static Matrix rosenbrockGradient(Matrix w) {
        double w0 = w.get(0, 0);
        double w1 = w.get(0, 1);
        return Matrix.row(-2 * (1 - w0) - 400 * w0 * (w1 - w0 * w0), 200 * (w1 - w0 * w0));
    }

    /**
     * Takes {@code steps} steps of {@code optimizer} from w = start (a 1×2 parameter matrix) and returns the path
     * {w₀ values, w₁ values}, keeping every {@code every}-th point (and the last).
     */
    private static double[][] path(Optimizer optimizer, Matrix start, UnaryOperator<Matrix> gradient, int steps,
                                   int every) {
        int points = steps / every + 1;
        double[][] path = new double[2][points];
        Matrix w = start;
        path[0][0] = w.get(0, 0);
        path[1][0] = w.get(0, 1);
        for (int t = 1; t <= steps; t++) {
            w = optimizer.update(List.of(w), List.of(gradient.apply(w))).get(0);
            if (t % every == 0) {
                path[0][t / every] = w.get(0, 0);
                path[1][t / every] = w.get(0, 1);
            }
        }
        return path;
    }

    /** Runs every optimizer on one surface and prints where it ends. */
    private static Map<String, double[][]> race(LessonLog log, Map<String, Optimizer> optimizers, Matrix start,
                                                UnaryOperator<Matrix> gradient, DoubleBinaryOperator J, int steps,
                                                int every) {
        Map<String, double[][]> paths = new LinkedHashMap<>();
        for (Map.Entry<String, Optimizer> o : optimizers.entrySet()) {
            double[][] p = path(o.getValue(), start, gradient, steps, every);
            int last = p[0].length - 1;
            log.printf("%-23s after %4d steps: w = (%8.4f, %8.4f), J = %.6f", o.getKey(), steps, p[0][last],
                    p[1][last], J.applyAsDouble(p[0][last], p[1][last]));
            paths.put(o.getKey(), p);
        }
        return paths;
    }

    /** The cost every 100 epochs as {epochs, costs}. */
    private static double[][] curve(ModelRun run) {
        double[][] c = new double[2][run.costs().size()];
        for (int i = 0; i < c[0].length; i++) {
            c[0][i] = 100.0 * i;
            c[1][i] = run.costs().get(i);
        }
        return c;
    }

    /** The network's P(y = 1) at each grid point. */
    private static Matrix output(Matrix grid, ModelRun run, Backend backend) {
        return Optimization.forwardPropagation(grid.to(backend), run.parameters()).AL().to(grid.backend());
    }

    /** DLS's {@code model()} on make_moons, printing the cost every 1000 epochs. */
    private static ModelRun model(LessonLog log, Matrix X, Matrix Y, String optimizer, double learningRate,
                                  Optimization.Decay decay) {
        return Optimization.model(X, Y, new int[] {2, 5, 2, 1}, optimizer, learningRate, 64, 0.9, 0.9, 0.999, 1e-8,
                5000, (i, cost) -> {
                    if (i % 2000 == 0) {
                        log.printf("Cost after epoch %d: %f", i, cost);
                    }
                }, decay, 1);
    }

    @Override
    public void run(LessonLog log) {
        log.step("Gradient descent in a long, narrow valley", """
                Every optimizer takes the gradient $dW = \\frac{\\partial J}{\\partial W}$ and turns it into a step.
                Plain gradient descent ("take small step in opposite direction of gradient", in the words of
                *Introduction to Deep Learning*, the TensorFlow deck) steps
                $W := W - \\alpha\\, dW$. On the bowl $J(w_0, w_1) = 0.01\\,w_0^2 + w_1^2$ the gradient points
                mostly across the valley: a learning rate large enough to move along $w_0$ makes $w_1$ bounce from
                wall to wall. Each optimizer below is the real `core.optim` class, stepping a $1 \\times 2$
                parameter matrix $W = [w_0, w_1]$ for 80 steps from $(-9, 1.5)$.
                """);
        Matrix start = Matrix.row(-9, 1.5);
        Map<String, Optimizer> onBowl = new LinkedHashMap<>();
        onBowl.put("SGD α=0.9", new GradientDescent(0.9));
        onBowl.put("momentum α=4, β=0.9", new Momentum(4, 0.9));
        onBowl.put("Nesterov α=0.4, μ=0.9", new Nesterov(0.4, 0.9));
        onBowl.put("RMSProp α=0.3", new RmsProp(0.3));
        onBowl.put("Adagrad α=2", new Adagrad(2));
        onBowl.put("Adadelta α=1", new Adadelta(1));
        onBowl.put("Adam α=0.5", new Adam(0.5));
        Map<String, double[][]> bowlPaths = race(log, onBowl, start, w -> bowlGradient(w),
                (w0, w1) -> bowl(w0, w1), 80, 1);
        log.plot("bowl-paths", PracticeCharts.contourPaths("Elongated bowl J = 0.01 w₀² + w₁²: 80 steps each",
                (w0, w1) -> bowl(w0, w1), -10, 3, -2.5, 2.5, bowlPaths));

        log.step("Momentum, Nesterov, RMSProp, Adagrad, Adadelta, Adam", """
                The table of gradient descent algorithms of *Introduction to Deep Learning* (the TensorFlow deck),
                one line each ($g = dW$, all operations elementwise):

                - momentum (DLS): $v = \\beta v + (1-\\beta) g$, $W := W - \\alpha v$: the bounces cancel in the
                  average, the steady pull along the valley adds up;
                - Nesterov: $v = \\mu v - \\alpha g$, $W := W + \\mu v - \\alpha g$: momentum that looks ahead;
                - Adagrad: $G = G + g^2$, $W := W - \\alpha\\, g / \\sqrt{G + \\epsilon}$: each parameter's step
                  shrinks with all its past gradients;
                - RMSProp: $s = \\rho s + (1-\\rho) g^2$, $W := W - \\alpha\\, g / \\sqrt{s + \\epsilon}$: a running
                  average instead of Adagrad's sum, so the steps don't die out;
                - Adadelta: RMSProp whose step size is itself a running RMS of past steps (no $\\alpha$ in the paper);
                - Adam: $v = \\beta_1 v + (1-\\beta_1) g$, $s = \\beta_2 s + (1-\\beta_2) g^2$, bias-corrected
                  $\\hat v = v / (1 - \\beta_1^t)$, $\\hat s = s / (1 - \\beta_2^t)$,
                  $W := W - \\alpha\\, \\hat v / (\\sqrt{\\hat s} + \\epsilon)$: momentum and RMSProp together.

                Dividing by $\\sqrt{s}$ gives every parameter a step of about $\\alpha$ whatever the size of its
                gradient: that is why RMSProp and Adam walk straight down the shallow direction. Adadelta, with
                Keras's $\\epsilon = 10^{-7}$, starts with steps of about $\\sqrt{\\epsilon}$: on the bowl it has hardly
                left its start after 80 steps. Rosenbrock's banana,
                $J = (1 - w_0)^2 + 100 (w_1 - w_0^2)^2$, is harder: a curved valley with its minimum at $(1, 1)$.
                2000 steps each from $(-1.5, 2)$, every 20th drawn. Momentum and Nesterov, at equivalent step sizes
                (Nesterov's $\\alpha$ is $(1 - \\mu)$ times momentum's), take almost the same path: one line hides the
                other.
                """);
        Matrix banana = Matrix.row(-1.5, 2);
        Map<String, Optimizer> onRosenbrock = new LinkedHashMap<>();
        onRosenbrock.put("SGD α=0.001", new GradientDescent(0.001));
        onRosenbrock.put("momentum α=0.002, β=0.9", new Momentum(0.002, 0.9));
        onRosenbrock.put("Nesterov α=0.0002, μ=0.9", new Nesterov(0.0002, 0.9));
        onRosenbrock.put("RMSProp α=0.01", new RmsProp(0.01));
        onRosenbrock.put("Adagrad α=0.5", new Adagrad(0.5));
        onRosenbrock.put("Adadelta α=1", new Adadelta(1));
        onRosenbrock.put("Adam α=0.05", new Adam(0.05));
        Map<String, double[][]> bananaPaths = race(log, onRosenbrock, banana,
                w -> rosenbrockGradient(w), (w0, w1) -> rosenbrock(w0, w1), 2000, 20);
        log.plot("rosenbrock-paths", PracticeCharts.contourPaths(
                "Rosenbrock J = (1 − w₀)² + 100 (w₁ − w₀²)²: 2000 steps each, minimum at (1, 1)",
                (w0, w1) -> rosenbrock(w0, w1), -2, 2, -1, 3, bananaPaths));
        Map<String, double[][]> bananaCosts = new LinkedHashMap<>();
        bananaPaths.forEach((name, p) -> {
            double[][] c = new double[2][p[0].length];
            for (int k = 0; k < c[0].length; k++) {
                c[0][k] = 20.0 * k;
                c[1][k] = rosenbrock(p[0][k], p[1][k]);
            }
            bananaCosts.put(name, c);
        });
        log.plot("rosenbrock-costs", PracticeCharts.lines("Rosenbrock: J along each path (log scale)", "step",
                "cost J", bananaCosts, true));

        log.step("The Deep Learning Specialization's runs on make_moons", """
                DLS "Optimization Methods": `model(X, Y, layers_dims=[2, 5, 2, 1], optimizer)`, the 3-layer network
                LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID (He initialization), trained with mini-batches of
                64 for 5000 epochs at $\\alpha = 0.0007$ on `make_moons(300, noise=.2)` (`np.random.seed(3)`), with
                `update_parameters_with_gd`, `_with_momentum` ($\\beta = 0.9$) and `_with_adam`. The cost printed
                is the epoch's average over the mini-batches.
                """);
        Dataset moons = Moons.makeMoons(300, 0.2, new NumpyRandom(3));
        Backend backend = log.backend();
        Matrix X = moons.X().to(backend);
        Matrix Y = moons.Y().to(backend);
        Map<String, ModelRun> runs = new LinkedHashMap<>();
        Map<String, double[]> published = Map.of("gd", new double[] {71.67}, "momentum", new double[] {71.67},
                "adam", new double[] {94.33});
        for (String optimizer : List.of("gd", "momentum", "adam")) {
            log.println(optimizer + ":");
            runs.put(optimizer, model(log, X, Y, optimizer, 0.0007, null));
        }
        Map<String, double[][]> costs = new LinkedHashMap<>();
        for (Map.Entry<String, ModelRun> run : runs.entrySet()) {
            double accuracy = 100 * Optimization.accuracy(X, Y, run.getValue().parameters());
            log.printf("%-8s accuracy %.2f %%   (DLS: %.2f %%)", run.getKey(), accuracy,
                    published.get(run.getKey())[0]);
            costs.put(run.getKey(), curve(run.getValue()));
            log.plot("moons-" + run.getKey(), TrainingCharts.decisionBoundary(String.format(
                    "Model with %s optimization: accuracy %.2f %%", run.getKey().equals("gd") ? "gradient descent"
                            : run.getKey(), accuracy), moons.X(), moons.Y(),
                    grid -> output(grid, run.getValue(), backend)));
        }
        XYChart costChart = PracticeCharts.lines("make_moons, [2, 5, 2, 1], α = 0.0007: the cost per epoch", "epoch",
                "cost J", costs, false);
        // momentum's curve lies on gradient descent's: dashed, so that both show
        costChart.getSeriesMap().get("momentum").setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
        log.plot("moons-costs", costChart);

        log.step("Learning-rate decay", """
                Big steps early, small steps late. DLS `update_lr`,
                $\\alpha = \\frac{\\alpha_0}{1 + \\text{decay\\_rate} \\cdot \\text{epoch\\_num}}$,
                applied after every epoch, falls so fast that training stalls. DLS `schedule_lr_decay` decays only
                every `time_interval` = 1000 epochs:
                $\\alpha = \\frac{\\alpha_0}{1 + \\text{decay\\_rate} \\cdot \\lfloor \\text{epoch\\_num} / \\text{time\\_interval} \\rfloor}$.
                Both with $\\alpha_0 = 0.1$, decay_rate = 1, gradient descent, on the same model and data. (With the
                scheduled decay, DLS's Adam run at $\\alpha_0 = 0.01$ reaches 94 % too.)
                """);
        Map<String, double[][]> rates = new LinkedHashMap<>();
        double[][] updateLr = new double[2][5000];
        double[][] scheduled = new double[2][5000];
        for (int epoch = 0; epoch < 5000; epoch++) {
            updateLr[0][epoch] = epoch;
            updateLr[1][epoch] = Optimization.updateLr(0.1, epoch, 1);
            scheduled[0][epoch] = epoch;
            scheduled[1][epoch] = Optimization.scheduleLrDecay(0.1, epoch, 1);
        }
        rates.put("update_lr(0.1, epoch, 1)", updateLr);
        rates.put("schedule_lr_decay(0.1, epoch, 1, 1000)", scheduled);
        XYChart rateChart = PracticeCharts.lines("Learning rate α per epoch (log scale)", "epoch",
                "learning rate α", rates, true);
        rateChart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        rateChart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        log.plot("learning-rates", rateChart);
        log.printf("update_lr after epoch 10: α = %.6f; schedule_lr_decay after epoch 4000: α = %.6f",
                Optimization.updateLr(0.1, 10, 1), Optimization.scheduleLrDecay(0.1, 4000, 1));
        log.println("gd with update_lr:");
        ModelRun gdUpdateLr = model(log, X, Y, "gd", 0.1, Optimization::updateLr);
        log.println("gd with schedule_lr_decay:");
        ModelRun gdScheduled = model(log, X, Y, "gd", 0.1, Optimization::scheduleLrDecay);
        log.printf("gd + update_lr          accuracy %.2f %%   (numpy reference: 65.33 %%)",
                100 * Optimization.accuracy(X, Y, gdUpdateLr.parameters()));
        log.printf("gd + schedule_lr_decay  accuracy %.2f %%   (numpy reference: 94.33 %%)",
                100 * Optimization.accuracy(X, Y, gdScheduled.parameters()));
        Map<String, double[][]> decayCosts = new LinkedHashMap<>();
        decayCosts.put("gd, update_lr", curve(gdUpdateLr));
        decayCosts.put("gd, schedule_lr_decay", curve(gdScheduled));
        log.plot("decay-costs", PracticeCharts.lines("make_moons with learning-rate decay: the cost per epoch",
                "epoch", "cost J", decayCosts, false));
        log.plot("moons-gd-scheduled", TrainingCharts.decisionBoundary("Gradient descent with schedule_lr_decay: "
                + String.format("accuracy %.2f %%", 100 * Optimization.accuracy(X, Y, gdScheduled.parameters())),
                moons.X(), moons.Y(), grid -> output(grid, gdScheduled, backend)));
    }
}
