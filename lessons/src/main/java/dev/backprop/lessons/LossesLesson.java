package dev.backprop.lessons;

import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nine losses of <i>Introduction to Deep Learning: Multi-layer Perceptron</i>, grouped as its "Common practice
 * for loss functions" slide groups them: regression, binary classification, multi-class classification. Each is
 * drawn against the prediction with its gradient, checked against the examples Keras documents, and placed in a
 * table of when to use which.
 */
public final class LossesLesson implements Lesson {

    @Override
    public int number() {
        return 9;
    }

    @Override
    public String name() {
        return "losses";
    }

    @Override
    public String title() {
        return "Loss functions: which one, and why";
    }

    @Override
    public void run(LessonLog log) {
        log.step("Common practice for loss functions", """
                A loss $\\mathcal{L}(\\hat{y}, y)$ says how wrong one prediction is; the cost is its mean over the
                $m$ examples, $J = \\frac{1}{m} \\sum_{j=1}^{m} \\mathcal{L}(\\hat{y}^{(j)}, y^{(j)})$, and training
                follows its gradient $\\frac{\\partial \\mathcal{L}}{\\partial \\hat{y}}$ downhill.
                The *Introduction to Deep Learning: Multi-layer Perceptron* deck lists nine losses in three groups,
                by the kind of problem. Each one below is a class of `dev.backprop.core.loss`, named as Keras names it.
                """);
        Map<String, List<Loss>> groups = new LinkedHashMap<>();
        groups.put("Regression", List.of(new MeanSquaredError(), new MeanSquaredLogarithmicError(),
                new MeanAbsoluteError()));
        groups.put("Binary Classification", List.of(new BinaryCrossEntropy(), new Hinge(), new SquaredHinge()));
        groups.put("Multi-Class Classification", List.of(new CategoricalCrossEntropy(),
                new SparseCategoricalCrossEntropy(), new KLDivergence()));
        groups.forEach((group, losses) -> {
            log.println(group);
            for (Loss loss : losses) {
                log.printf("  - %-32s %s", loss, loss.getClass().getSimpleName());
            }
        });

        log.step("Regression: MSE, MSLE and MAE", """
                For a real-valued target $y$ and a linear output $\\hat{y}$ (mean over the $n$ outputs of an example):

                $\\text{MSE} = (\\hat{y} - y)^2$, gradient $2(\\hat{y} - y)$: big errors count quadratically, and
                the gradient shrinks as the prediction closes in.

                $\\text{MSLE} = (\\log(1 + \\hat{y}) - \\log(1 + y))^2$: compares orders of magnitude, so predicting
                20 for 10 costs as much as predicting 200 for 100.

                $\\text{MAE} = |\\hat{y} - y|$, gradient $\\text{sign}(\\hat{y} - y)$: the same push for a small and
                a large error, so outliers pull less on the fit.

                The curves are drawn for a target $y = 1$.
                """);
        double[] yHat = Matrix.linspace(-0.5, 3, 141).toArray();
        Map<String, double[][]> regression = new LinkedHashMap<>();
        Map<String, double[][]> regressionGradients = new LinkedHashMap<>();
        for (Loss loss : groups.get("Regression")) {
            regression.put(loss.toString(), curve(loss, yHat, 1, false));
            regressionGradients.put("∂/∂ŷ " + loss, curve(loss, yHat, 1, true));
        }
        log.printf("at ŷ = 3, y = 1: MSE = %.4f, MSLE = %.4f, MAE = %.4f",
                new MeanSquaredError().cost(Matrix.row(3), Matrix.row(1)),
                new MeanSquaredLogarithmicError().cost(Matrix.row(3), Matrix.row(1)),
                new MeanAbsoluteError().cost(Matrix.row(3), Matrix.row(1)));
        log.plot("regression-losses", LearningCharts.curves("Regression losses for a target y = 1",
                "prediction ŷ", "loss L(ŷ, 1)", regression, Set.of()));
        log.plot("regression-gradients", LearningCharts.curves("Their gradients ∂L/∂ŷ for y = 1",
                "prediction ŷ", "gradient ∂L/∂ŷ", regressionGradients, Set.of()));

        log.step("Binary classification: cross-entropy, hinge and squared hinge", """
                For labels $y \\in \\{0, 1\\}$:

                Binary cross-entropy, the workshop's cost, takes a probability $\\hat{y} = \\sigma(z)$ from a sigmoid
                output: $\\mathcal{L} = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y})$, gradient
                $-\\left(\\frac{y}{\\hat{y}} - \\frac{1 - y}{1 - \\hat{y}}\\right)$: it grows without bound as a
                confident prediction turns out wrong.

                Hinge (the support vector machine's) takes a score $\\hat{y}$ (a linear or tanh output) and the label
                as $\\tilde{y} = 2y - 1 = \\pm 1$: $\\mathcal{L} = \\max(0, 1 - \\tilde{y}\\hat{y})$, zero once the
                example is on the right side with a margin of 1. Squared hinge,
                $\\max(0, 1 - \\tilde{y}\\hat{y})^2$, is smooth at the margin and harder on large violations.

                Cross-entropy is drawn over the probabilities $0 < \\hat{y} < 1$; the hinges over scores from −2 to 2.
                """);
        double[] probability = Matrix.linspace(0.01, 0.99, 99).toArray();
        double[] gradientProbability = Matrix.linspace(0.1, 0.9, 81).toArray();
        double[] score = Matrix.linspace(-2, 2, 161).toArray();
        Map<String, double[][]> binary = new LinkedHashMap<>();
        binary.put("binary_crossentropy, y = 1", curve(new BinaryCrossEntropy(), probability, 1, false));
        binary.put("binary_crossentropy, y = 0", curve(new BinaryCrossEntropy(), probability, 0, false));
        binary.put("hinge, y = 1", curve(new Hinge(), score, 1, false));
        binary.put("squared_hinge, y = 1", curve(new SquaredHinge(), score, 1, false));
        Map<String, double[][]> binaryGradients = new LinkedHashMap<>();
        binaryGradients.put("binary_crossentropy, y = 1", curve(new BinaryCrossEntropy(), gradientProbability, 1, true));
        binaryGradients.put("binary_crossentropy, y = 0", curve(new BinaryCrossEntropy(), gradientProbability, 0, true));
        binaryGradients.put("hinge, y = 1", curve(new Hinge(), score, 1, true));
        binaryGradients.put("squared_hinge, y = 1", curve(new SquaredHinge(), score, 1, true));
        log.plot("binary-losses", LearningCharts.curves("Binary classification losses", "prediction ŷ "
                + "(a probability for cross-entropy, a score for the hinges)", "loss L(ŷ, y)", binary,
                Set.of("squared_hinge, y = 1")));
        log.plot("binary-gradients", LearningCharts.curves("Their gradients ∂L/∂ŷ", "prediction ŷ",
                "gradient ∂L/∂ŷ", binaryGradients, Set.of("squared_hinge, y = 1")));

        log.step("Cross-entropy loss outputs a log probability", """
                The line of *Introduction to Deep Learning: Multi-layer Perceptron*: "Cross-entropy loss outputs a
                log probability". The loss is minus the log of the probability the network gave to the right answer,
                $\\mathcal{L} = -\\log P(\\text{true class})$, so $e^{-\\mathcal{L}}$ gives that probability back.

                The worked example of *Intro to Deep Learning* (the Machine Intelligence Community deck): should the
                student go to class? The network says $\\hat{y} = 0.45$, and the student did need to ($y = 1$):

                $\\mathcal{L}(\\hat{y}, y) = -(1) \\log(0.45) - (1 - (1)) \\log(1 - (0.45)) = 0.798508$
                """);
        double L = new BinaryCrossEntropy().cost(Matrix.row(0.45), Matrix.row(1));
        log.printf("binary_crossentropy(ŷ = 0.45, y = 1) = %.6f", L);
        log.printf("e^(−L) = %.2f: the probability the network gave to 'go to class'", Math.exp(-L));
        Matrix softmax = Matrix.column(0.7, 0.2, 0.1);
        for (int k = 0; k < 3; k++) {
            double Lk = new SparseCategoricalCrossEntropy().cost(softmax, Matrix.row(k));
            log.printf("softmax output (0.7, 0.2, 0.1), true class %d: L = −log %.1f = %.6f", k, softmax.get(k, 0), Lk);
        }

        log.step("Multi-class: categorical, sparse categorical and Kullback-Leibler", """
                For $C$ classes and a softmax output (a probability for each class, summing to 1):

                Categorical cross-entropy takes one-hot labels: $\\mathcal{L} = -\\sum_{i=1}^{C} y_i \\log \\hat{y}_i$,
                gradient $-y_i / \\hat{y}_i$; through the softmax, $dZ = A - Y$.

                Sparse categorical cross-entropy is the same loss with the label given as the class number
                (e.g. 2 instead of $[0, 0, 1]$): same values, no one-hot matrix to build.

                Kullback-Leibler divergence compares two whole distributions, e.g. soft targets:
                $\\text{KL}(y \\| \\hat{y}) = \\sum_i y_i \\log \\frac{y_i}{\\hat{y}_i}$ = cross-entropy minus the
                entropy of $y$, so it has the same gradient and is 0 when $\\hat{y} = y$.

                Three classes; the prediction gives probability $p$ to class 0 and splits $1 - p$ between the
                others. The soft target is $y = (0.7, 0.15, 0.15)$.
                """);
        double[] p = Matrix.linspace(0.02, 0.98, 97).toArray();
        Matrix predictions = threeClasses(p);
        Matrix oneHot = threeClasses(new double[] {1}).dot(Matrix.ones(1, p.length));
        Matrix soft = threeClasses(new double[] {0.7}).dot(Matrix.ones(1, p.length));
        Map<String, double[][]> multiClass = new LinkedHashMap<>();
        multiClass.put("categorical_crossentropy, one-hot y = (1, 0, 0)",
                new double[][] {p, new CategoricalCrossEntropy().loss(predictions, oneHot).toArray()});
        multiClass.put("sparse_categorical_crossentropy, y = 0", new double[][] {p,
                new SparseCategoricalCrossEntropy().loss(predictions, Matrix.zeros(1, p.length)).toArray()});
        multiClass.put("categorical_crossentropy, soft y = (0.7, 0.15, 0.15)",
                new double[][] {p, new CategoricalCrossEntropy().loss(predictions, soft).toArray()});
        multiClass.put("kl_divergence, soft y = (0.7, 0.15, 0.15)",
                new double[][] {p, new KLDivergence().loss(predictions, soft).toArray()});
        Map<String, double[][]> multiClassGradients = new LinkedHashMap<>();
        multiClassGradients.put("categorical_crossentropy, one-hot y",
                new double[][] {p, slopeAlongP(new CategoricalCrossEntropy().gradient(predictions, oneHot))});
        multiClassGradients.put("sparse_categorical_crossentropy, y = 0", new double[][] {p,
                slopeAlongP(new SparseCategoricalCrossEntropy().gradient(predictions, Matrix.zeros(1, p.length)))});
        multiClassGradients.put("categorical_crossentropy, soft y",
                new double[][] {p, slopeAlongP(new CategoricalCrossEntropy().gradient(predictions, soft))});
        multiClassGradients.put("kl_divergence, soft y",
                new double[][] {p, slopeAlongP(new KLDivergence().gradient(predictions, soft))});
        Matrix atTarget = Matrix.column(0.7, 0.15, 0.15);
        log.printf("at ŷ = y = (0.7, 0.15, 0.15): cross-entropy = %.6f (the entropy of y), KL = %.6f",
                new CategoricalCrossEntropy().cost(atTarget, atTarget), new KLDivergence().cost(atTarget, atTarget));
        log.plot("multi-class-losses", LearningCharts.curves("Multi-class losses (sparse drawn dashed: it equals "
                + "categorical)", "probability p given to class 0", "loss L(ŷ, y)", multiClass,
                Set.of("sparse_categorical_crossentropy, y = 0")));
        log.plot("multi-class-gradients", LearningCharts.curves("Their slopes along p: ∂L/∂ŷ₀ − (∂L/∂ŷ₁ + ∂L/∂ŷ₂)/2",
                "probability p given to class 0", "dL/dp (dashed lines lie on the solid ones)", multiClassGradients,
                Set.of("sparse_categorical_crossentropy, y = 0", "kl_divergence, soft y")));

        log.step("Keras's documented values beside ours", """
                Each Keras loss class documents an example (examples as **rows** there; here they are columns, so
                each input is transposed). Keras computes in float32 and prints three decimals.

                Regression and hinges: $y = [[0, 1], [0, 0]]$ with $\\hat{y} = [[1, 1], [1, 0]]$ (regression) or
                $[[0.6, 0.4], [0.4, 0.6]]$ (binary). Multi-class: $y = [[0, 1, 0], [0, 0, 1]]$ (sparse: $[1, 2]$)
                with $\\hat{y} = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]$. `kl_divergence` takes its own Keras example,
                the binary inputs: $y = [[0, 1], [0, 0]]$ and $\\hat{y} = [[0.6, 0.4], [0.4, 0.6]]$.
                """);
        Matrix Y01 = Matrix.of(new double[][] {{0, 1}, {0, 0}}).T().contiguous();
        Matrix regressionPrediction = Matrix.of(new double[][] {{1, 1}, {1, 0}}).T().contiguous();
        Matrix probabilities = Matrix.of(new double[][] {{0.6, 0.4}, {0.4, 0.6}}).T().contiguous();
        Matrix Yclasses = Matrix.of(new double[][] {{0, 1, 0}, {0, 0, 1}}).T().contiguous();
        Matrix softmaxLike = Matrix.of(new double[][] {{0.05, 0.95, 0}, {0.1, 0.8, 0.1}}).T().contiguous();
        log.println("loss                              Keras documents   ours");
        log.printf("%-33s %-17s %.6f", "mean_squared_error", "0.5", new MeanSquaredError().cost(regressionPrediction, Y01));
        log.printf("%-33s %-17s %.6f", "mean_squared_logarithmic_error", "0.240",
                new MeanSquaredLogarithmicError().cost(regressionPrediction, Y01));
        log.printf("%-33s %-17s %.6f", "mean_absolute_error", "0.5", new MeanAbsoluteError().cost(regressionPrediction, Y01));
        log.printf("%-33s %-17s %.6f", "binary_crossentropy", "0.815", new BinaryCrossEntropy().cost(probabilities, Y01));
        log.printf("%-33s %-17s %.6f", "hinge", "1.3", new Hinge().cost(probabilities, Y01));
        log.printf("%-33s %-17s %.6f", "squared_hinge", "1.86", new SquaredHinge().cost(probabilities, Y01));
        log.printf("%-33s %-17s %.6f", "categorical_crossentropy", "1.177",
                new CategoricalCrossEntropy().cost(softmaxLike, Yclasses));
        log.printf("%-33s %-17s %.6f", "sparse_categorical_crossentropy", "1.177",
                new SparseCategoricalCrossEntropy().cost(softmaxLike, Matrix.row(1, 2)));
        log.printf("%-33s %-17s %.6f", "kl_divergence", "0.458", new KLDivergence().cost(probabilities, Y01));

        log.step("When to use which", """
                The loss follows from what the output means, and the output layer's activation with it:

                | problem | output layer | loss |
                |---|---|---|
                | regression | linear | MSE |
                | regression with outliers | linear | MAE |
                | positive targets over many magnitudes | linear | MSLE |
                | binary classification | sigmoid (a probability) | binary cross-entropy |
                | binary, margin-based | linear or tanh (a score) | hinge or squared hinge |
                | multi-class, one-hot labels | softmax | categorical cross-entropy |
                | multi-class, integer labels | softmax | sparse categorical cross-entropy |
                | soft targets (a distribution) | softmax | Kullback-Leibler divergence |

                A mismatch is silent in numpy but not here: binary cross-entropy rejects a label of 2, sparse
                cross-entropy a class number outside $0 \\ldots C - 1$.
                """);
        try {
            new BinaryCrossEntropy().checkLabels(Matrix.row(0, 1, 2), 1);
        } catch (IllegalArgumentException e) {
            log.println("binary_crossentropy, y = [0, 1, 2]:\n  " + e.getMessage());
        }
        try {
            new SparseCategoricalCrossEntropy().checkLabels(Matrix.row(0, 3), 3);
        } catch (IllegalArgumentException e) {
            log.println("sparse_categorical_crossentropy, 3 classes, y = [0, 3]:\n  " + e.getMessage());
        }
    }

    /** {ŷ, ℒ(ŷ, y)} or, with {@code gradient}, {ŷ, ∂ℒ/∂ŷ} for one output and a target y, at each ŷ. */
    private static double[][] curve(Loss loss, double[] yHat, double y, boolean gradient) {
        Matrix AL = Matrix.row(yHat);
        Matrix Y = Matrix.full(1, yHat.length, y);
        return new double[][] {yHat, (gradient ? loss.gradient(AL, Y) : loss.loss(AL, Y)).toArray()};
    }

    /**
     * The slope of a loss along the predictions (p, (1 − p)/2, (1 − p)/2), from its gradient (3, n) by the chain
     * rule: dℒ/dp = ∂ℒ/∂ŷ₀ − (∂ℒ/∂ŷ₁ + ∂ℒ/∂ŷ₂)/2.
     */
    private static double[] slopeAlongP(Matrix gradient) {
        double[][] g = gradient.toArray2D();
        double[] slope = new double[g[0].length];
        for (int j = 0; j < slope.length; j++) {
            slope[j] = g[0][j] - (g[1][j] + g[2][j]) / 2;
        }
        return slope;
    }

    /** Columns (p, (1 − p)/2, (1 − p)/2): probability p for class 0, the rest split between classes 1 and 2. */
    private static Matrix threeClasses(double[] p) {
        Matrix first = Matrix.row(p);
        Matrix rest = first.rminus(1).div(2);
        double[] values = new double[3 * p.length];
        System.arraycopy(first.toArray(), 0, values, 0, p.length);
        System.arraycopy(rest.toArray(), 0, values, p.length, p.length);
        System.arraycopy(rest.toArray(), 0, values, 2 * p.length, p.length);
        return Matrix.of(3, p.length, values);
    }
}
