package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Moons;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.model.LogisticRegression;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrainingLoopTests {

    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();
    private static final Reference REF = Reference.load("/dev/backprop/core/train/train_reference.txt");

    // ---------------------------------------------------------------- one loop, three ways to write the network

    @Test
    void twoLayerNetworkDeepNetworkAndSequentialGiveTheSamePlanarCosts() {
        List<Double> twoLayer = new ArrayList<>();
        TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 4, 2000, 1.2, 100, (i, c) -> twoLayer.add(c));
        List<Double> deep = new ArrayList<>();
        Architecture tanhSigmoid = Architecture.of(new int[] {2, 4, 1}, new Tanh(), new Sigmoid(),
                new BinaryCrossEntropy());
        DeepNetwork.lLayerModel(PLANAR.X(), PLANAR.Y(), tanhSigmoid, Initialization.SMALL_RANDOM,
                TwoLayerNetwork.SEED, 1.2, 2000, 100, (i, c) -> deep.add(c));
        Sequential model = Sequential.of(new Dense(4, new Tanh()), new Dense(1, new Sigmoid()))
                .build(2, TwoLayerNetwork.SEED).compile(new BinaryCrossEntropy(), new GradientDescent(1.2));
        History history = model.fit(PLANAR.X(), PLANAR.Y(), 2000, 0);

        assertThat(twoLayer).hasSize(20);
        for (int k = 0; k < twoLayer.size(); k++) {
            assertThat(deep.get(k)).as("L_layer_model cost after iteration %d", 100 * k)
                    .isCloseTo(twoLayer.get(k), within(1e-12));
            assertThat(history.loss().get(100 * k)).as("Sequential cost after epoch %d", 100 * k)
                    .isCloseTo(twoLayer.get(k), within(1e-12));
        }
        assertThat(history.epochs()).isEqualTo(2000);
    }

    @Test
    void batchGradientDescentIsTheLoopWithBatchSizeM() {
        Sequential full = planarModel();
        Sequential batchM = planarModel();
        History a = full.fit(PLANAR.X(), PLANAR.Y(), 20, 0);
        History b = batchM.fit(PLANAR.X(), PLANAR.Y(), 20, PLANAR.X().cols());
        assertThat(b.loss()).isEqualTo(a.loss());
        History sgd = planarModel().fit(PLANAR.X().columns(0, 20), PLANAR.Y().columns(0, 20), 3, 1);
        assertThat(sgd.loss()).hasSize(3).allSatisfy(c -> assertThat(c).isFinite());
    }

    private static Sequential planarModel() {
        return Sequential.of(new Dense(4, new Tanh()), new Dense(1, new Sigmoid())).build(2, 2)
                .compile(new BinaryCrossEntropy(), new GradientDescent(1.2), Metric.accuracy());
    }

    /** Records the first row of every batch it is given. */
    private static final class Recorder implements Trainable {
        final List<double[]> batches = new ArrayList<>();
        private List<Matrix> theta = List.of(Matrix.zeros(1, 1));

        @Override
        public List<Matrix> parameters() {
            return theta;
        }

        @Override
        public void setParameters(List<Matrix> parameters) {
            theta = parameters;
        }

        @Override
        public Step step(Matrix X, Matrix Y) {
            batches.add(X.toArray());
            return new Step(0.5, List.of(Matrix.zeros(1, 1)));
        }

        @Override
        public Matrix output(Matrix X) {
            return X;
        }

        @Override
        public double cost(Matrix AL, Matrix Y) {
            return 0;
        }
    }

    @Test
    void theDlsModeShufflesWithTheSeedPlusOneEveryEpochAndKeepsThePartialLastBatch() {
        Matrix X = Matrix.row(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        Recorder recorder = new Recorder();
        new TrainingLoop("model", new GradientDescent(0.1)).epochs(2).batchSize(4).dls(10)
                .fit(recorder, X, Matrix.zeros(1, 10));
        double[] permutation = REF.matrix("permutation_seed11_m10").toArray();
        assertThat(recorder.batches).hasSize(6);
        assertThat(recorder.batches.get(0)).containsExactly(permutation[0], permutation[1], permutation[2],
                permutation[3]);
        assertThat(recorder.batches.get(2)).containsExactly(permutation[8], permutation[9]);
        int[] second = new NumpyRandom(12).permutation(10);
        assertThat(recorder.batches.get(3)).containsExactly(second[0], second[1], second[2], second[3]);
    }

    // ---------------------------------------------------------------- DLS signatures

    @Test
    void optimizeFromGivenWAndBReproducesTheDlsTestCase() {
        LogisticRegression.Parameters start = new LogisticRegression.Parameters(Matrix.row(1, 2),
                Matrix.full(1, 1, 2));
        Matrix X = Matrix.of(new double[][] {{1, 2, -1}, {3, 4, -3.2}});
        LogisticRegression.Optimization result = LogisticRegression.optimize(start, X, Matrix.row(1, 0, 1), 100,
                0.009, (i, c) -> { });
        assertThat(result.params().w().toArray()).containsExactly(REF.matrix("optimize_w").toArray(),
                within(1e-15));
        assertThat(result.params().b().item()).isCloseTo(REF.scalar("optimize_b"), within(1e-15));
        assertThat(result.grads().dw().toArray()).containsExactly(REF.matrix("optimize_dw").toArray(),
                within(1e-15));
        assertThat(result.grads().db().item()).isCloseTo(REF.scalar("optimize_db"), within(1e-15));
        assertThat(result.costs()).containsExactly(REF.scalar("optimize_costs"));
    }

    // ---------------------------------------------------------------- History, callbacks, summary

    @Test
    void historyRecordsLossMetricsAndValidationPerEpoch() {
        Matrix X = PLANAR.X();
        Matrix Y = PLANAR.Y();
        History history = planarModel().fit(X.columns(0, 300), Y.columns(0, 300), 5, 64, X.columns(300, 400),
                Y.columns(300, 400));
        assertThat(history.names()).containsExactly("loss", "accuracy", "val_loss", "val_accuracy");
        assertThat(history.get("val_accuracy")).hasSize(5);
        assertThat(history.last("accuracy")).isBetween(0.0, 100.0);
        assertThat(history.has("val_loss")).isTrue();
        // before: an empty list, which a chart drew as nothing and a loop over it skipped without a word
        assertThatThrownBy(() -> history.get("val_acc"))
                .hasMessage("history: nothing recorded for 'val_acc'; recorded: [loss, accuracy, val_loss,"
                        + " val_accuracy]");
        History none = planarModel().fit(X, Y, 0, 64);
        assertThat(none.epochs()).isZero();
        assertThat(none.has("loss")).isFalse();
    }

    /** θ (1, 1) minimising (θ − 3)², while the "validation" cost |θ − 1| is best at θ = 1. */
    private static final class Parabola implements Trainable {
        private List<Matrix> theta = List.of(Matrix.zeros(1, 1));

        @Override
        public List<Matrix> parameters() {
            return theta;
        }

        @Override
        public void setParameters(List<Matrix> parameters) {
            theta = parameters;
        }

        @Override
        public Step step(Matrix X, Matrix Y) {
            double t = theta.get(0).item();
            return new Step((t - 3) * (t - 3), List.of(Matrix.full(1, 1, 2 * (t - 3))));
        }

        @Override
        public Matrix output(Matrix X) {
            return theta.get(0);
        }

        @Override
        public double cost(Matrix AL, Matrix Y) {
            return Math.abs(AL.item() - 1);
        }
    }

    @Test
    void earlyStoppingStopsAfterPatienceEpochsAndRestoresTheBestWeights() {
        Parabola model = new Parabola();
        EarlyStopping stopping = new EarlyStopping(3);
        History history = new TrainingLoop("fit", new GradientDescent(0.1)).epochs(100)
                .validation(Matrix.zeros(1, 1), Matrix.zeros(1, 1)).callbacks(stopping)
                .fit(model, Matrix.zeros(1, 1), Matrix.zeros(1, 1));
        int best = stopping.bestEpoch();
        List<Double> val = history.get("val_loss");
        assertThat(val.get(best)).isEqualTo(val.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(history.epochs()).isEqualTo(best + 1 + 3);
        assertThat(history.bestEpoch()).isEqualTo(best);
        assertThat(Math.abs(model.parameters().get(0).item() - 1)).isEqualTo(val.get(best));
    }

    @Test
    void earlyStoppingOnAnAccuracyWaitsForItToStopRisingAndAnUnknownMetricIsNamed() {
        // before: lower was always better, so a rising accuracy stopped the run and its worst epoch was "best"
        EarlyStopping stopping = new EarlyStopping("val_accuracy", 2, false);
        double[] accuracies = {81, 88, 89, 89, 88.5};
        List<Boolean> stops = new ArrayList<>();
        for (int e = 0; e < accuracies.length; e++) {
            stops.add(stopping.onEpochEnd(e, Map.of("loss", 1.0, "val_accuracy", accuracies[e]), null));
        }
        assertThat(stops).containsExactly(false, false, false, false, true);
        assertThat(stopping.bestEpoch()).isEqualTo(2);
        EarlyStopping costs = new EarlyStopping("val_loss", 2, false);
        assertThat(costs.onEpochEnd(0, Map.of("loss", 0.5), null)).as("no validation: the training cost").isFalse();
        assertThat(costs.onEpochEnd(1, Map.of("loss", 0.4), null)).isFalse();
        assertThat(costs.bestEpoch()).isEqualTo(1);
        // before: an unknown name silently monitored the training loss
        assertThatThrownBy(() -> new EarlyStopping("val_acc", 3, true).onEpochEnd(0,
                Map.of("loss", 0.5, "val_accuracy", 80.0), null))
                .hasMessageStartingWith("early stopping: no metric 'val_acc' was recorded; the epoch recorded [");
    }

    @Test
    void compileRefusesALossThatCannotReadTheOutputLayer() {
        // before: each trained, silently, a constant or a nonsense loss
        assertThatThrownBy(() -> Sequential.of(new Dense(3, new Relu()), new Dense(1, new Tanh())).build(2, 3)
                .compile(new BinaryCrossEntropy(), new GradientDescent(0.1)))
                .hasMessage("compile: binary_crossentropy reads sigmoid probabilities, but the output layer Dense(1,"
                        + " tanh) is not a sigmoid");
        assertThatThrownBy(() -> Sequential.of(new Dense(1, new Softmax())).build(2, 3)
                .compile(new BinaryCrossEntropy(), new GradientDescent(0.1)))
                .hasMessageContaining("is not a sigmoid");
        assertThatThrownBy(() -> Sequential.of(new Dense(2, new Linear())).build(2, 3)
                .compile(new SparseCategoricalCrossEntropy(), new GradientDescent(0.1)))
                .hasMessageContaining("reads a softmax over the classes, but the output layer Dense(2, linear)");
        Sequential fine = Sequential.of(new Dense(3, new Relu()), new Dropout(0.5, 1), new Dense(1, new Sigmoid()))
                .build(2, 3).compile(new BinaryCrossEntropy(), new GradientDescent(0.1));
        assertThat(fine.layers()).hasSize(3);
    }

    @Test
    void printCostReportsEveryNEpochsFromZero() {
        List<Integer> epochs = new ArrayList<>();
        new TrainingLoop("fit", new GradientDescent(0.1)).epochs(25)
                .callbacks(new PrintCost(10, (e, c) -> epochs.add(e)))
                .fit(new Parabola(), Matrix.zeros(1, 1), Matrix.zeros(1, 1));
        assertThat(epochs).containsExactly(0, 10, 20);
    }

    @Test
    void summaryPrintsKerasTableWithExamplesAsColumns() {
        Sequential model = Sequential.of(new Dense(4, new Relu()), new Dropout(0.1), new Dense(2, new Softmax()))
                .build(3, 1);
        assertThat(model.summary()).isEqualTo("""
                Model: "sequential"
                _________________________________________________________________
                 Layer (type)               Output Shape              Param #  \s
                =================================================================
                 dense (Dense)              (4, m)                    16       \s
                 dropout (Dropout)          (4, m)                    0        \s
                 dense_1 (Dense)            (2, m)                    10       \s
                =================================================================
                Total params: 26
                Trainable params: 26
                Non-trainable params: 0
                _________________________________________________________________
                """);
    }

    @Test
    void dropoutDrawsTheDlsMaskAndIsTheIdentityAtEvaluation() {
        Dropout dropout = new Dropout(0.2, 1);
        dropout.build(3, null);
        Matrix A = Matrix.ones(3, 5);
        Matrix D = REF.matrix("dropout_mask");
        assertThat(dropout.forward(A, true)).isEqualTo(D.div(0.8));
        assertThat(dropout.backward(Matrix.full(3, 5, 2))).isEqualTo(D.times(2).div(0.8));
        assertThat(dropout.forward(A, false)).isSameAs(A);
    }

    // ---------------------------------------------------------------- never silently wrong (issue 16)

    @Test
    void aSaturatedSigmoidOutputStillLearnsInTheDeepNetwork() {
        // z = 50 · x ≥ 50: σ(z) rounds to 1 for labels 0; the clipped dA ⊙ σ′(z) would be 0 and freeze the cost
        Architecture logistic = Architecture.of(new int[] {1, 1}, new Relu(), new Sigmoid(),
                new BinaryCrossEntropy());
        DeepParameters start = DeepParameters.of(List.of(Matrix.full(1, 1, 50), Matrix.zeros(1, 1)));
        List<Double> costs = new ArrayList<>();
        DeepNetwork.lLayerModel(Matrix.row(1, 2), Matrix.row(0, 0), logistic, start, 1.0, 100, 1,
                (i, c) -> costs.add(c));
        assertThat(costs.get(0)).isCloseTo(-Math.log(1e-7), within(1e-6));
        assertThat(costs.get(99)).isLessThan(0.1);
    }

    @Test
    void nanInTheInputIsReportedWithItsColumnBeforeTraining() {
        Matrix X = Matrix.of(new double[][] {{0, 1, 2, 3, 4, Double.NaN}, {0, 0, 0, 0, 0, 0}});
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(X, Matrix.row(0, 1, 0, 1, 0, 1), 4, 10, 1.2, 0,
                (i, c) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nn_model: X has NaN at column 5 (row 0) of (2,6); clean the data before training");
    }

    @Test
    void noExamplesIsNotBlamedOnTheLearningRate() {
        assertThatThrownBy(() -> planarModel().fit(Matrix.zeros(2, 0), Matrix.zeros(1, 0), 5, 0))
                .hasMessage("fit: X has no examples (2,0): there is nothing to train on")
                .hasMessageNotContaining("learning rate");
    }

    @Test
    void aDivergingRunStopsAtTheFirstNonFiniteCostNamingEpochBatchAndLearningRate() {
        Sequential regression = Sequential.of(new Dense(5, new Relu(), Initializer.he()),
                new Dense(1, new Linear(), Initializer.he())).build(2, 3)
                .compile(new MeanSquaredError(), new GradientDescent(1e4));
        List<Double> seen = new ArrayList<>();
        assertThatThrownBy(() -> regression.fit(PLANAR.X(), PLANAR.Y(), regression.loop().epochs(1000)
                .batchSize(100).callbacks(new PrintCost(1, (e, c) -> seen.add(c)))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fit: cost is ")
                .hasMessageContaining(", batch ").hasMessageContaining("learning rate 10000.0");
        assertThat(seen.size()).as("epochs completed before the stop").isLessThan(10);
    }

    @Test
    void weightsThatOverflowWhileTheClippedCostStaysFiniteAreNamedW1b1AsTheWorkshopNamesThem() {
        // before: "fit: parameter 1 of 4 (3,2) holds NaN or ±∞ …", the parameter by its place only
        Sequential classifier = Sequential.of(new Dense(3, new Relu(), Initializer.he()),
                new Dense(1, new Sigmoid(), Initializer.he())).build(2, 3)
                .compile(new BinaryCrossEntropy(), new GradientDescent(1e200));
        Matrix X = Matrix.of(2, 4, 1e200, -1e200, 1e200, -1e200, 1e200, 1e200, -1e200, -1e200);
        assertThat(classifier.parameterNames()).containsExactly("W1", "b1", "W2", "b2");
        assertThatThrownBy(() -> classifier.fit(X, Matrix.row(0, 1, 1, 0), 5, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fit: W1 (3,2) holds NaN or ±∞ (Σ = ")
                .hasMessageContaining("after iteration 0 (epoch 0, learning rate 1.0E200)");
        // a model without names: by place
        assertThatThrownBy(() -> new TrainingLoop("fit", new GradientDescent(1e308)).epochs(2)
                .fit(new Parabola(), Matrix.zeros(1, 1), Matrix.zeros(1, 1)))
                .hasMessageStartingWith("fit: parameter 1 of 1 (1,1) holds NaN or ±∞ (Σ = Infinity) after"
                        + " iteration 0");
    }

    @Test
    void anOutputThatOverflowsAfterTheLastStepOfAnEpochIsADivergenceNotABadPrediction() {
        // before: "predict: the output (1,300) has NaN at column 0 …; the weights or the input are not finite",
        // from the accuracy at the epoch's end. One step of α = 1e300 leaves W finite, but W·A overflows.
        Sequential classifier = Sequential.of(new Dense(5, new Relu(), Initializer.he()),
                new Dense(2, new Relu(), Initializer.he()), new Dense(1, new Sigmoid(), Initializer.he()))
                .build(2, 3).compile(new BinaryCrossEntropy(), new GradientDescent(1e300), Metric.accuracy());
        Dataset moons = Moons.makeMoons(300, 0.2, new NumpyRandom(3));
        assertThatThrownBy(() -> classifier.fit(moons.X(), moons.Y(), classifier.loop().epochs(3).batchSize(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("fit: the output on X (1,300) is NaN at column ")
                .hasMessageContaining("after iteration 0 (epoch 0, learning rate 1.0E300), though the parameters"
                        + " and the input are finite: the steps diverged");
        for (Matrix p : classifier.parameters()) {
            assertThat(p.firstNonFinite()).as("the parameters stay finite").isEqualTo(-1);
        }
    }

    @Test
    void divergenceIsCaughtAtTheIterationItHappensEvenWhenNoCostIsReported() {
        // before: the cost was only computed when reported, so costEvery = 0 returned NaN weights silently and
        // costEvery = 1000 named iteration 1000 for a NaN that appeared at iteration 4
        Architecture regression = Architecture.of(new int[] {2, 5, 1}, new Relu(), new Linear(),
                new MeanSquaredError());
        for (int costEvery : new int[] {0, 1000}) {
            Throwable thrown = catchThrowable(() -> DeepNetwork.lLayerModel(
                    PLANAR.X(), PLANAR.Y(), regression, Initialization.HE, 100, 2000, costEvery, (i, c) -> { }));
            assertThat(thrown).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("learning rate 100.0");
            Matcher at = Pattern.compile("at iteration (\\d+)")
                    .matcher(thrown.getMessage());
            assertThat(at.find()).isTrue();
            assertThat(Integer.parseInt(at.group(1))).as("the iteration named, costEvery = %d", costEvery)
                    .isLessThan(20);
        }
    }

    @Test
    void labelsOutsideTheLossDomainAreRejectedNamingTheExample() {
        Matrix X = Matrix.zeros(2, 4);
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(X, Matrix.row(0, 1, 0, 2), 4, 10, 1.2, 0, (i, c) -> { }))
                .hasMessage("nn_model: Y: binary_crossentropy: every label must be a number from 0 to 1; example 3 has 2.0");
        assertThatThrownBy(() -> TwoLayerNetwork.computeCost(Matrix.full(1, 2, 0.5), Matrix.row(-1, 0)))
                .hasMessage("binary_crossentropy: every label must be a number from 0 to 1; example 0 has -1.0");
        Sequential classifier = Sequential.of(new Dense(3, new Softmax())).build(2, 1)
                .compile(new SparseCategoricalCrossEntropy(), new GradientDescent(0.1));
        assertThatThrownBy(() -> classifier.fit(X, Matrix.row(0, 1, 3, 2), 1, 0))
                .hasMessage("fit: Y: sparse_categorical_crossentropy: every label must be an integer from 0 to 2;"
                        + " example 2 has 3.0");
        assertThatThrownBy(() -> classifier.fit(X, Matrix.row(0, 1.5, 1, 2), 1, 0))
                .hasMessageEndingWith("example 1 has 1.5");
        assertThatThrownBy(() -> classifier.fit(X, Matrix.row(0, 1, -1, 2), 1, 0))
                .hasMessageEndingWith("example 2 has -1.0");
    }

    @Test
    void softmaxPredictRefusesANanInputInsteadOfInventingAClass() {
        Architecture softmax = Architecture.of(new int[] {2, 3}, new Relu(), new Softmax(),
                new SparseCategoricalCrossEntropy());
        DeepParameters p = DeepNetwork.initializeParametersDeep(softmax, Initialization.HE);
        Matrix X = Matrix.of(new double[][] {{1, Double.NaN, 2}, {0, 0, 1}});
        assertThatThrownBy(() -> DeepNetwork.predict(X, p, softmax.activations()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("predict: X has NaN at column 1 (row 0) of (2,3)");
    }

    @Test
    void hiddenLayerSizesAreValidatedByName() {
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 0, 10, 1.2, 0, (i, c) -> { }))
                .hasMessage("nn_model: n_h = 0, the hidden layer needs at least 1 unit");
        assertThatThrownBy(() -> TwoLayerNetwork.initializeParameters(2, -1, 1))
                .hasMessage("initialize_parameters: n_h = -1, a layer needs at least 1 unit");
        assertThatThrownBy(() -> new Dense(0, new Relu()))
                .hasMessage("dense: units n^[l] must be ≥ 1, got 0");
    }
}
