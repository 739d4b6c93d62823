package dev.backprop.lessons;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Moons;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.Regularization;
import dev.backprop.core.model.Regularization.ModelRun;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.EarlyStopping;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overfitting and the <i>Introduction to Deep Learning</i> deck's two regularizers, dropout and early stopping, with
 * L2, then the Deep Learning Specialization's "Regularization" experiment on a generated 2-D set.
 */
public final class RegularizationLesson implements Lesson {

    /** Epochs of every Adam run of the lesson (full batch). */
    private static final int EPOCHS = 600;

    @Override
    public int number() {
        return 14;
    }

    @Override
    public String name() {
        return "regularization";
    }

    @Override
    public String title() {
        return "Overfitting and regularization";
    }

    /** Builds and trains a model with Adam (α = 0.01, full batch), validating on (X_val, Y_val) every epoch. */
    private static History fit(Sequential model, Dataset train, Dataset validation, double lambda) {
        model.compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
        return model.fit(train.X(), train.Y(), model.loop().epochs(EPOCHS).l2(lambda)
                .validation(validation.X(), validation.Y()));
    }

    /** The hidden layers [2, 32, 32, 1] that overfit 60 points, optionally with dropout after each hidden layer. */
    private static Sequential big(double dropout) {
        if (dropout == 0) {
            return Sequential.of(new Dense(32, new Relu(), Initializer.he()), new Dense(32, new Relu(),
                    Initializer.he()), new Dense(1, new Sigmoid(), Initializer.he()));
        }
        return Sequential.of(new Dense(32, new Relu(), Initializer.he()), new Dropout(dropout),
                new Dense(32, new Relu(), Initializer.he()), new Dropout(dropout),
                new Dense(1, new Sigmoid(), Initializer.he()));
    }

    private static double[] values(History history, String name) {
        return history.get(name).stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Prints the last epoch's training and validation cost and accuracy. */
    private static void report(LessonLog log, String name, History h) {
        log.printf("%-28s train cost %.4f, accuracy %6.2f %% | validation cost %.4f, accuracy %6.2f %%", name,
                h.last("loss"), h.last("accuracy"), h.last("val_loss"), h.last("val_accuracy"));
    }

    private static String layers(Sequential model) {
        return String.join(" → ", model.layers().stream().map(Layer::toString).toList());
    }

    /** DLS's {@code model()} with the cost printed every 10 000 iterations. */
    private static ModelRun dls(LessonLog log, Matrix X, Matrix Y, double lambd, double keepProb) {
        return Regularization.model(X, Y, 0.3, 30_000, (i, cost) -> log.printf("Cost after iteration %d: %f", i,
                cost), lambd, keepProb);
    }

    @Override
    public void run(LessonLog log) {
        log.step("Underfitting, a good fit, overfitting", """
                *Introduction to Deep Learning* (the TensorFlow deck): underfitting, "model does not have capacity to
                fully learn the data"; overfitting, "too complex, extra parameters, does not generalize well". Here 60
                training points of `make_moons(noise=.35)` and 300 validation points from the same distribution, and
                three models trained the same way (Adam, $\\alpha = 0.01$, full batch, 600 epochs): logistic regression
                (one sigmoid unit), a small network [2, 8, 1] and a big one [2, 32, 32, 1] with 1 185 parameters for 60
                points. The gap between the training and the validation curves is the overfitting: the big network
                drives its training cost to almost 0 while its validation cost climbs, because it grows ever more
                confident about the points it gets wrong (its validation accuracy changes much less).
                """);
        Dataset train = Moons.makeMoons(60, 0.35, new NumpyRandom(1));
        Dataset validation = Moons.makeMoons(300, 0.35, new NumpyRandom(101));
        Sequential under = Sequential.of(new Dense(1, new Sigmoid()));
        Sequential good = Sequential.of(new Dense(8, new Relu(), Initializer.he()),
                new Dense(1, new Sigmoid(), Initializer.he()));
        Sequential over = big(0);
        History underHistory = fit(under, train, validation, 0);
        History goodHistory = fit(good, train, validation, 0);
        History overHistory = fit(over, train, validation, 0);
        report(log, "underfit: logistic", underHistory);
        report(log, "good fit: [2, 8, 1]", goodHistory);
        report(log, "overfit: [2, 32, 32, 1]", overHistory);
        log.plot("underfit-curves", EvaluationCharts.trainingCurves("Underfitting: logistic regression", "cost J",
                values(underHistory, "loss"), values(underHistory, "val_loss")));
        log.plot("good-fit-curves", EvaluationCharts.trainingCurves("A good fit: [2, 8, 1]", "cost J",
                values(goodHistory, "loss"), values(goodHistory, "val_loss")));
        log.plot("overfit-curves", EvaluationCharts.trainingCurves("Overfitting: [2, 32, 32, 1] on 60 points",
                "cost J", values(overHistory, "loss"), values(overHistory, "val_loss")));
        log.plot("underfit-boundary", TrainingCharts.decisionBoundary("Underfitting: logistic regression",
                train.X(), train.Y(), under::predict));
        log.plot("good-fit-boundary", TrainingCharts.decisionBoundary("A good fit: [2, 8, 1]", train.X(), train.Y(),
                good::predict));
        log.plot("overfit-boundary", TrainingCharts.decisionBoundary("Overfitting: [2, 32, 32, 1]", train.X(),
                train.Y(), over::predict));

        log.step("L2 regularization", """
                *Introduction to Deep Learning* (the TensorFlow deck): regularization is a "technique that
                constrains our optimization problem to discourage complex models", to "improve generalization of our
                model on unseen data". L2 adds the squared weights to the cost, so large weights must pay for
                themselves:
                $J_{\\text{regularized}} = J + \\frac{\\lambda}{2m} \\sum_l \\sum_{k,j} (W^{[l]}_{k,j})^2$, and each
                gradient gains a term, $dW^{[l]} := dW^{[l]} + \\frac{\\lambda}{m} W^{[l]}$ ("weight decay"). The big
                network again, with $\\lambda = 0.1$ and $\\lambda = 1$: the larger $\\lambda$ keeps the validation cost
                flat, at the price of a higher training cost. (The training cost printed is the one minimized, with
                its penalty, and with dropout below it is taken with units dropped; the validation cost is the
                plain cross-entropy. So compare the validation costs with each other.)
                """);
        Map<String, double[]> l2Curves = new LinkedHashMap<>();
        l2Curves.put("λ = 0: training", values(overHistory, "loss"));
        l2Curves.put("λ = 0: validation", values(overHistory, "val_loss"));
        Sequential l2Model = null;
        for (double lambda : new double[] {0.1, 1}) {
            Sequential model = big(0);
            History h = fit(model, train, validation, lambda);
            report(log, String.format("[2, 32, 32, 1], λ = %.1f", lambda), h);
            l2Curves.put(String.format("λ = %.1f: training", lambda), values(h, "loss"));
            l2Curves.put(String.format("λ = %.1f: validation", lambda), values(h, "val_loss"));
            l2Model = model;
        }
        log.plot("l2-curves", PracticeCharts.curvesWithMark("L2: the training cost (with its penalty) and the "
                + "validation cost", "cost J", l2Curves, -1, ""));
        Sequential l2Final = l2Model;
        log.plot("l2-boundary", TrainingCharts.decisionBoundary("[2, 32, 32, 1] with L2, λ = 1", train.X(), train.Y(),
                l2Final::predict));

        log.step("Dropout", """
                The first regularizer of *Introduction to Deep Learning* (the TensorFlow deck): "during training,
                randomly set some activations to 0", "typically 'drop' 50 % of activations in layer", which "forces
                network to not rely on any 1 node". Inverted dropout (DLS):
                $D^{[l]} = (\\text{rand}(A^{[l]}.\\text{shape}) < \\text{keep\\_prob})$,
                $A^{[l]} := A^{[l]} * D^{[l]} / \\text{keep\\_prob}$, so the expected activation is unchanged; the
                backward pass masks $dA^{[l]}$ the same way. At evaluation time dropout is off: every unit is used,
                and nothing is rescaled. The big network with `Dropout(0.5)` after each hidden layer:
                """);
        Sequential dropped = big(0.5);
        History droppedHistory = fit(dropped, train, validation, 0);
        report(log, "[2, 32, 32, 1] + Dropout(0.5)", droppedHistory);
        log.println(layers(dropped));
        Matrix a1 = dropped.predict(validation.X());
        Matrix a2 = dropped.predict(validation.X());
        log.printf("evaluation is deterministic (dropout off): two predictions differ by %s",
                a1.minus(a2).abs().max());
        log.plot("dropout-curves", EvaluationCharts.trainingCurves("[2, 32, 32, 1] with Dropout(0.5)", "cost J",
                values(droppedHistory, "loss"), values(droppedHistory, "val_loss")));
        log.plot("dropout-boundary", TrainingCharts.decisionBoundary("[2, 32, 32, 1] with Dropout(0.5)", train.X(),
                train.Y(), dropped::predict));

        log.step("Early stopping", """
                The second regularizer of *Introduction to Deep Learning* (the TensorFlow deck): "stop training
                before we have a chance to overfit". Watch the validation cost after every epoch; when it has not
                improved for `patience` epochs, stop and put back the weights of the best epoch (Keras's
                `EarlyStopping(monitor='val_loss', patience=50, restore_best_weights=True)`). The big network,
                unregularized:
                """);
        EarlyStopping earlyStopping = new EarlyStopping(50);
        Sequential stopped = big(0);
        stopped.compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
        History stoppedHistory = stopped.fit(train.X(), train.Y(), stopped.loop().epochs(EPOCHS)
                .validation(validation.X(), validation.Y()).callbacks(earlyStopping));
        int best = stoppedHistory.bestEpoch();
        log.printf("stopped after %d epochs; best epoch %d (from 0, as DLS counts): validation cost %.4f,"
                + " accuracy %.2f %%", stoppedHistory.epochs(), best, stoppedHistory.get("val_loss").get(best),
                stoppedHistory.get("val_accuracy").get(best));
        Map<String, Double> restored = stopped.evaluate(validation.X(), validation.Y());
        log.printf("restored weights on the validation set: cost %.4f, accuracy %.2f %% (600 epochs: %.4f, %.2f %%)",
                restored.get("loss"), restored.get("accuracy"), overHistory.last("val_loss"),
                overHistory.last("val_accuracy"));
        Map<String, double[]> full = new LinkedHashMap<>();
        full.put("training cost", values(overHistory, "loss"));
        full.put("validation cost", values(overHistory, "val_loss"));
        log.plot("early-stopping", PracticeCharts.curvesWithMark("Early stopping on the validation cost (patience 50)",
                "cost J", full, best, "best epoch " + best + ", weights restored"));

        log.step("The DLS regularization experiment", """
                DLS "Regularization": `model(X, Y, learning_rate=0.3, num_iterations=30000, lambd, keep_prob)`,
                the network [2, 20, 3, 1] (LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID), batch gradient
                descent, without regularization, with L2 ($\\lambda = 0.7$) and with dropout
                ($\\text{keep\\_prob} = 0.86$), as the assignment runs it. Its data (a .mat file of a football
                field) is not generated here; on the same 60 moons, tested on the 300, the unregularized network
                overfits and both regularizers help. The numpy run of the same code
                (scripts/regularization_lesson_reference.py) is printed beside ours: over 30 000 iterations at
                $\\alpha = 0.3$ the rounding of the matrix products may move a point or two.
                """);
        Backend backend = log.backend();
        Matrix X = train.X().to(backend);
        Matrix Y = train.Y().to(backend);
        Matrix Xt = validation.X().to(backend);
        Matrix Yt = validation.Y().to(backend);
        Map<String, double[]> numpy = Map.of("none", new double[] {95.00, 80.67}, "L2, λ = 0.7",
                new double[] {90.00, 89.00}, "dropout, keep_prob = 0.86", new double[] {86.67, 83.67});
        Map<String, ModelRun> runs = new LinkedHashMap<>();
        log.println("without regularization:");
        runs.put("none", dls(log, X, Y, 0, 1));
        log.println("with L2, lambd = 0.7:");
        runs.put("L2, λ = 0.7", dls(log, X, Y, 0.7, 1));
        log.println("with dropout, keep_prob = 0.86:");
        runs.put("dropout, keep_prob = 0.86", dls(log, X, Y, 0, 0.86));
        log.println("regularization              | train    | test     | numpy train | numpy test");
        Map<String, double[]> accuracies = new LinkedHashMap<>();
        for (Map.Entry<String, ModelRun> run : runs.entrySet()) {
            double trainAccuracy = 100 * Optimization.accuracy(X, Y, run.getValue().parameters());
            double testAccuracy = 100 * Optimization.accuracy(Xt, Yt, run.getValue().parameters());
            accuracies.put(run.getKey(), new double[] {trainAccuracy, testAccuracy});
            log.printf("%-27s | %6.2f %% | %6.2f %% |    %6.2f %% |   %6.2f %%", run.getKey(), trainAccuracy,
                    testAccuracy, numpy.get(run.getKey())[0], numpy.get(run.getKey())[1]);
        }
        for (Map.Entry<String, ModelRun> run : runs.entrySet()) {
            double[] accuracy = accuracies.get(run.getKey());
            log.plot("dls-" + (run.getKey().startsWith("L2") ? "l2" : run.getKey().startsWith("dropout") ? "dropout"
                    : "none"), TrainingCharts.decisionBoundary(String.format("DLS model, %s: train %.1f %%, test "
                    + "%.1f %%", run.getKey(), accuracy[0], accuracy[1]), train.X(), train.Y(),
                    grid -> Optimization.forwardPropagation(grid.to(backend), run.getValue().parameters()).AL()
                            .to(grid.backend())));
        }
    }
}
