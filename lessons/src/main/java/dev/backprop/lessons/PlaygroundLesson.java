package dev.backprop.lessons;

import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Playground;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * <i>Introduction to Deep Learning: Multi-layer Perceptron</i>, "Live demo: playground.tensorflow.org": the
 * TensorFlow Playground's data sets, input features and network picture, and why several layers help.
 */
public final class PlaygroundLesson implements Lesson {

    @Override
    public int number() {
        return 18;
    }

    @Override
    public String name() {
        return "playground";
    }

    @Override
    public String title() {
        return "The TensorFlow Playground";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The Playground's four data sets", """
                The *Introduction to Deep Learning: Multi-layer Perceptron* deck stops for a live demo at
                playground.tensorflow.org. Its four classification data sets are here, made as the Playground
                makes them: **circle** (class 1 inside radius 2.5, class 0 in a ring from 3.5 to 5), **XOR**
                (class 1 where $x_1 x_2 \\ge 0$), **Gaussian** (two blobs at $(2, 2)$ and $(-2, -2)$) and
                **spiral** (two interleaved arms). The *noise* slider (0 to 50, here 10, so 0.1) labels a circle
                or XOR point by where a noisy copy of it falls, so labels flip near the boundary; it moves the
                spiral's points and widens the Gaussians. The *ratio of training to test data* (here 50 %) splits
                the shuffled points. 500 points each, as the Playground draws by default.
                """);
        double noise = 0.1;
        double trainRatio = 0.5;
        Map<Playground, Playground.Split> splits = new LinkedHashMap<>();
        for (Playground dataset : Playground.values()) {
            Playground.Split split = dataset.split(500, noise, trainRatio, new NumpyRandom(18));
            splits.put(dataset, split);
            log.printf("%-8s training %d points (%.0f of class 1), test %d points", dataset.name().toLowerCase(),
                    split.train().m(), split.train().Y().sum(), split.test().m());
            log.plot(dataset.name().toLowerCase(), PlaygroundCharts.dataset(String.format(
                    "Playground %s, noise %.0f, %.0f %% training data", dataset.name().toLowerCase(), noise * 100,
                    trainRatio * 100), split.train(), split.test()));
        }

        log.step("The input features", """
                The Playground feeds the network not only $x_1, x_2$ but, if you tick them, $x_1^2$, $x_2^2$,
                $x_1 x_2$, $\\sin x_1$ and $\\sin x_2$. A feature can do the work of a layer: with no hidden layer
                at all (logistic regression, $\\hat y = \\sigma(w^T \\phi(x) + b)$), the circle cannot be
                separated from $x_1, x_2$, but it can from $x_1^2, x_2^2$, since the circle is
                $x_1^2 + x_2^2 < r^2$. Likewise XOR from $x_1 x_2$. Gradient descent, $\\alpha = 0.1$, 300
                full-batch epochs each. Last, one neuron fed all seven features, drawn as the Playground draws it:
                each feature's heat map over $[-6, 6]^2$ on the left, the links as thick as their weights; training
                leans on $x_1^2$ and $x_2^2$.
                """);
        List<PlaygroundFeature> all = List.of(PlaygroundFeature.values());
        log.println("features: " + all);
        Playground.Split circle = splits.get(Playground.CIRCLE);
        Playground.Split xor = splits.get(Playground.XOR);
        double circleLinear = logisticTestAccuracy(circle, List.of(PlaygroundFeature.X1, PlaygroundFeature.X2));
        double circleSquares = logisticTestAccuracy(circle,
                List.of(PlaygroundFeature.X1_SQUARED, PlaygroundFeature.X2_SQUARED));
        double xorLinear = logisticTestAccuracy(xor, List.of(PlaygroundFeature.X1, PlaygroundFeature.X2));
        double xorProduct = logisticTestAccuracy(xor, List.of(PlaygroundFeature.X1_TIMES_X2));
        log.printf("circle, no hidden layer, features x₁, x₂:   test accuracy %.1f %%", circleLinear);
        log.printf("circle, no hidden layer, features x₁², x₂²: test accuracy %.1f %%", circleSquares);
        log.printf("XOR,    no hidden layer, features x₁, x₂:   test accuracy %.1f %%", xorLinear);
        log.printf("XOR,    no hidden layer, feature  x₁x₂:     test accuracy %.1f %%", xorProduct);
        Sequential allFeatures = Sequential.of(new Dense(1, new Sigmoid(), Initializer.zeros()));
        allFeatures.build(all.size(), 18);
        allFeatures.compile(new BinaryCrossEntropy(), new GradientDescent(0.1), Metric.accuracy());
        allFeatures.fit(PlaygroundFeature.transform(circle.train().X(), all), circle.train().Y(), 300, 0);
        double allAccuracy = allFeatures.evaluate(PlaygroundFeature.transform(circle.test().X(), all),
                circle.test().Y()).get("accuracy");
        log.printf("circle, no hidden layer, all seven features: test accuracy %.1f %%", allAccuracy);
        Matrix w = ((Dense) allFeatures.layers().get(0)).W();
        List<String> weights = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            weights.add(String.format("%s %.3f", all.get(k), w.get(0, k)));
        }
        log.println("their weights: " + String.join(", ", weights));
        log.plot("circle-all-features", PlaygroundCharts.network(String.format(
                "Circle, no hidden layer, all seven features: test accuracy %.1f %%", allAccuracy), allFeatures, all,
                circle.test()));

        log.step("The network, neuron by neuron", """
                The Playground's default network on the circle: inputs $x_1, x_2$, two hidden layers of 4 and 2
                $\\tanh$ neurons, learning rate 0.03, batch size 10. Each line and picture below is one epoch
                checkpoint, as the Playground redraws while it trains: the training loss (on all 250 training points)
                and the test loss are both measured with the weights at the end of that epoch. Every neuron shows
                its output $a^{[l]}_i = \\tanh(W^{[l]}_i a^{[l-1]} + b^{[l]}_i)$ over the square $[-6, 6]^2$
                (orange $-1$, white 0, blue $+1$), each link is blue for a positive weight and orange for a negative
                one, as thick as the weight is large, and the output on the right is drawn large with the test points.

                Departure from the Playground: its output is a $\\tanh$ neuron trained on the squared error with
                labels $\\pm 1$; here it is a sigmoid with binary cross-entropy (labels 0/1), drawn as $2\\hat y - 1$
                so the colours mean the same. Gradient descent without shuffling, as the Playground steps.
                """);
        List<PlaygroundFeature> inputs = List.of(PlaygroundFeature.X1, PlaygroundFeature.X2);
        Dataset train = new Dataset(PlaygroundFeature.transform(circle.train().X(), inputs), circle.train().Y());
        Dataset test = new Dataset(PlaygroundFeature.transform(circle.test().X(), inputs), circle.test().Y());
        Sequential network = Sequential.of(new Dense(4, new Tanh(), Initializer.xavier()),
                new Dense(2, new Tanh(), Initializer.xavier()),
                new Dense(1, new Sigmoid(), Initializer.xavier()));
        network.build(inputs.size(), 18);
        network.compile(new BinaryCrossEntropy(), new GradientDescent(0.03), Metric.accuracy());
        List<Double> trainLoss = new ArrayList<>();
        List<Double> testLoss = new ArrayList<>();
        int[] checkpoints = {0, 10, 50, 150, 300};
        for (int c = 0; c < checkpoints.length; c++) {
            if (c > 0) {
                History h = network.fit(train.X(), train.Y(), checkpoints[c] - checkpoints[c - 1], 10, test.X(),
                        test.Y());
                trainLoss.addAll(h.loss());
                testLoss.addAll(h.get("val_loss"));
            }
            Map<String, Double> onTrain = network.evaluate(train.X(), train.Y());
            Map<String, Double> onTest = network.evaluate(test.X(), test.Y());
            log.printf("Epoch %3d: training loss %.3f, test loss %.3f, test accuracy %.1f %%", checkpoints[c],
                    onTrain.get("loss"), onTest.get("loss"), onTest.get("accuracy"));
            log.plot("network-epoch-" + checkpoints[c], PlaygroundCharts.network(String.format(
                    "Circle, epoch %d: training loss %.3f, test loss %.3f", checkpoints[c], onTrain.get("loss"),
                    onTest.get("loss")), network, inputs, circle.test()));
        }

        log.step("Test and training loss", """
                The Playground's small chart at the top right: the loss on the training points and on the test
                points, epoch by epoch,
                $J = -\\frac{1}{m}\\sum_i \\left(y^{(i)}\\log \\hat y^{(i)} + (1 - y^{(i)})\\log(1 - \\hat y^{(i)})\\right)$.
                The test loss is measured after each epoch, as in the checkpoints above. The training loss is what
                training records as it goes (Keras's `loss`): the average of the epoch's 25 batch costs, each taken
                before its batch's step, so it runs a little above the training loss measured after the epoch (the
                checkpoints' figure). The two fall together while the network learns the circle; later
                the training loss keeps falling while the test loss turns up: the network starts fitting the noise
                of its 250 training points, the overfitting that early stopping guards against.
                """);
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("training loss", epochCurve(trainLoss));
        curves.put("test loss", epochCurve(testLoss));
        log.printf("epoch %d: training loss %.4f (average over the epoch's batches), test loss %.4f (after the epoch)",
                trainLoss.size(), trainLoss.get(trainLoss.size() - 1), testLoss.get(testLoss.size() - 1));
        int best = testLoss.indexOf(testLoss.stream().min(Double::compare).orElseThrow());
        log.printf("lowest test loss %.4f after epoch %d", testLoss.get(best), best + 1);
        XYChart lossChart = Charts.costCurve("Circle: training and test loss per epoch", curves);
        lossChart.setXAxisTitle("epoch");
        log.plot("loss", lossChart);

        log.step("Why multiple layers: the spiral", """
                The question of *Introduction to Deep Learning: Multi-layer Perceptron*, "why multiple layers?", on the
                hardest data set. The spiral from $x_1, x_2$ alone, with 1, 2 and 3 hidden layers of 8 $\\tanh$ neurons
                (Adam, $\\alpha = 0.01$, batches of 25, 300 epochs). Each layer bends the space the next one cuts with
                its lines: one layer can draw only a few bends, so it cannot follow the two arms; stacked layers compose
                bends into the spiral.
                """);
        Playground.Split spiral = splits.get(Playground.SPIRAL);
        Map<String, double[][]> spiralCurves = new LinkedHashMap<>();
        for (int depth = 1; depth <= 3; depth++) {
            List<Layer> layers = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                layers.add(new Dense(8, new Tanh(), Initializer.xavier()));
            }
            layers.add(new Dense(1, new Sigmoid(), Initializer.xavier()));
            Sequential deep = Sequential.of(layers.toArray(new Layer[0]));
            deep.build(2, 18);
            deep.compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
            History h = deep.fit(spiral.train().X(), spiral.train().Y(), 300, 25, spiral.test().X(),
                    spiral.test().Y());
            log.printf("%d hidden layer%s of 8: training accuracy %.1f %%, test accuracy %.1f %%, test loss %.3f",
                    depth, depth == 1 ? " " : "s", h.last("accuracy"), h.last("val_accuracy"), h.last("val_loss"));
            spiralCurves.put(depth + " hidden layer" + (depth == 1 ? "" : "s") + ", test loss",
                    epochCurve(h.get("val_loss")));
            log.plot("spiral-" + depth + "-hidden", TrainingCharts.decisionBoundary(String.format(
                    "Spiral with %d hidden layer%s of 8 tanh: test accuracy %.1f %%", depth, depth == 1 ? "" : "s",
                    h.last("val_accuracy")), spiral.test().X(), spiral.test().Y(), deep::predict));
        }
        XYChart spiralChart = Charts.costCurve("Spiral: test loss with 1, 2 and 3 hidden layers", spiralCurves);
        spiralChart.setXAxisTitle("epoch");
        log.plot("spiral-test-loss", spiralChart);
    }

    /** Test accuracy (%) of logistic regression on the given features of a split (gradient descent, α = 0.1). */
    private static double logisticTestAccuracy(Playground.Split split, List<PlaygroundFeature> features) {
        Sequential logistic = Sequential.of(new Dense(1, new Sigmoid(), Initializer.zeros()));
        logistic.build(features.size(), 18);
        logistic.compile(new BinaryCrossEntropy(), new GradientDescent(0.1), Metric.accuracy());
        logistic.fit(PlaygroundFeature.transform(split.train().X(), features), split.train().Y(), 300, 0);
        Matrix X_test = PlaygroundFeature.transform(split.test().X(), features);
        return logistic.evaluate(X_test, split.test().Y()).get("accuracy");
    }

    /** Values per epoch as {epochs 1..n, values} for a cost chart. */
    private static double[][] epochCurve(List<Double> values) {
        double[][] curve = new double[2][values.size()];
        for (int e = 0; e < values.size(); e++) {
            curve[0][e] = e + 1;
            curve[1][e] = values.get(e);
        }
        return curve;
    }
}
