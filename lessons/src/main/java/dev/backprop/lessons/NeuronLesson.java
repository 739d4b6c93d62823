package dev.backprop.lessons;

import dev.backprop.core.activation.ElementwiseActivation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;
import dev.backprop.core.model.LogisticRegression;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.random.NumpyRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * <i>Deep Learning, Chapter 1: Intro to Neural Networks</i> (the handwritten notes) and <i>Introduction to Deep
 * Learning</i> (the TensorFlow deck): one neuron, its activation and the derivative backpropagation needs.
 */
public final class NeuronLesson implements Lesson {

    @Override
    public int number() {
        return 2;
    }

    @Override
    public String name() {
        return "neuron";
    }

    @Override
    public String title() {
        return "The neuron and its activation";
    }

    @Override
    public void run(LessonLog log) {
        log.step("A neuron: z = w·x + b", """
                A neuron takes a weighted sum of its inputs plus a bias: $z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b$.
                With $x = [0.9, 0.2, 0.3]$, $w = [2, 3, -1]$ and $b = 0.5$: the worked perceptron of
                *Deep Learning, Chapter 1: Intro to Neural Networks* (the handwritten notes). As matrices, $w$ is a
                row (1, 3) and $x$ a column (3, 1), so $z = w \\cdot x + b$ is a (1, 1) matrix.
                """);
        Matrix x = Matrix.column(0.9, 0.2, 0.3);
        Matrix w = Matrix.row(2, 3, -1);
        double b = 0.5;
        double z = w.dot(x).plus(b).item();
        log.printf("z = (0.9×2) + (0.2×3) + (0.3×−1) + 0.5 = %.1f", z);

        log.step("The sigmoid activation", """
                The activation $f$ decides what the neuron outputs. The sigmoid squashes any $z$ into (0, 1):
                $\\sigma(z) = \\frac{1}{1 + e^{-z}}$, so the output reads as a probability.
                """);
        double a = Matrix.full(1, 1, z).map(UnaryOp.SIGMOID, 0).item();
        log.printf("σ(%.1f) = %.6f ≈ %.2f", z, a, a);

        log.step("The derivative of the sigmoid", """
                Backpropagation needs $\\sigma'(z)$. With $\\sigma = (1 + e^{-z})^{-1}$:
                $\\sigma'(z) = \\frac{e^{-z}}{(1 + e^{-z})^2} = \\frac{1}{1 + e^{-z}} \\cdot \\frac{e^{-z}}{1 + e^{-z}}
                = \\sigma(z)\\,(1 - \\sigma(z))$.
                It is largest, 0.25, at $z = 0$ and vanishes for large $|z|$.
                """);
        double derivative = a * (1 - a);
        double h = 1e-5;
        double numerical = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
        log.printf("σ'(2.6) = σ(2.6)(1 − σ(2.6)) = %.8f; numerically (σ(z+h) − σ(z−h)) / 2h = %.8f", derivative,
                numerical);
        Matrix grid = Matrix.linspace(-6, 6, 241);
        Matrix s = grid.map(UnaryOp.SIGMOID, 0);
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("σ(x)", s.toArray());
        curves.put("σ'(x) = σ(x)(1 − σ(x))", s.times(s.rminus(1)).toArray());
        log.plot("sigmoid-and-derivative", Charts.functions("The sigmoid and its derivative", "value",
                grid.toArray(), curves));

        log.step("The activation functions of the workshop", """
                Two decks list these activations, *Introduction to Deep Learning* (the TensorFlow deck) and
                *Introduction to Deep Learning: Multi-layer Perceptron*; each is plotted with its derivative.

                - sigmoid $\\sigma(x) = 1/(1 + e^{-x})$, $\\sigma' = \\sigma(1 - \\sigma)$
                - tanh, output in (−1, 1), $\\tanh' = 1 - \\tanh^2$
                - ReLU $\\max(0, x)$, derivative 0 for $x < 0$ and 1 for $x > 0$
                - leaky ReLU $\\max(0.1x, x)$, derivative 0.1 or 1
                - ELU $x$ for $x \\ge 0$, $\\alpha(e^x - 1)$ for $x < 0$ ($\\alpha = 1$), derivative 1 or $\\alpha e^x$
                """);
        Matrix xs = Matrix.linspace(-4, 4, 161);
        plotActivation(log, "sigmoid", "sigmoid", xs, new Sigmoid());
        plotActivation(log, "tanh", "tanh", xs, new Tanh());
        plotActivation(log, "relu", "ReLU", xs, new Relu());
        plotActivation(log, "leaky-relu", "leaky ReLU max(0.1x, x)", xs, new LeakyRelu(0.1));
        plotActivation(log, "elu", "ELU with α = 1", xs, new Elu(1.0));
        log.println("sigmoid(0) = 0.5, tanh(0) = 0, ReLU(−2) = 0, leaky ReLU(−2) = " + Matrix.full(1, 1, -2)
                .map(UnaryOp.LEAKY_RELU, 0.1).item() + ", ELU(−2) = " + String.format("%.6f", Math.exp(-2) - 1));

        log.step("Why a non-linearity is needed", """
                Without an activation, layers only multiply and add: $W^{[2]}(W^{[1]}x + b^{[1]}) + b^{[2]}
                = (W^{[2]}W^{[1]})x + (W^{[2]}b^{[1]} + b^{[2]})$, one linear layer again, however many you stack.
                A linear model draws a straight decision boundary, and XOR, the problem of *Intro to Deep Learning*
                (the Machine Intelligence Community deck), has no straight boundary: (0,0) and (1,1) are class 0,
                (1,0) and (0,1) class 1. One hidden tanh layer solves it.
                """);
        NumpyRandom random = new NumpyRandom(0);
        Matrix W1 = random.randn(3, 2);
        Matrix b1 = random.randn(3, 1);
        Matrix W2 = random.randn(1, 3);
        Matrix b2 = random.randn(1, 1);
        Matrix points = random.randn(2, 5);
        Matrix stacked = W2.dot(W1.dot(points).plus(b1)).plus(b2);
        Matrix collapsed = W2.dot(W1).dot(points).plus(W2.dot(b1).plus(b2));
        log.println("two linear layers:   " + stacked);
        log.println("one collapsed layer: " + collapsed);
        log.printf("largest difference: %.1e (rounding only)", stacked.minus(collapsed).abs().max());

        Matrix X = Matrix.of(new double[][] {{0, 0, 1, 1}, {0, 1, 0, 1}});
        Matrix Y = Matrix.row(0, 1, 1, 0);
        LogisticRegression.Parameters linear = LogisticRegression.optimize(X, Y, 5000, 1.0, (i, c) -> { });
        double linearAccuracy = TwoLayerNetwork.accuracy(LogisticRegression.predict(linear, X), Y);
        // nn_model's randn·0.01 start sits on XOR's symmetric saddle point, so start from randn·1 instead
        NumpyRandom init = new NumpyRandom(1);
        TwoLayerNetwork.Parameters start = new TwoLayerNetwork.Parameters(init.randn(4, 2), Matrix.zeros(4, 1),
                init.randn(1, 4), Matrix.zeros(1, 1));
        TwoLayerNetwork.Parameters trained = TwoLayerNetwork.nnModel(X, Y, start, 2000,
                TwoLayerNetwork.LEARNING_RATE, 0, (i, c) -> { });
        double networkAccuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(trained, X), Y);
        log.printf("XOR with logistic regression (linear boundary): %.0f %% correct", linearAccuracy);
        log.printf("XOR with one hidden tanh layer of 4 units:      %.0f %% correct", networkAccuracy);
        log.plot("xor-boundary", Charts.decisionBoundary("XOR solved by one hidden tanh layer", X, Y,
                g -> TwoLayerNetwork.forwardPropagation(g, trained).A2()));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** The activation g and its derivative g′ as nn-core computes them for backpropagation. */
    private static void plotActivation(LessonLog log, String name, String title, Matrix x, ElementwiseActivation g) {
        Matrix a = g.forward(x);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(title, a.toArray());
        series.put("derivative", g.derivative(x, a).toArray());
        log.plot(name, Charts.functions(title + " and its derivative", "value", x.toArray(), series));
    }
}
