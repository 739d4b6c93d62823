package dev.backprop.lessons;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.data.DataFileException;
import dev.backprop.core.data.LabeledData;
import dev.backprop.core.data.Mnist;
import dev.backprop.core.data.TrainTest;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ClassificationReport;
import dev.backprop.core.metrics.ConfusionMatrix;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import dev.backprop.core.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The MNIST of <i>Introduction to Deep Learning: Multi-layer Perceptron</i>: 784 pixels in, one hidden layer, 10
 * softmax outputs, trained on real handwritten digits with mini-batches and Adam, then judged on digits it never saw.
 */
public final class MnistLesson implements Lesson {

    /** Passes over the training digits; few, so that the lesson runs in seconds. */
    static final int EPOCHS = 4;
    /** Hidden units. */
    static final int N_H = 64;
    /** Examples per mini-batch. */
    static final int BATCH_SIZE = 32;

    @Override
    public int number() {
        return 16;
    }

    @Override
    public String name() {
        return "mnist";
    }

    @Override
    public String title() {
        return "Handwritten digits: MNIST with a multi-layer perceptron";
    }

    @Override
    public void run(LessonLog log) throws IOException {
        log.step("The MNIST dataset", """
                The "MNIST dataset (Modified National Institute for Standards and Technology)" of
                *Introduction to Deep Learning: Multi-layer Perceptron*: handwritten digits of $28 \\times 28 = 784$
                grey pixels, each labelled 0 … 9. The repository bundles 10 000 real MNIST digits (8 000 to train
                on, 2 000 to test on), so this lesson needs no download; `./workshop run mnist --data DIR` reads the
                full MNIST or Fashion-MNIST from the four MNIST-format files in DIR instead. Each image becomes one
                **column** of $X$ (784 rows), the pixels divided by 255 so that they lie in $[0, 1]$, and each label a
                one-hot column of $Y$ (10 rows). The last eighth of the training digits (1 000 of the bundled 8 000) is
                held out for validation, as Keras's `validation_split = 0.125` would.
                """);
        Optional<String> dataDir = log.option("data");
        TrainTest mnist = dataDir.isPresent() ? Mnist.load(Path.of(dataDir.get())) : Mnist.bundled();
        if (mnist.train().height() != 28 || mnist.train().width() != 28) {
            // the network reads 784 inputs and the charts draw 28×28 digits
            throw new DataFileException(dataDir.orElse("the bundled digits"), "train-images-idx3-ubyte, byte 8",
                    "images of " + mnist.train().height() + "x" + mnist.train().width() + "; this lesson reads MNIST's"
                    + " 28x28 (for other images, ./workshop train --dataset dir:DIR)");
        }
        log.println(dataDir.isPresent() ? "Read from " + dataDir.get() : "The bundled MNIST digits");
        LabeledData all = mnist.train().scaled(255);
        int split = all.m() - all.m() / 8;
        LabeledData train = all.select(IntStream.range(0, split).toArray());
        LabeledData validation = all.select(IntStream.range(split, all.m()).toArray());
        LabeledData test = mnist.test().scaled(255);
        Matrix X_train = train.X();
        Matrix Y_train = train.Y();
        log.println("X_train " + X_train.shape() + ", Y_train " + Y_train.shape());
        log.println("X_val   " + validation.X().shape() + ", X_test " + test.X().shape());
        log.printf("the first training digit is a %d; its brightest pixel is %.1f", train.labels()[0],
                X_train.columns(0, 1).max());
        log.plot("first-digits", MnistCharts.digits("The first 24 training digits, with their labels",
                X_train, 28, 28, train.labels(), 24));

        log.step("784 inputs, one hidden layer, 10 softmax outputs", """
                $A^{[1]} = \\mathrm{ReLU}(W^{[1]} X + b^{[1]})$ with $W^{[1]}$ of shape $(64, 784)$, then
                $A^{[2]} = \\mathrm{softmax}(W^{[2]} A^{[1]} + b^{[2]})$ with $W^{[2]}$ of shape $(10, 64)$:
                ten probabilities per digit, $a_k = e^{z_k} / \\sum_j e^{z_j}$, that add up to 1. The weights start
                as Keras's default (Glorot uniform, seed 1); the loss is the categorical cross-entropy
                $J = -\\frac{1}{m} \\sum_i \\sum_k y_k^{(i)} \\log a_k^{(i)}$.
                """);
        Sequential model = Sequential.of(
                new Dense(N_H, new Relu(), Initializer.glorotUniform()),
                new Dense(10, new Softmax(), Initializer.glorotUniform()))
                .build(784, 1)
                .compile(new CategoricalCrossEntropy(), new Adam(0.002), Metric.accuracy());
        log.println(model.summary());

        log.step("The untrained network's answer: utter trash", """
                *Introduction to Deep Learning: Multi-layer Perceptron* asks, for one digit: "What's the 'cost' of
                this difference? Utter trash." Before training, the ten outputs are all near $\\frac{1}{10}$,
                whatever the digit. That deck (after 3Blue1Brown) adds up the squared differences
                $\\sum_k (a_k - y_k)^2$; our loss, cross-entropy, is $-\\log a_y$, the surprise at the right answer,
                which for ten equal guesses is $\\log 10 = 2.3026$.
                """);
        Matrix x = X_train.columns(0, 1);
        Matrix y = Y_train.columns(0, 1);
        Matrix a = model.predict(x);
        log.printf("digit %d:", train.labels()[0]);
        for (int k = 0; k < 10; k++) {
            log.printf("  output %d: a = %.4f   y = %.0f", k, a.get(k, 0), y.get(k, 0));
        }
        log.printf("squared differences Σ(a − y)² = %.4f", a.minus(y).square().sum());
        log.printf("cross-entropy −log a_y = %.4f", model.cost(a, y));
        log.printf("cost over all %d training digits: %.4f (log 10 = %.4f)", train.m(),
                model.evaluate(X_train, Y_train).get("loss"), Math.log(10));

        log.step("Training: mini-batches and Adam", """
                Every epoch shuffles the training digits and walks through them in mini-batches of 32 (Keras's
                default): forward, cost, backward, and one Adam step per batch ($\\alpha = 0.002$, $\\beta_1 = 0.9$,
                $\\beta_2 = 0.999$), $v = \\beta_1 v + (1-\\beta_1) dW$, $s = \\beta_2 s + (1-\\beta_2) dW^2$,
                $W = W - \\alpha \\hat{v} / (\\sqrt{\\hat{s}} + \\varepsilon)$. After each epoch a progress line
                gives the training cost (the mean over the epoch's batches, each before its update, as Keras's) and
                the training accuracy (on all the training digits after the epoch, where Keras averages it over the
                batches), then the same two on the validation digits. Four epochs of 64 hidden units keep the lesson
                to seconds.
                """);
        long start = System.nanoTime();
        History history = model.fit(X_train, Y_train, model.loop().epochs(EPOCHS).batchSize(BATCH_SIZE).shuffle(0)
                .validation(validation.X(), validation.Y()).callbacks((epoch, logs, run) -> {
                    log.printf("Epoch %d/%d - loss: %.4f - accuracy: %.2f %% - val_loss: %.4f - val_accuracy: %.2f %%",
                            epoch + 1, run.epochs(), logs.get("loss"), logs.get("accuracy"), logs.get("val_loss"),
                            logs.get("val_accuracy"));
                    return false;
                }));
        double trainingSeconds = (System.nanoTime() - start) / 1e9;
        log.elapsed(String.format("training, %d epochs of %d digits", EPOCHS, train.m()), trainingSeconds);

        log.step("Training and validation curves", """
                The cost and the accuracy per epoch, on the digits trained on and on those held out. While the
                two curves stay together the network is learning digits, not memorising these ones; a validation
                curve that turns up while the training curve keeps falling is overfitting.
                """);
        log.plot("loss-curves", EvaluationCharts.trainingCurves("Cost per epoch", "cost J",
                toArray(history.get("loss")), toArray(history.get("val_loss"))));
        log.plot("accuracy-curves", EvaluationCharts.trainingCurves("Accuracy per epoch", "accuracy (%)",
                toArray(history.get("accuracy")), toArray(history.get("val_accuracy"))));

        log.step("Test accuracy and the confusion matrix", """
                The test digits were never trained on or used to choose anything, so their accuracy is the honest
                one. The confusion matrix counts, for each true digit (row), what the network answered (column):
                the diagonal is right, everything else is a mistake, and which mistakes (4 for 9, 3 for 5) says
                what the network finds hard. Per digit: precision $= TP / (TP + FP)$, recall $= TP / (TP + FN)$,
                $F_1 = 2 / (r^{-1} + p^{-1})$.
                """);
        int[] yPred = labels(model.predictClasses(test.X()));
        ConfusionMatrix cm = ConfusionMatrix.of(test.labels(), yPred, 10);
        log.printf("Test accuracy: %.2f %% (%d of %d digits)", 100 * cm.accuracy(), IntStream.range(0, 10)
                .mapToLong(cm::truePositives).sum(), test.m());
        log.println(cm);
        log.println(ClassificationReport.of(test.labels(), yPred, 10).format(4));
        log.plot("confusion-matrix", EvaluationCharts.confusionMatrix(String.format(
                "MNIST test digits: confusion matrix (accuracy %.2f %%)", 100 * cm.accuracy()), cm, DIGITS));

        log.step("The digits it gets wrong", """
                Some of the misclassified test digits, each with its true label and the network's answer. Many are
                hard for people too.
                """);
        log.plot("misclassified", EvaluationCharts.misclassified("Misclassified test digits", test.X(), 28, 28,
                test.labels(), yPred, DIGITS, 20));

        log.step("What the first layer looks for", """
                Each row of $W^{[1]}$ holds one hidden unit's 784 weights, one per pixel, so it can be drawn as a
                $28 \\times 28$ image: red where ink raises the unit's $z$, blue where ink lowers it. In the words of
                *Introduction to Deep Learning: Multi-layer Perceptron*, "a DNN encodes the representation
                hierarchically" — the first layer finds strokes and blobs, the next
                combines them into digits.
                """);
        Matrix W1 = ((Dense) model.layers().get(0)).W();
        log.println("W1 " + W1.shape() + ": the first 20 of its 64 rows as images");
        log.plot("first-layer-weights", EvaluationCharts.firstLayerWeights(
                "First-layer weights W1: one 28x28 image per hidden unit", W1, 28, 28, 20));

        log.step("Examples per second", """
                How fast this machine trains and predicts: training processed every training digit once per epoch
                (forward, backward and update); prediction is the forward pass alone, on the test digits.
                """);
        start = System.nanoTime();
        model.predict(test.X());
        double predictSeconds = (System.nanoTime() - start) / 1e9;
        log.elapsed(String.format("predicting %d test digits", test.m()), predictSeconds);
        log.measured(String.format("training: %.0f examples per second; prediction: %.0f examples per second",
                EPOCHS * train.m() / trainingSeconds, test.m() / predictSeconds));
    }

    /** The class names of the confusion matrix and captions: "0" … "9". */
    private static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(String::valueOf).toList();

    /** A row (1, m) of class indices as labels. */
    private static int[] labels(Matrix classes) {
        return Arrays.stream(classes.toArray()).mapToInt(c -> (int) c).toArray();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
