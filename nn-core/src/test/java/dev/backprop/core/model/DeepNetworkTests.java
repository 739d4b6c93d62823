package dev.backprop.core.model;

import static dev.backprop.core.Gold.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.DeepNetwork.LayerGradients;
import dev.backprop.core.model.DeepNetwork.LayerShapes;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each L-layer function against the workshop's numpy code (scripts/deep_reference.py): the inputs are drawn here
 * with NumpyRandom from the seeds the workshop's test cases use, the expected values come from numpy.
 */
class DeepNetworkTests {

    private static final Reference INIT = Reference.load("/dev/backprop/core/deep/initialization.txt");
    private static final Reference FORWARD = Reference.load("/dev/backprop/core/deep/forward.txt");
    private static final Reference BACKWARD = Reference.load("/dev/backprop/core/deep/backward.txt");
    private static final Reference TRAINING = Reference.load("/dev/backprop/core/deep/training.txt");

    private static void assertParameters(DeepParameters p, Reference ref, String prefix) {
        for (int l = 1; l <= p.L(); l++) {
            assertClose(p.W(l), ref, prefix + "W" + l);
            assertClose(p.b(l), ref, prefix + "b" + l);
        }
    }

    // ---------------------------------------------------------------- initialisation

    @Test
    void initializeParametersDeepDrawsWhatNumpyDrawsWithSeed3() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(5, 4, 3);
        assertThat(p.L()).isEqualTo(2);
        assertThat(p.W(1).shape()).isEqualTo(new Shape(4, 5));
        assertThat(p.W(2).shape()).isEqualTo(new Shape(3, 4));
        assertThat(p.W(1)).isEqualTo(INIT.matrix("deep_W1"));
        assertThat(p.W(2)).isEqualTo(INIT.matrix("deep_W2"));
        assertThat(p.b(1)).isEqualTo(Matrix.zeros(4, 1));
        assertThat(p.b(2)).isEqualTo(Matrix.zeros(3, 1));
    }

    @Test
    void heXavierAndZerosInitialisationMatchNumpy() {
        Architecture architecture = Architecture.dls(2, 4, 1);
        assertParameters(DeepNetwork.initializeParametersDeep(architecture, Initialization.HE), INIT, "he_");
        assertParameters(DeepNetwork.initializeParametersDeep(architecture, Initialization.XAVIER), INIT, "xavier_");
        DeepParameters zeros = DeepNetwork.initializeParametersDeep(architecture, Initialization.ZEROS);
        assertThat(zeros.W(1)).isEqualTo(INIT.matrix("zeros_W1"));
        assertThat(zeros.W(2)).isEqualTo(Matrix.zeros(1, 4));
        assertThat(Initialization.HE.scale(8)).isEqualTo(0.5);
        assertThat(Initialization.XAVIER.scale(4)).isEqualTo(0.5);
        assertThat(Initialization.SMALL_RANDOM.scale(1000)).isEqualTo(0.01);
    }

    // ---------------------------------------------------------------- forward

    @Test
    void linearForwardMatchesTheWorkshop() {
        NumpyRandom random = new NumpyRandom(1);
        Matrix A = random.randn(3, 2);
        Matrix W = random.randn(1, 3);
        Matrix b = random.randn(1, 1);
        assertClose(A, FORWARD, "linear_A");
        Matrix Z = DeepNetwork.linearForward(A, W, b);
        assertClose(Z, FORWARD, "linear_Z");
        assertThat(Z.toString()).isEqualTo("[[ 3.26295337 -1.23429987]]");
    }

    @Test
    void linearActivationForwardMatchesTheWorkshop() {
        NumpyRandom random = new NumpyRandom(2);
        Matrix A_prev = random.randn(3, 2);
        Matrix W = random.randn(1, 3);
        Matrix b = random.randn(1, 1);
        LayerCache sigmoid = DeepNetwork.linearActivationForward(A_prev, W, b, new Sigmoid());
        assertClose(sigmoid.A(), FORWARD, "activation_sigmoid_A");
        assertThat(sigmoid.A().toString()).isEqualTo("[[0.96890023 0.11013289]]");
        LayerCache relu = DeepNetwork.linearActivationForward(A_prev, W, b, new Relu());
        assertClose(relu.A(), FORWARD, "activation_relu_A");
        assertThat(relu.A().toString()).isEqualTo("[[3.43896131 0.        ]]");
        assertThat(relu.A_prev()).isSameAs(A_prev);
        assertThat(relu.Z()).isEqualTo(sigmoid.Z());
    }

    /** The workshop's L_model_forward test case: seed 6, X (5, 4), layers 5 → 4 → 3 → 1. */
    private static Matrix[] modelCase() {
        NumpyRandom random = new NumpyRandom(6);
        Matrix X = random.randn(5, 4);
        List<Matrix> parameters = new ArrayList<>();
        int[] dims = {5, 4, 3, 1};
        for (int l = 1; l < dims.length; l++) {
            parameters.add(random.randn(dims[l], dims[l - 1]));
            parameters.add(random.randn(dims[l], 1));
        }
        Matrix Y = random.randn(1, 4).gt(0);
        List<Matrix> all = new ArrayList<>(List.of(X, Y));
        all.addAll(parameters);
        return all.toArray(new Matrix[0]);
    }

    @Test
    void lModelForwardMatchesTheWorkshop() {
        Matrix[] c = modelCase();
        DeepParameters p = DeepParameters.of(List.of(c).subList(2, c.length));
        assertClose(c[0], FORWARD, "model_X");
        assertParameters(p, FORWARD, "model_");
        DeepCaches caches = DeepNetwork.lModelForward(c[0], p);
        assertThat(caches.L()).isEqualTo(3);
        for (int l = 1; l <= 3; l++) {
            assertClose(caches.Z(l), FORWARD, "model_Z" + l);
        }
        assertClose(caches.AL(), FORWARD, "model_AL");
        assertThat(caches.AL().toString()).isEqualTo("[[0.03921668 0.70498921 0.19734387 0.04728177]]");
        assertThat(caches.A(0)).isSameAs(c[0]);
        assertThat(caches.layer(3).activation()).isEqualTo(new Sigmoid());
        assertThat(caches.layer(1).activation()).isEqualTo(new Relu());
    }

    @Test
    void computeCostMatchesTheWorkshop() {
        Matrix Y = FORWARD.matrix("cost_Y");
        Matrix AL = FORWARD.matrix("cost_AL");
        double cost = DeepNetwork.computeCost(AL, Y);
        assertThat(cost).isCloseTo(FORWARD.scalar("cost"), within(1e-15));
        assertThat(cost).isCloseTo(0.2797765635793422, within(1e-15));
        assertThat(DeepNetwork.computeCost(AL, Y, new BinaryCrossEntropy())).isEqualTo(cost);
    }

    // ---------------------------------------------------------------- backward

    @Test
    void linearBackwardMatchesTheWorkshop() {
        NumpyRandom random = new NumpyRandom(1);
        Matrix dZ = random.randn(3, 4);
        Matrix A = random.randn(5, 4);
        Matrix W = random.randn(3, 5);
        Matrix b = random.randn(3, 1);
        LayerCache cache = DeepNetwork.linearActivationForward(A, W, b, new Relu());
        LayerGradients g = DeepNetwork.linearBackward(dZ, cache);
        assertClose(g.dA_prev(), BACKWARD, "linear_dA_prev");
        assertClose(g.dW(), BACKWARD, "linear_dW");
        assertClose(g.db(), BACKWARD, "linear_db");
    }

    @Test
    void linearActivationBackwardMatchesTheWorkshop() {
        NumpyRandom random = new NumpyRandom(2);
        Matrix dA = random.randn(1, 2);
        Matrix A = random.randn(3, 2);
        Matrix W = random.randn(1, 3);
        Matrix b = random.randn(1, 1);
        Matrix Z = random.randn(1, 2);
        for (Activation g : List.of(new Sigmoid(), new Relu())) {
            // the workshop's test case gives Z directly; the cache holds A = g(Z) beside it
            LayerCache cache = new LayerCache(A, W, b, Z, g.forward(Z), g);
            LayerGradients grads = DeepNetwork.linearActivationBackward(dA, cache);
            assertClose(grads.dA_prev(), BACKWARD, g + "_dA_prev");
            assertClose(grads.dW(), BACKWARD, g + "_dW");
            assertClose(grads.db(), BACKWARD, g + "_db");
        }
    }

    @Test
    void lModelBackwardMatchesTheWorkshopOnTwoLayers() {
        NumpyRandom random = new NumpyRandom(3);
        Matrix X = random.randn(4, 2);
        Matrix Y = Matrix.row(1, 0);
        // drawn in the workshop's order: W1, b1, W2, b2
        DeepParameters p = DeepParameters.of(List.of(random.randn(3, 4), random.randn(3, 1), random.randn(1, 3),
                random.randn(1, 1)));
        DeepCaches caches = DeepNetwork.lModelForward(X, p);
        assertClose(caches.AL(), BACKWARD, "model_AL");
        DeepGradients grads = DeepNetwork.lModelBackward(caches.AL(), Y, caches);
        assertClose(grads.dA(0), BACKWARD, "model_dA0");
        assertClose(grads.dA(1), BACKWARD, "model_dA1");
        for (int l = 1; l <= 2; l++) {
            assertClose(grads.dW(l), BACKWARD, "model_dW" + l);
            assertClose(grads.db(l), BACKWARD, "model_db" + l);
        }
    }

    @Test
    void lModelBackwardMatchesTheWorkshopOnThreeLayers() {
        Matrix[] c = modelCase();
        Matrix X = c[0];
        Matrix Y = c[1];
        assertClose(Y, BACKWARD, "deep_Y");
        DeepParameters p = DeepParameters.of(List.of(c).subList(2, c.length));
        DeepCaches caches = DeepNetwork.lModelForward(X, p);
        DeepGradients grads = DeepNetwork.lModelBackward(caches.AL(), Y, caches);
        for (int l = 0; l < 3; l++) {
            assertClose(grads.dA(l), BACKWARD, "deep_dA" + l);
        }
        for (int l = 1; l <= 3; l++) {
            assertClose(grads.dW(l), BACKWARD, "deep_dW" + l);
            assertClose(grads.db(l), BACKWARD, "deep_db" + l);
        }
        assertThat(grads.matrices()).containsExactly(grads.dW(1), grads.db(1), grads.dW(2), grads.db(2),
                grads.dW(3), grads.db(3));
    }

    @Test
    void softmaxWithCrossEntropyTakesTheShortcutAndGetsTheSameGradients() {
        NumpyRandom random = new NumpyRandom(8);
        Matrix X = random.randn(4, 6);
        Matrix Y = new SparseCategoricalCrossEntropy().oneHot(Matrix.row(0, 2, 1, 2, 0, 1), 3);
        DeepParameters p = DeepParameters.of(List.of(random.randn(5, 4), random.randn(5, 1), random.randn(3, 5),
                random.randn(3, 1)));
        List<Activation> activations = List.of(new Tanh(), new Softmax());
        DeepCaches caches = DeepNetwork.lModelForward(X, p, activations);
        Loss cce = new CategoricalCrossEntropy();
        // the same loss, but not a CategoricalLoss: lModelBackward goes through −Y/A and the softmax Jacobian
        Loss general = new Loss() {
            @Override
            public Matrix loss(Matrix AL, Matrix Y) {
                return cce.loss(AL, Y);
            }

            @Override
            public Matrix gradient(Matrix AL, Matrix Y) {
                return cce.gradient(AL, Y);
            }
        };
        DeepGradients shortcut = DeepNetwork.lModelBackward(caches.AL(), Y, caches, cce);
        DeepGradients twoSteps = DeepNetwork.lModelBackward(caches.AL(), Y, caches, general);
        for (int i = 0; i < shortcut.matrices().size(); i++) {
            assertThat(shortcut.matrices().get(i).toArray())
                    .containsExactly(twoSteps.matrices().get(i).toArray(), within(1e-12));
        }
    }

    // ---------------------------------------------------------------- update and training

    @Test
    void updateParametersMatchesTheWorkshop() {
        NumpyRandom random = new NumpyRandom(2);
        Matrix W1 = random.randn(3, 4);
        Matrix b1 = random.randn(3, 1);
        Matrix W2 = random.randn(1, 3);
        Matrix b2 = random.randn(1, 1);
        random = new NumpyRandom(3);
        Matrix dW1 = random.randn(3, 4);
        Matrix db1 = random.randn(3, 1);
        Matrix dW2 = random.randn(1, 3);
        Matrix db2 = random.randn(1, 1);
        DeepGradients grads = new DeepGradients(List.of(Matrix.zeros(4, 1), Matrix.zeros(3, 1)),
                List.of(dW1, dW2), List.of(db1, db2));
        DeepParameters updated = DeepNetwork.updateParameters(
                new DeepParameters(List.of(W1, W2), List.of(b1, b2)), grads, 0.1);
        assertParameters(updated, BACKWARD, "update_");
    }

    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();

    private static void assertTrajectory(List<double[]> costs, String prefix, double tolerance) {
        double[] iterations = TRAINING.matrix(prefix + "iterations").toArray();
        double[] expected = TRAINING.matrix(prefix + "costs").toArray();
        assertThat(costs).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(costs.get(k)[0]).isEqualTo(iterations[k]);
            assertThat(costs.get(k)[1]).as("cost after iteration %d", (int) iterations[k])
                    .isCloseTo(expected[k], within(tolerance));
        }
    }

    @Test
    void lLayerModelReproducesTheWorkshopRunWithSmallWeights() {
        // the notebook's initialisation, randn · 0.01: in a 3-layer ReLU network the signal dies and the cost
        // stays at log 2
        List<double[]> costs = new ArrayList<>();
        DeepParameters trained = DeepNetwork.lLayerModel(PLANAR.X(), PLANAR.Y(), new int[] {2, 4, 3, 1},
                DeepNetwork.LEARNING_RATE, 500, (i, cost) -> costs.add(new double[] {i, cost}));
        assertTrajectory(costs, "small_", 1e-14);
        assertThat(costs.get(4)[1]).isCloseTo(Math.log(2), within(1e-7));
        for (int l = 1; l <= 3; l++) {
            assertThat(trained.W(l).toArray()).as("W%d", l)
                    .containsExactly(TRAINING.matrix("small_W" + l).toArray(), within(1e-15));
        }
    }

    @Test
    void lLayerModelWithHeInitialisationLearnsTheFlowerAsNumpyDoes() {
        List<double[]> costs = new ArrayList<>();
        Architecture architecture = Architecture.dls(2, 10, 5, 1);
        DeepParameters trained = DeepNetwork.lLayerModel(PLANAR.X(), PLANAR.Y(), architecture, Initialization.HE,
                0.1, 2000, 100, (i, cost) -> costs.add(new double[] {i, cost}));
        assertTrajectory(costs, "he_", 1e-11);
        Matrix predictions = DeepNetwork.predict(PLANAR.X(), trained);
        assertThat(predictions).isEqualTo(TRAINING.matrix("he_predictions"));
        assertThat(TwoLayerNetwork.accuracy(predictions, PLANAR.Y())).isEqualTo(TRAINING.scalar("he_accuracy"))
                .isGreaterThan(85);
    }

    @Test
    void predictReadsTheOutputLayer() {
        Matrix X = Matrix.of(new double[][] {{-2, -0.1, 0.1, 2}});
        DeepParameters oneLayer = new DeepParameters(List.of(Matrix.of(new double[][] {{1}})),
                List.of(Matrix.zeros(1, 1)));
        assertThat(DeepNetwork.predict(X, oneLayer)).isEqualTo(Matrix.row(0, 0, 1, 1));
        assertThat(DeepNetwork.predict(X, oneLayer, List.of(new Tanh()))).isEqualTo(Matrix.row(0, 0, 1, 1));
        // three classes: scores −x, 0 and x; on the tie at x = 0 the first class wins, as np.argmax
        DeepParameters classes = new DeepParameters(List.of(Matrix.column(-1, 0, 1)), List.of(Matrix.zeros(3, 1)));
        Matrix Xc = Matrix.row(-2, 0, 3);
        assertThat(DeepNetwork.predict(Xc, classes, List.of(new Softmax()))).isEqualTo(Matrix.row(0, 0, 2));
    }

    // ---------------------------------------------------------------- for the lessons

    @Test
    void gradientNormsAreTheFrobeniusNormOfEachDW() {
        Matrix[] c = modelCase();
        DeepParameters p = DeepParameters.of(List.of(c).subList(2, c.length));
        DeepCaches caches = DeepNetwork.lModelForward(c[0], p);
        double[] norms = DeepNetwork.gradientNorms(DeepNetwork.lModelBackward(caches.AL(), c[1], caches));
        assertThat(norms).hasSize(3);
        for (int l = 1; l <= 3; l++) {
            double expected = Math.sqrt(BACKWARD.matrix("deep_dW" + l).square().sum());
            assertThat(norms[l - 1]).as("‖dW%d‖", l).isCloseTo(expected, within(1e-13));
        }
    }

    @Test
    void gradientNormsShowTheVanishingGradientOfADeepSigmoidStack() {
        // eight sigmoid layers: each σ′ ≤ 1/4, so the gradient reaching layer 1 is far smaller than at layer 8
        int[] dims = {2, 8, 8, 8, 8, 8, 8, 8, 1};
        Architecture sigmoids = Architecture.of(dims, new Sigmoid(), new Sigmoid(), new BinaryCrossEntropy());
        DeepParameters p = DeepNetwork.initializeParametersDeep(sigmoids, Initialization.XAVIER);
        DeepCaches caches = DeepNetwork.lModelForward(PLANAR.X(), p, sigmoids.activations());
        double[] norms = DeepNetwork.gradientNorms(
                DeepNetwork.lModelBackward(caches.AL(), PLANAR.Y(), caches, sigmoids.loss()));
        assertThat(norms[0]).isLessThan(norms[7] / 100);
        Architecture relus = Architecture.of(dims, new Relu(), new Sigmoid(), new BinaryCrossEntropy());
        p = DeepNetwork.initializeParametersDeep(relus, Initialization.HE);
        caches = DeepNetwork.lModelForward(PLANAR.X(), p, relus.activations());
        double[] reluNorms = DeepNetwork.gradientNorms(
                DeepNetwork.lModelBackward(caches.AL(), PLANAR.Y(), caches, relus.loss()));
        assertThat(reluNorms[0] / reluNorms[7]).as("ReLU with He keeps it").isGreaterThan(norms[0] / norms[7] * 10);
    }

    @Test
    void anArchitectureRefusesALossThatCannotReadItsOutputLayer() {
        // before: both were accepted, and trained a NaN cost (ln of a ReLU's 0) or a softmax over nothing
        assertThatThrownBy(() -> Architecture.of(new int[] {2, 4, 1}, new Relu(), new Relu(), new BinaryCrossEntropy()))
                .hasMessage("Architecture: binary_crossentropy reads sigmoid probabilities, but the output layer"
                        + " g^[2] = relu is not a sigmoid");
        assertThatThrownBy(() -> new Architecture(List.of(3, 2), List.of(new Sigmoid()),
                new SparseCategoricalCrossEntropy()))
                .hasMessageContaining("reads a softmax over the classes, but the output layer g^[1] = sigmoid");
        assertThat(Architecture.of(new int[] {2, 4, 1}, new Relu(), new Linear(), new MeanSquaredError()).L())
                .isEqualTo(2);
    }

    @Test
    void layerShapesTableTheNetwork() {
        Architecture architecture = new Architecture(List.of(3, 4, 2), List.of(new Relu(), new Softmax()),
                new CategoricalCrossEntropy());
        DeepParameters p = DeepNetwork.initializeParametersDeep(architecture, Initialization.HE);
        List<LayerShapes> shapes = DeepNetwork.layerShapes(p, architecture.activations(), 10);
        assertThat(shapes).containsExactly(
                new LayerShapes(1, new Shape(4, 3), new Shape(4, 1), new Shape(4, 10), new Shape(4, 10)),
                new LayerShapes(2, new Shape(2, 4), new Shape(2, 1), new Shape(2, 10), new Shape(2, 10)));
        DeepCaches caches = DeepNetwork.lModelForward(Matrix.zeros(3, 10), p, architecture.activations());
        for (LayerShapes row : shapes) {
            assertThat(caches.Z(row.l()).shape()).isEqualTo(row.Z());
            assertThat(caches.A(row.l()).shape()).isEqualTo(row.A());
        }
    }

    // ---------------------------------------------------------------- shape errors

    @Test
    void layersThatDoNotChainNameTheLayerAndBothShapes() {
        DeepParameters p = DeepNetwork.initializeParametersDeep(5, 4, 3);
        assertThatThrownBy(() -> DeepNetwork.lModelForward(Matrix.zeros(6, 10), p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("L_model_forward: layer 1 does not chain: W1 has shape (4,5) but X has shape (6,10)"
                        + " (W1's 5 columns must match X's 6 rows)");
        DeepParameters broken = new DeepParameters(List.of(Matrix.zeros(4, 5), Matrix.zeros(3, 2)),
                List.of(Matrix.zeros(4, 1), Matrix.zeros(3, 1)));
        assertThatThrownBy(() -> DeepNetwork.lModelForward(Matrix.zeros(5, 10), broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("L_model_forward: layer 2 does not chain: W2 has shape (3,2) but A1 has shape (4,10)"
                        + " (W2's 2 columns must match A1's 4 rows)");
        assertThatThrownBy(() -> DeepNetwork.linearForward(Matrix.zeros(2, 7), Matrix.zeros(1, 3), Matrix.zeros(1, 1)))
                .hasMessage("linear_forward does not chain: W has shape (1,3) but A has shape (2,7)"
                        + " (W's 3 columns must match A's 2 rows)");
    }

    @Test
    void otherShapeErrorsAreCaughtWhereTheyHappen() {
        assertThatThrownBy(() -> new DeepParameters(List.of(Matrix.zeros(4, 5)), List.of(Matrix.zeros(1, 1))))
                .hasMessage("parameters: b1 has shape (1,1) but W1 has shape (4,5): b1 must be (4,1)");
        DeepParameters p = DeepNetwork.initializeParametersDeep(5, 4, 3);
        assertThatThrownBy(() -> DeepNetwork.lModelForward(Matrix.zeros(5, 2), p, List.of(new Relu())))
                .hasMessage("L_model_forward: 2 layers of parameters but 1 activations [relu]");
        DeepCaches caches = DeepNetwork.lModelForward(Matrix.zeros(5, 2), p);
        assertThatThrownBy(() -> DeepNetwork.lModelBackward(caches.AL(), Matrix.zeros(1, 2), caches))
                .hasMessage("binary_crossentropy: AL has shape (3,2) but Y has shape (1,2)");
        assertThatThrownBy(() -> DeepNetwork.linearActivationBackward(Matrix.zeros(3, 3), caches.layer(2)))
                .hasMessage("linear_activation_backward: dA has shape (3,3) but A has shape (3,2)");
        assertThatThrownBy(() -> Architecture.dls(5))
                .hasMessageContaining("must hold at least the input size n^[0] and the output size n^[L]");
        assertThatThrownBy(() -> Architecture.dls(5, 0, 1)).hasMessage("layer_dims [5, 0, 1]: n^[1] = 0, every size"
                + " must be positive");
        assertThatThrownBy(() -> p.W(3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("layer 3 does not exist: layers are 1..2");
        assertThatThrownBy(() -> DeepNetwork.lLayerModel(Matrix.zeros(5, 3), Matrix.zeros(1, 4), new int[] {5, 1},
                0.1, 1, (i, c) -> { }))
                .hasMessage("L_layer_model: X has 3 examples (5,3) but Y has 4 (1,4)");
    }

    @Test
    void divergingTrainingStopsWithAClearError() {
        // cross-entropy is clipped and stays finite; a linear output under MSE overflows to ∞, then NaN
        Architecture regression = Architecture.of(new int[] {2, 5, 1}, new Relu(), new Linear(),
                new MeanSquaredError());
        assertThatThrownBy(() -> DeepNetwork.lLayerModel(PLANAR.X(), PLANAR.Y(), regression, Initialization.HE, 1e4,
                100, 1, (i, c) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("L_layer_model: cost is ").hasMessageContaining("at iteration");
    }

    @Test
    void theDeepFunctionsRefuseWhatWouldMakeThemSilentlyWrong() {
        // before: NaN, ±∞ or gradients of impossible labels, without a word
        assertThatThrownBy(() -> DeepNetwork.computeCost(Matrix.row(0.5, 1.5), Matrix.row(0, 1)))
                .hasMessageStartingWith("compute_cost: AL has 1.5 at column 1 (row 0) of (1,2)");
        DeepParameters parameters = DeepNetwork.initializeParametersDeep(2, 3, 1);
        Matrix X = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        DeepNetwork.DeepCaches caches = DeepNetwork.lModelForward(X, parameters);
        Matrix AL = caches.AL();
        assertThatThrownBy(() -> DeepNetwork.lModelBackward(AL, Matrix.row(0, 2, 1), caches))
                .hasMessageStartingWith("L_model_backward: ").hasMessageContaining("example 1 has 2.0");
        DeepNetwork.DeepGradients grads = DeepNetwork.lModelBackward(AL, Matrix.row(0, 1, 1), caches);
        assertThatThrownBy(() -> DeepNetwork.updateParameters(parameters, grads, Double.NaN))
                .hasMessage("update_parameters: learning_rate must be a positive number, got NaN");
        assertThatThrownBy(() -> DeepNetwork.lLayerModel(X, Matrix.row(0, 1, 1), new int[] {2, 3, 1}, 0.01, -1,
                null)).hasMessage("L_layer_model: num_iterations must be ≥ 0, got -1");
        assertThat(DeepNetwork.lLayerModel(X, Matrix.row(0, 1, 1), new int[] {2, 3, 1}, 0.01, 5, null).L())
                .as("a null listener is print_cost=False").isEqualTo(2);
    }
}
