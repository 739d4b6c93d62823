package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.data.NpyArray;
import dev.backprop.core.data.Npz;
import dev.backprop.core.data.NpzData;
import dev.backprop.core.data.OneHot;
import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ConfusionMatrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.optim.GradientDescent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that used to pass through without a word (a review of "never silently wrong"): each is now an error that
 * names the operation, the shape or the file, and the bad value. The {@code // before:} lines quote what happened.
 */
class SilentValuesTests {

    @Test
    void oneHotLabelsMustHaveASingleOneInEachColumn() {
        Matrix twoOnes = Matrix.of(new double[][] {{1, 1, 1, 0}, {1, 0, 0, 1}});
        // before: trained, on a gradient A − Y that no softmax can follow
        assertThatThrownBy(() -> new CategoricalCrossEntropy().checkLabels(twoOnes, 2))
                .hasMessage("categorical_crossentropy: each example's labels must sum to 1 (one class, or a"
                        + " distribution over the 2 classes); example 0 sums to 2.0");
        assertThatThrownBy(() -> new KLDivergence().checkLabels(Matrix.zeros(3, 2), 3))
                .hasMessageContaining("example 0 sums to 0.0");
        new CategoricalCrossEntropy().checkLabels(Matrix.of(new double[][] {{0.9, 0}, {0.1, 1}}), 2);
        Sequential model = Sequential.of(new Dense(2, new Softmax())).build(2, 1)
                .compile(new CategoricalCrossEntropy(), new GradientDescent(0.1));
        assertThatThrownBy(() -> model.fit(Matrix.zeros(2, 4), twoOnes, 1, 0)).hasMessageStartingWith("fit: ");
    }

    @Test
    void anNpzOfLabelsThatAreNotOneHotNamesTheColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.npz");
        Npz.write(file, Map.of("X", NpyArray.of(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)),
                "Y", NpyArray.of(Matrix.of(new double[][] {{1, 0, 1}, {0, 1, 1}}))), Map.of());
        // before: argmax read the column of two 1s as class 0
        assertThatThrownBy(() -> NpzData.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("entry Y.npy, column 2").hasMessageContaining("a single 1 per example, found 2");
    }

    @Test
    void sizesThatOverflowAreNamed() {
        // before: NegativeArraySizeException: -424509408
        assertThatThrownBy(() -> OneHot.encode(new int[] {0, 1, 2, 3, 4, 5, 6, 1_999_999_999}, 2_000_000_000))
                .hasMessageStartingWith("one_hot: shape (2000000000,8)");
        // before: NegativeArraySizeException: -1
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[0], new int[0], -1))
                .hasMessage("confusion_matrix: classes = -1, expected at least 1");
    }

    @Test
    void anEpochWhoseSummedCostOverflowsIsAnErrorNotAnInfiniteHistory() {
        Sequential model = Sequential.of(new Dense(1, new Linear())).build(1, 1)
                .compile(new MeanSquaredError(), new GradientDescent(1e-300));
        Matrix X = Matrix.row(1, 2, 3, 4);
        // each batch's cost is finite (1.44e308), their mean too, but their sum is not
        Matrix Y = Matrix.row(1.2e154, 1.2e154, 1.2e154, 1.2e154);
        History history = model.fit(X, Y, model.loop().epochs(1).batchSize(1));
        assertThat(history.last("loss")).isFinite();
        // before: val_loss [Infinity], and early stopping stopped with no best epoch
        assertThatThrownBy(() -> model.fit(X, Y, model.loop().epochs(1).batchSize(1).validation(X, Y.times(1e10))))
                .hasMessageStartingWith("fit: val_loss is Infinity after epoch 0");
        // before: "…: the input was finite, so the steps diverged; try a smaller learning rate", before any step
        assertThatThrownBy(() -> model.fit(X, Y.times(10), 1, 0)).hasMessageEndingWith("no step of this fit was taken"
                + " yet, so the parameters it started from already cost that: the features or the labels may be on too"
                + " large a scale (normalize them), or an earlier fit diverged");
    }

    @Test
    void theWorkshopFunctionsRefuseWhatTheirMathCannotRead() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(new int[] {2, 3, 1});
        // before: NaN and +∞ ran through, the +∞ to an output of 0 or 1
        assertThatThrownBy(() -> DeepNetwork.lModelForward(Matrix.of(2, 2, 1, Double.POSITIVE_INFINITY, 0, 0), p))
                .hasMessage("L_model_forward: X has Infinity at column 1 (row 0) of (2,2)");
        // before: an AL of 3 was clipped to a plausible cost
        assertThatThrownBy(() -> DeepNetwork.computeCost(Matrix.row(3, 0.5), Matrix.row(1, 0),
                new BinaryCrossEntropy())).hasMessageStartingWith("compute_cost: AL has 3.0 at column 0");
        // before: a label of 5 among 3 classes zeroed its column of the gradient
        assertThatThrownBy(() -> new SparseCategoricalCrossEntropy().gradient(Matrix.zeros(3, 2).plus(1.0 / 3),
                Matrix.row(0, 5))).hasMessageEndingWith("example 1 has 5.0");
    }

    @Test
    void sequentialRefusesNonFiniteInputsAndNoExamples() {
        Sequential model = Sequential.of(new Dense(2, new Relu()), new Dense(1, new Sigmoid())).build(2, 1)
                .compile(new BinaryCrossEntropy(), new GradientDescent(0.1), Metric.accuracy());
        // before: {loss=NaN, accuracy=NaN} for both
        assertThatThrownBy(() -> model.evaluate(Matrix.of(2, 1, Double.NaN, 0), Matrix.row(1)))
                .hasMessage("evaluate: X has NaN at column 0 (row 0) of (2,1)");
        assertThatThrownBy(() -> model.evaluate(Matrix.zeros(2, 0), Matrix.zeros(1, 0)))
                .hasMessageStartingWith("evaluate: X has 0 examples (2,0)");
        assertThatThrownBy(() -> model.predict(Matrix.of(2, 1, 0, Double.NaN)))
                .hasMessage("predict: X has NaN at column 0 (row 1) of (2,1)");
        Map<String, Matrix> parameters = new java.util.LinkedHashMap<>(model.namedParameters());
        String first = parameters.keySet().iterator().next();
        parameters.put(first, parameters.get(first).plus(Double.NaN));
        assertThatThrownBy(() -> model.setNamedParameters(parameters))
                .hasMessageStartingWith("sequential: parameter " + first + " has NaN");
    }

    @Test
    void aGradientCheckOfANanCostFailsInsteadOfPassing() {
        // before: difference NaN, and NaN > 2e-7 is false: "Your backward propagation works perfectly fine!"
        assertThatThrownBy(() -> GradientCheck.check(new double[] {1, 2}, new double[] {0, 0},
                theta -> theta[1] > 2 ? Double.NaN : theta[0]))
                .hasMessage("gradient_check: J is NaN at theta with entry 1 + epsilon; the check compares finite"
                        + " costs only (is the output saturated, a log of 0?)");
        assertThatThrownBy(() -> GradientCheck.check(new double[] {1}, new double[] {Double.NaN}, theta -> 0))
                .hasMessageStartingWith("gradient_check: entry 0 of grad is NaN");
    }

    @Test
    void fractionsDecaysAndMetricShapesThatMeanNothingAreRefused() {
        // before: a NaN fraction put every example in the test part
        assertThatThrownBy(() -> dev.backprop.core.data.Splitting.split(
                new dev.backprop.core.data.RegressionData(Matrix.zeros(1, 4), Matrix.zeros(1, 4)), Double.NaN, 0, 1,
                0)).hasMessageContaining("must be ≥ 0 and add up to 1");
        // before: Infinity, then NaN, as the rate
        assertThatThrownBy(() -> dev.backprop.core.model.Optimization.updateLr(0.5, 1, -1))
                .hasMessageStartingWith("update_lr: epoch_num 1 and decay_rate -1.0 must be ≥ 0");
        assertThatThrownBy(() -> dev.backprop.core.model.Optimization.scheduleLrDecay(0.5, 1, Double.NaN))
                .hasMessageStartingWith("schedule_lr_decay: epoch_num 1 and decay_rate NaN");
        // before: (1,2) minus (2,1) broadcast to (2,2): a mean absolute error of 0.5
        assertThatThrownBy(() -> Metric.meanAbsoluteError().value(Matrix.row(1, 2), Matrix.column(1, 2)))
                .hasMessage("mae: AL has shape (1,2) but Y has shape (2,1)");
    }

    @Test
    void aRefusedResultIsFreedOnADeviceAndTheEnginesOwnPathsSkipTheScan() {
        dev.backprop.core.DeviceLikeBackend device = new dev.backprop.core.DeviceLikeBackend();
        Matrix a = Matrix.row(4, -1, 0).to(device);
        int live = device.liveBuffers();
        assertThatThrownBy(a::log).hasMessageStartingWith("log: -1.0 at column 1 (row 0) of (1,3)");
        assertThatThrownBy(() -> a.div(a)).hasMessageStartingWith("divide: 0.0 / 0.0 at column 2");
        // before: each refused result stayed on the device
        assertThat(device.liveBuffers()).isEqualTo(live);
        // a softmax, Adam and the clipped losses cannot leave the domains, so they skip the device round trip
        assertThat(dev.backprop.core.matrix.Unchecked.log(Matrix.row(-1)).get(0, 0)).isNaN();
    }

    @Test
    void softLabelsWrittenWithAFewDecimalsSumToOneClosely() {
        new CategoricalCrossEntropy().checkLabels(Matrix.of(new double[][] {{0.3333}, {0.3333}, {0.3333}}), 3);
        assertThatThrownBy(() -> new CategoricalCrossEntropy().checkLabels(Matrix.column(0.5, 0.49), 2))
                .hasMessageEndingWith("example 0 sums to 0.99");
    }
}
