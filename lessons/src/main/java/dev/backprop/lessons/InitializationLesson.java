package dev.backprop.lessons;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Circles;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.WeightInitialization;
import dev.backprop.core.model.WeightInitialization.ModelRun;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the weights start decides whether a network learns: the Deep Learning Specialization's "Initialization"
 * experiment (zeros, large random, He on make_circles), Xavier's scale for tanh, and the activations of every layer.
 */
public final class InitializationLesson implements Lesson {

    @Override
    public int number() {
        return 12;
    }

    @Override
    public String name() {
        return "initialization";
    }

    @Override
    public String title() {
        return "Weight initialization";
    }

    /** DLS's three runs: the cost every 1000 iterations of 15 000, learning rate 0.01. */
    private static ModelRun train(LessonLog log, Matrix X, Matrix Y, String initialization) {
        return WeightInitialization.model(X, Y, 0.01, 15_000, (i, cost) -> {
            if (i % 5000 == 0) {
                log.printf("Cost after iteration %d: %f", i, cost);
            }
        }, initialization);
    }

    /** The training and test accuracy, in percent, as DLS's {@code predict} prints them. */
    private static double[] accuracies(ModelRun run, Dataset train, Dataset test, Backend backend) {
        return new double[] {100 * Optimization.accuracy(train.X().to(backend), train.Y().to(backend), run.parameters()),
            100 * Optimization.accuracy(test.X().to(backend), test.Y().to(backend), run.parameters())};
    }

    /** The probability of class 1 that the trained 3-layer network gives each grid point. */
    private static Matrix output(Matrix grid, ModelRun run, Backend backend) {
        return Optimization.forwardPropagation(grid.to(backend), run.parameters()).AL().to(grid.backend());
    }

    /** The cost every 1000 iterations as {iterations, costs}; an infinite cost is left out of the curve. */
    private static double[][] costCurve(ModelRun run) {
        List<Double> costs = run.costs();
        int finite = (int) costs.stream().filter(Double::isFinite).count();
        double[][] curve = new double[2][finite];
        int k = 0;
        for (int i = 0; i < costs.size(); i++) {
            if (Double.isFinite(costs.get(i))) {
                curve[0][k] = i * 1000.0;
                curve[1][k++] = costs.get(i);
            }
        }
        return curve;
    }

    /** A^[1] … A^[L] of a stack of equal hidden layers with activation g, its weights drawn by the initializer. */
    private static List<Matrix> activations(Matrix X, int[] dims, Initializer initializer, Activation g) {
        DeepParameters p = DeepParameters.of(initializer.initializeParameters(dims, 1));
        List<Matrix> A = new java.util.ArrayList<>();
        Matrix APrev = X;
        for (int l = 1; l < dims.length; l++) {
            APrev = DeepNetwork.linearActivationForward(APrev, p.W(l), p.b(l), g).A();
            A.add(APrev);
        }
        return A;
    }

    /** The standard deviation of all the elements of A. */
    private static double std(Matrix A) {
        double mean = A.mean();
        return Math.sqrt(A.minus(mean).square().mean());
    }

    @Override
    public void run(LessonLog log) {
        log.step("The data: two circles", """
                The Deep Learning Specialization's "Initialization" assignment trains one network from three
                different starting weights and compares. The data is scikit-learn's `make_circles`: 300 training
                points (`np.random.seed(1)`) and 100 test points (`np.random.seed(2)`), noise 0.05, the blue points
                inside the red ring. The network is `[2, 10, 5, 1]`: LINEAR → RELU → LINEAR → RELU → LINEAR →
                SIGMOID, trained by batch gradient descent, learning rate 0.01, 15 000 iterations.
                """);
        Dataset train = Circles.makeCircles(300, 0.05, new NumpyRandom(1));
        Dataset test = Circles.makeCircles(100, 0.05, new NumpyRandom(2));
        log.printf("train_X %s, train_Y %s, test_X %s, test_Y %s", train.X().shape(), train.Y().shape(),
                test.X().shape(), test.Y().shape());
        log.plot("circles", Charts.scatterByClass("make_circles: the training set", train.X(), train.Y()));
        Backend backend = log.backend();
        Matrix X = train.X().to(backend);
        Matrix Y = train.Y().to(backend);

        log.step("Zero initialization: the symmetry never breaks", """
                `initialize_parameters_zeros`: $W^{[l]} = 0$, $b^{[l]} = 0$. Every unit of a layer computes the same
                $a = \\text{relu}(0) = 0$ and receives the same gradient, so the units stay identical whatever
                the training. Here nothing moves at all: every $dW^{[l]}$ is 0, and the only gradient that could be
                non-zero, $db^{[3]} = \\frac{1}{m} \\sum_i (a^{[3](i)} - y^{(i)})$ with every $a^{[3](i)} = 0.5$, is 0
                too, because the 300 points are half of each class. So $b^{[3]}$ stays at 0 (up to rounding, about
                $10^{-16}$), the cost stays at $\\log 2 = 0.693147$, and the network predicts 0.5 for every point.
                "The weights $W^{[l]}$ should be initialized randomly to break symmetry."
                """);
        ModelRun zeros = train(log, X, Y, "zeros");
        double[] zerosAccuracy = accuracies(zeros, train, test, backend);
        log.printf("after training: W1 has %d distinct value(s), max |W1| = %s, b3 = %.6f", java.util.Arrays.stream(
                zeros.parameters().W(1).toArray()).distinct().count(), zeros.parameters().W(1).abs().max(),
                zeros.parameters().b(3).item());
        log.printf("zeros:  train accuracy %.2f %%, test accuracy %.2f %%   (DLS: 50 %%, 50 %%)", zerosAccuracy[0],
                zerosAccuracy[1]);
        log.plot("zeros-boundary", TrainingCharts.decisionBoundary(String.format(
                "Zeros: every point gets P(y = 1) = %.2f", output(Matrix.of(2, 1, 0, 0), zeros, backend).item()),
                train.X(), train.Y(), grid -> output(grid, zeros, backend)));

        log.step("Large random initialization", """
                `initialize_parameters_random`: $W^{[l]} = \\text{randn}(n^{[l]}, n^{[l-1]}) \\times 10$, $b^{[l]} = 0$.
                The symmetry is broken, but the weights are far too large: $Z^{[3]}$ is huge, the sigmoid saturates
                at exactly 0 or 1, and a wrong saturated prediction costs $-\\log 0 = \\infty$: the first cost below
                is `Infinity`, Java's name for what numpy prints as `inf` in DLS. Training starts from a very bad
                point and learns slowly.
                """);
        ModelRun random = train(log, X, Y, "random");
        double[] randomAccuracy = accuracies(random, train, test, backend);
        log.printf("random: train accuracy %.2f %%, test accuracy %.2f %%   (DLS: 83 %%, 86 %%)", randomAccuracy[0],
                randomAccuracy[1]);
        log.plot("large-random-boundary", TrainingCharts.decisionBoundary("Large random (×10): "
                + String.format("train %.0f %%, test %.0f %%", randomAccuracy[0], randomAccuracy[1]),
                train.X(), train.Y(), grid -> output(grid, random, backend)));

        log.step("He initialization", """
                `initialize_parameters_he`: $W^{[l]} = \\text{randn}(n^{[l]}, n^{[l-1]}) \\times \\sqrt{\\frac{2}{n^{[l-1]}}}$,
                $b^{[l]} = 0$ (He et al., 2015), the scale that keeps the mean square of a ReLU layer's activations
                constant from layer to layer. The same network now separates the circles.
                """);
        ModelRun he = train(log, X, Y, "he");
        double[] heAccuracy = accuracies(he, train, test, backend);
        log.printf("he:     train accuracy %.2f %%, test accuracy %.2f %%   (DLS: 99.33 %%, 96 %%)", heAccuracy[0],
                heAccuracy[1]);
        log.plot("he-boundary", TrainingCharts.decisionBoundary(String.format("He: train %.2f %%, test %.0f %%",
                heAccuracy[0], heAccuracy[1]), train.X(), train.Y(), grid -> output(grid, he, backend)));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("zeros", costCurve(zeros));
        curves.put("large random ×10 (iteration 0: cost = ∞, not drawn)", costCurve(random));
        curves.put("He", costCurve(he));
        log.plot("costs", Charts.costCurve("make_circles, [2, 10, 5, 1]: the cost from three starts", curves));
        log.println("initialization | train  | test   | DLS train | DLS test");
        log.printf("zeros          | %5.2f%% | %5.2f%% |    50 %%   |   50 %%", zerosAccuracy[0], zerosAccuracy[1]);
        log.printf("random × 10    | %5.2f%% | %5.2f%% |    83 %%   |   86 %%", randomAccuracy[0], randomAccuracy[1]);
        log.printf("He             | %5.2f%% | %5.2f%% | 99.33 %%   |   96 %%", heAccuracy[0], heAccuracy[1]);

        log.step("Xavier for tanh: the activations of every layer", """
                Why $\\sqrt{2/n^{[l-1]}}$? Each unit sums $n^{[l-1]}$ products $w\\,a$, so
                $\\text{Var}(z) = n^{[l-1]}\\,\\text{Var}(w)\\,\\text{Var}(a)$. Xavier's scale,
                $W^{[l]} = \\text{randn} \\times \\sqrt{\\frac{1}{n^{[l-1]}}}$, makes $n^{[l-1]}\\text{Var}(w) = 1$ and
                suits tanh, which is linear near 0. Below, 500 random inputs ($n_x = 100$) go through 6 tanh layers
                of 100 units each, from three starts: too small (×0.01) and the activations shrink towards 0 layer
                after layer (the gradients vanish with them); too large (×1) and they pile up at ±1, where tanh is
                flat; Xavier keeps them spread far better than either, though they still narrow slowly from layer to
                layer.
                """);
        Matrix Xh = new NumpyRandom(0).randn(100, 500);
        int[] tanhDims = {100, 100, 100, 100, 100, 100, 100};
        Map<String, Initializer> starts = new LinkedHashMap<>();
        starts.put("randn × 0.01", Initializer.random(0.01));
        starts.put("randn × 1", Initializer.random(1));
        starts.put("Xavier √(1/n)", Initializer.xavier());
        log.println("std of A^[l] per layer     l = 1     2     3     4     5     6");
        List<Runnable> tanhPlots = new ArrayList<>();   // after the table, so that they do not cut it
        for (Map.Entry<String, Initializer> start : starts.entrySet()) {
            List<Matrix> A = activations(Xh, tanhDims, start.getValue(), new Tanh());
            Map<String, double[]> perLayer = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder(String.format("tanh, %-20s", start.getKey()));
            for (int l = 1; l <= A.size(); l++) {
                perLayer.put("layer " + l, A.get(l - 1).toArray());
                line.append(String.format(java.util.Locale.ROOT, " %5.3f", std(A.get(l - 1))));
            }
            log.println(line);
            tanhPlots.add(() -> log.plot("tanh-" + start.getValue().name()
                    + (start.getKey().contains("0.01") ? "-small" : ""), PracticeCharts.histogramLines(
                            "tanh activations per layer, weights " + start.getKey(), "a = tanh(z)", 40, -1, 1,
                            perLayer)));
        }
        tanhPlots.forEach(Runnable::run);

        log.step("He for ReLU", """
                ReLU zeroes half of its inputs, which halves the variance; He's $\\sqrt{2/n^{[l-1]}}$ makes up for
                it. The same 6 layers with ReLU units: with Xavier's scale the mean square of the activations halves
                at every layer (their standard deviation falls by about $\\sqrt{2}$), with He's it stays.
                """);
        log.println("std of A^[l] per layer     l = 1     2     3     4     5     6");
        List<Runnable> reluPlots = new ArrayList<>();
        for (Initializer initializer : List.of(Initializer.xavier(), Initializer.he())) {
            List<Matrix> A = activations(Xh, tanhDims, initializer, new Relu());
            Map<String, double[]> perLayer = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder(String.format("relu, %-20s", initializer.name()));
            for (int l = 1; l <= A.size(); l++) {
                perLayer.put("layer " + l, A.get(l - 1).toArray());
                line.append(String.format(java.util.Locale.ROOT, " %5.3f", std(A.get(l - 1))));
            }
            log.println(line);
            reluPlots.add(() -> log.plot("relu-" + initializer.name(), PracticeCharts.histogramLines(
                    "ReLU activations per layer, " + initializer.name() + " initialization (a > 0 only)",
                    "a = relu(z)", 40, 0.001, 3, perLayer)));
        }
        reluPlots.forEach(Runnable::run);
    }
}
