package dev.backprop.lessons;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.ClassBalance;
import dev.backprop.core.data.LabeledData;
import dev.backprop.core.data.Mnist;
import dev.backprop.core.data.Splitting;
import dev.backprop.core.data.Standardization;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ClassificationReport;
import dev.backprop.core.metrics.ConfusionMatrix;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * The "Model Evaluation" of <i>Introduction to Deep Learning: Multi-layer Perceptron</i>: balanced and imbalanced
 * data, the confusion matrix with accuracy, precision, recall and F1, data normalization, and splitting into
 * training, validation and test parts.
 */
public final class EvaluationLesson implements Lesson {

    /** The learning rate both networks of the normalization step train with. */
    static final double LEARNING_RATE = 0.5;
    /** Full-batch iterations of each training run. */
    static final int ITERATIONS = 150;

    @Override
    public int number() {
        return 15;
    }

    @Override
    public String name() {
        return "evaluation";
    }

    @Override
    public String title() {
        return "Model evaluation: imbalanced data, the confusion matrix, normalization and splitting";
    }

    @Override
    public void run(LessonLog log) throws IOException {
        log.step("Balanced and imbalanced data", """
                The deck *Introduction to Deep Learning: Multi-layer Perceptron* ends on "Model Evaluation", and begins
                it with a warning: "Pay attention to your data: they may fool your model." scikit-learn's `digits`
                (1 797 handwritten digits of $8 \\times 8$ pixels, each 0 … 16) is **balanced**: every digit has
                about 180 examples. Ask a yes/no question of it, "is this digit a 9?", and the same data becomes
                **imbalanced**: one *yes* for every nine *no*.
                """);
        LabeledData digits = Mnist.digits();
        log.println("digits per class 0 … 9: " + Arrays.toString(ClassBalance.counts(digits)));
        LabeledData nines = isNine(digits);
        int[] counts = ClassBalance.counts(nines);
        log.printf("'is it a 9?': %d no (class 0), %d yes (class 1), %.1f %% no", counts[0], counts[1],
                100.0 * counts[0] / nines.m());

        log.step("A classifier that looks excellent", """
                The laziest classifier answers the majority class for every example: "no, not a 9". It has learned
                nothing, and yet its accuracy, the fraction of answers that are right, is about 90 %, higher than many
                honest first attempts. Accuracy alone is fooled by imbalanced data.
                """);
        int[] majority = new int[nines.m()];
        log.printf("majority-class classifier: accuracy %.2f %% on 'is it a 9?'",
                100 * ConfusionMatrix.of(nines.labels(), majority, 2).accuracy());

        log.step("The confusion matrix", """
                The confusion matrix of *Introduction to Deep Learning: Multi-layer Perceptron* counts the four
                outcomes of a yes/no classifier, with *yes* (a 9) as the positive class: true positives (TP), false
                positives (FP), false negatives (FN) and true negatives (TN). From them, in that deck's words:

                Accuracy $= (TP + TN) / (TP + FN + FP + TN)$, Precision $(p) = TP / (TP + FP)$,
                Recall $(r) = TP / (TP + FN)$, $F_1 = \\frac{2}{r^{-1} + p^{-1}}$.

                The majority classifier finds no 9 at all: recall 0. It has no positive answers, so precision is
                $0/0$; like scikit-learn we count it as 0, and $F_1$ as 0. The same numbers come out of
                `ClassificationReport`, which equals scikit-learn's `classification_report`.
                """);
        ConfusionMatrix lazy = ConfusionMatrix.of(nines.labels(), majority, 2);
        log.println(lazy);
        printDeckMetrics(log, lazy);
        log.println(ClassificationReport.of(nines.labels(), majority, 2).named(NAMES).format(4));
        log.plot("confusion-matrix-majority", EvaluationCharts.confusionMatrix(
                "Majority-class classifier: accuracy " + percent(lazy.accuracy()) + ", recall of '9' 0 %", lazy, NAMES));

        log.step("Dataset splitting: 70 / 20 / 10", """
                The pie chart of *Introduction to Deep Learning: Multi-layer Perceptron*: 70 % of the examples to
                train on, 20 % to validate (to choose the learning rate, the size of the network, when to stop) and
                10 % to test, once, at the very end. The split is seeded (`np.random.seed(0)`, then
                `np.random.permutation`) and **stratified**: each part keeps the 9 : 1 proportion, so that the small
                test part still holds some 9s.
                """);
        Splitting.Parts parts = Splitting.split(nines, 0.7, 0.2, 0.1, 0, true);
        for (Map.Entry<String, LabeledData> part : Map.of("training", parts.train(), "validation",
                parts.validation(), "test", parts.test()).entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> b.m() - a.m())).toList()) {
            int[] c = ClassBalance.counts(part.getValue());
            log.printf("%-10s %4d examples: %4d no, %3d yes", part.getKey(), part.getValue().m(), c[0], c[1]);
        }

        log.step("Data normalization, with statistics from the training part only", """
                *Introduction to Deep Learning: Multi-layer Perceptron* defines normalization as "A process to
                transform the input data in a well-behaved form." Standardization moves every feature (here, every
                pixel) to mean 0 and standard deviation 1:
                $\\mu = \\frac{1}{m} \\sum_i x^{(i)}$, $\\sigma = \\sqrt{\\frac{1}{m} \\sum_i (x^{(i)} - \\mu)^2}$,
                $x_{norm} = (x - \\mu) / \\sigma$. The statistics come from the **training part only** and are then
                applied, unchanged, to the validation and test parts: computing them on all the data would let the
                test examples leak into training. A pixel that never varies in training ($\\sigma = 0$, the
                corners) is divided by 1 instead.
                """);
        Standardization standardization = Standardization.fit(parts.train().X());
        Matrix X_train = standardization.transform(parts.train().X());
        Matrix X_val = standardization.transform(parts.validation().X());
        Matrix X_test = standardization.transform(parts.test().X());
        log.printf("mu %s from the %d training examples: pixel (3, 3) has mean %.4f, sd %.4f",
                standardization.mu().shape(), parts.train().m(), standardization.mu().get(27, 0),
                standardization.sigma().get(27, 0));
        log.printf("after: training pixel (3, 3) mean %.4f, sd %.4f", X_train.mean(1).get(27, 0),
                Math.sqrt(X_train.minus(X_train.mean(1)).square().mean(1).get(27, 0)));
        log.printf("       validation pixel (3, 3) mean %.4f (near 0, not exactly: its own statistics differ)",
                X_val.mean(1).get(27, 0));

        log.step("Training with and without normalization", """
                The same network (64 pixels → 16 ReLU units → 1 sigmoid unit, the same initial weights) trained
                with gradient descent at the same learning rate $\\alpha = 0.5$ for 150 iterations, once on the raw
                pixels (0 … 16) and once on the standardized ones. On the raw pixels the first layer's $z$ and
                gradients are many times larger, so this learning rate throws the weights so far in the first steps
                that the network ends up giving every digit the same answer, the share of 9s: the cost stops at
                $-(0.9 \\log 0.9 + 0.1 \\log 0.1) \\approx 0.325$ and the validation accuracy at the share of
                "no", the majority-class classifier again. Standardized, the same step size trains well. (The cost
                axis is logarithmic.)
                """);
        Matrix Y_train = parts.train().labelRow();
        Matrix Y_val = parts.validation().labelRow();
        History raw = network().fit(parts.train().X(), Y_train, ITERATIONS, 0, parts.validation().X(), Y_val);
        Sequential model = network();
        History normalized = model.fit(X_train, Y_train, ITERATIONS, 0, X_val, Y_val);
        log.printf("raw pixels:          cost %.6f, validation accuracy %.2f %%", raw.last("loss"),
                raw.last("val_accuracy"));
        log.printf("standardized pixels: cost %.6f, validation accuracy %.2f %%", normalized.last("loss"),
                normalized.last("val_accuracy"));
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("raw pixels 0 … 16", curve(raw));
        curves.put("standardized pixels", curve(normalized));
        XYChart costs = Charts.costCurve("Same network, same learning rate 0.5: raw against standardized pixels",
                curves);
        costs.getStyler().setYAxisLogarithmic(true);
        log.plot("cost-with-and-without-normalization", costs);

        log.step("The trained network on the test part", """
                At the end, once, the test part: the confusion matrix and the metrics of the network trained on
                standardized pixels, beside those of the majority-class classifier. Accuracy alone would call the
                lazy classifier's 90 % good; the network's errors are a small fraction of its, and precision,
                recall and $F_1$ of the 9s show what it learned.
                """);
        int[] yTest = parts.test().labels();
        int[] yPred = Arrays.stream(model.predictClasses(X_test).toArray()).mapToInt(c -> (int) c).toArray();
        ConfusionMatrix trained = ConfusionMatrix.of(yTest, yPred, 2);
        log.println(trained);
        printDeckMetrics(log, trained);
        log.println(ClassificationReport.of(yTest, yPred, 2).named(NAMES).format(4));
        ConfusionMatrix lazyOnTest = ConfusionMatrix.of(yTest, new int[yTest.length], 2);
        log.printf("majority-class classifier on the same test part: accuracy %s, recall of '9' %s",
                percent(lazyOnTest.accuracy()), percent(lazyOnTest.truePositives(1) / (double) lazyOnTest.support(1)));
        log.plot("confusion-matrix-network", EvaluationCharts.confusionMatrix("Trained network on the test part:"
                + " accuracy " + percent(trained.accuracy()), trained, NAMES));
    }

    /** The class names: class 0 "not 9", class 1 "9". */
    private static final List<String> NAMES = List.of("not 9", "9");

    /** The question "is it a 9?" of a digits set: label 1 for a 9, 0 for every other digit. */
    private static LabeledData isNine(LabeledData digits) {
        int[] labels = Arrays.stream(digits.labels()).map(d -> d == 9 ? 1 : 0).toArray();
        return new LabeledData(digits.X(), labels, 2, digits.height(), digits.width());
    }

    /** 64 → 16 ReLU → 1 sigmoid, binary cross-entropy, gradient descent; the same weights (seed 1) every call. */
    private static Sequential network() {
        return Sequential.of(new Dense(16, new Relu(), Initializer.he()), new Dense(1, new Sigmoid(),
                Initializer.he())).build(64, 1).compile(new BinaryCrossEntropy(), new GradientDescent(LEARNING_RATE),
                Metric.accuracy());
    }

    /** The deck's four counts and four formulas for the positive class 1, printed one per line. */
    private static void printDeckMetrics(LessonLog log, ConfusionMatrix cm) {
        long TP = cm.get(1, 1);
        long TN = cm.get(0, 0);
        long FP = cm.get(0, 1);
        long FN = cm.get(1, 0);
        double accuracy = (double) (TP + TN) / (TP + FN + FP + TN);
        double p = TP + FP == 0 ? 0 : (double) TP / (TP + FP);
        double r = TP + FN == 0 ? 0 : (double) TP / (TP + FN);
        double F1 = p == 0 || r == 0 ? 0 : 2 / (1 / r + 1 / p);
        log.printf("TP = %d, FP = %d, FN = %d, TN = %d", TP, FP, FN, TN);
        log.printf("Accuracy = (TP + TN) / (TP + FN + FP + TN) = %.4f", accuracy);
        log.printf("Precision p = TP / (TP + FP) = %.4f", p);
        log.printf("Recall r = TP / (TP + FN) = %.4f", r);
        log.printf("F1 = 2 / (1/r + 1/p) = %.4f", F1);
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * fraction);
    }

    private static double[][] curve(History history) {
        double[] loss = history.loss().stream().mapToDouble(Double::doubleValue).toArray();
        double[] iterations = new double[loss.length];
        Arrays.setAll(iterations, i -> i);
        return new double[][] {iterations, loss};
    }
}
