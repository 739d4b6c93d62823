package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each workshop function against the numpy workshop code's own output (scripts/workshop_reference.py). */
class TwoLayerNetworkTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/model/two_layer_reference.txt");
    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();

    /** Within a few units in the last place: numpy's BLAS sums a dot product in another order. */
    private static void assertClose(Matrix actual, String reference) {
        Matrix expected = REF.matrix(reference);
        assertThat(actual.shape()).as(reference + " shape").isEqualTo(expected.shape());
        assertThat(actual.toArray()).as(reference)
                .containsExactly(expected.toArray(), within(1e-15 + 1e-13 * maxAbs(expected)));
    }

    private static double maxAbs(Matrix m) {
        double max = 0;
        for (double v : m.toArray()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void layerSizesReadsTheShapes() {
        assertThat(TwoLayerNetwork.layerSizes(PLANAR.X(), PLANAR.Y()))
                .isEqualTo(new TwoLayerNetwork.LayerSizes(2, 4, 1));
    }

    @Test
    void initializeParametersDrawsWhatNumpyDrawsWithSeed2() {
        Parameters p = TwoLayerNetwork.initializeParameters(2, 4, 1);
        assertThat(p.W1()).isEqualTo(REF.matrix("init_W1"));
        assertThat(p.b1()).isEqualTo(REF.matrix("init_b1"));
        assertThat(p.W2()).isEqualTo(REF.matrix("init_W2"));
        assertThat(p.b2()).isEqualTo(REF.matrix("init_b2"));
        assertThat(p.W1().toString()).isEqualTo(REF.text("init_W1_str"));
    }

    @Test
    void forwardPropagationMatchesTheWorkshop() {
        Cache cache = TwoLayerNetwork.forwardPropagation(PLANAR.X(), TwoLayerNetwork.initializeParameters(2, 4, 1));
        assertClose(cache.Z1(), "forward_Z1");
        assertClose(cache.A1(), "forward_A1");
        assertClose(cache.Z2(), "forward_Z2");
        assertClose(cache.A2(), "forward_A2");
    }

    @Test
    void computeCostMatchesTheWorkshop() {
        Cache cache = TwoLayerNetwork.forwardPropagation(PLANAR.X(), TwoLayerNetwork.initializeParameters(2, 4, 1));
        double cost = TwoLayerNetwork.computeCost(cache.A2(), PLANAR.Y());
        assertThat(cost).isCloseTo(REF.scalar("cost"), within(1e-15));
        assertThat(String.format("%f", cost)).isEqualTo("0.693048");
    }

    @Test
    void backwardPropagationMatchesTheWorkshop() {
        Parameters p = TwoLayerNetwork.initializeParameters(2, 4, 1);
        Cache cache = TwoLayerNetwork.forwardPropagation(PLANAR.X(), p);
        Gradients g = TwoLayerNetwork.backwardPropagation(p, cache, PLANAR.X(), PLANAR.Y());
        assertClose(g.dW1(), "backward_dW1");
        assertClose(g.db1(), "backward_db1");
        assertClose(g.dW2(), "backward_dW2");
        assertClose(g.db2(), "backward_db2");
    }

    @Test
    void updateParametersTakesOneStepWithLearningRate1point2() {
        Parameters p = TwoLayerNetwork.initializeParameters(2, 4, 1);
        Cache cache = TwoLayerNetwork.forwardPropagation(PLANAR.X(), p);
        Gradients g = TwoLayerNetwork.backwardPropagation(p, cache, PLANAR.X(), PLANAR.Y());
        Parameters updated = TwoLayerNetwork.updateParameters(p, g);
        assertClose(updated.W1(), "update_W1");
        assertClose(updated.b1(), "update_b1");
        assertClose(updated.W2(), "update_W2");
        assertClose(updated.b2(), "update_b2");
    }

    @Test
    void smallHandCheckableCaseMatchesTheWorkshop() {
        Matrix X = REF.matrix("small_X");
        Matrix Y = REF.matrix("small_Y");
        Parameters p = new Parameters(REF.matrix("small_W1"), REF.matrix("small_b1"),
                REF.matrix("small_W2"), REF.matrix("small_b2"));
        Cache cache = TwoLayerNetwork.forwardPropagation(X, p);
        assertClose(cache.A2(), "small_A2");
        assertThat(cache.A2().toString()).isEqualTo(REF.text("small_A2_str"));
        assertThat(X.toString()).isEqualTo(REF.text("small_X_str"));
        assertThat(TwoLayerNetwork.computeCost(cache.A2(), Y)).isCloseTo(REF.scalar("small_cost"), within(1e-14));
        Gradients g = TwoLayerNetwork.backwardPropagation(p, cache, X, Y);
        assertClose(g.dW1(), "small_dW1");
        assertClose(g.db1(), "small_db1");
        assertClose(g.dW2(), "small_dW2");
        assertClose(g.db2(), "small_db2");
    }

    @Test
    void nnModelReproducesTheWorkshopCostTrajectory() {
        List<double[]> costs = new ArrayList<>();
        Parameters trained = TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 4, 10_000,
                (i, cost) -> costs.add(new double[] {i, cost}));
        double[] iterations = REF.matrix("trajectory_iterations").toArray();
        double[] expected = REF.matrix("trajectory_costs").toArray();
        assertThat(costs).hasSize(expected.length);
        for (int k = 0; k < expected.length; k++) {
            assertThat(costs.get(k)[0]).isEqualTo(iterations[k]);
            // 6 decimals through 6000; after that numpy's own digits depend on its BLAS
            double tolerance = iterations[k] <= 6000 ? 5e-7 : 1e-4;
            assertThat(costs.get(k)[1]).as("cost after iteration %d", (int) iterations[k])
                    .isCloseTo(expected[k], within(tolerance));
        }
        double accuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(trained, PLANAR.X()), PLANAR.Y());
        assertThat(accuracy).isGreaterThanOrEqualTo(90).isCloseTo(REF.scalar("trained_accuracy"), within(0.5));
    }

    @Test
    void predictThresholdsAt0point5() {
        Parameters p = new Parameters(Matrix.of(new double[][] {{1}}), Matrix.zeros(1, 1),
                Matrix.of(new double[][] {{10}}), Matrix.zeros(1, 1));
        assertThat(TwoLayerNetwork.predict(p, Matrix.row(-1, -0.01, 0.01, 1))).isEqualTo(Matrix.row(0, 0, 1, 1));
        assertThat(TwoLayerNetwork.accuracy(Matrix.row(0, 1, 1, 0), Matrix.row(0, 1, 0, 0))).isEqualTo(75.0);
    }

    @Test
    void badShapesAreReportedByTheFunctionThatGotThem() {
        assertThatThrownBy(() -> TwoLayerNetwork.computeCost(Matrix.zeros(1, 3), Matrix.zeros(1, 4)))
                .hasMessage("compute_cost: A2 has shape (1,3) but Y has shape (1,4)");
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(Matrix.zeros(2, 3), Matrix.zeros(1, 4), 4, 1, (i, c) -> { }))
                .hasMessage("nn_model: X has 3 examples (2,3) but Y has 4 (1,4)");
        Parameters p = TwoLayerNetwork.initializeParameters(3, 4, 1);
        assertThatThrownBy(() -> TwoLayerNetwork.forwardPropagation(Matrix.zeros(2, 10), p))
                .hasMessage("forward_propagation: W1 has shape (4,3) but X has shape (2,10): X is (n_x, m), one example"
                        + " per column");
    }

    @Test
    void divergingTrainingStopsWithAClearError() {
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 4, 200, 1e4, 1, (i, c) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("nn_model: cost is ").hasMessageContaining("at iteration");
    }

    @Test
    void theWorkshopFunctionsRefuseWhatWouldMakeThemSilentlyWrong() {
        Parameters p = TwoLayerNetwork.initializeParameters(2, 4, 1);
        Matrix X = PLANAR.X().columns(0, 3);
        Matrix Y = PLANAR.Y().columns(0, 3);
        // before: each of these returned NaN, ∞, gradients or parameters without a word
        assertThatThrownBy(() -> TwoLayerNetwork.forwardPropagation(X.T(), p))
                .hasMessage("forward_propagation: W1 has shape (4,2) but X has shape (3,2): X is (n_x, m), one"
                        + " example per column");
        Matrix withNaN = Matrix.of(2, 3, 1, Double.NaN, 2, 3, 4, 5);
        assertThatThrownBy(() -> TwoLayerNetwork.forwardPropagation(withNaN, p))
                .hasMessage("forward_propagation: X has NaN at column 1 (row 0) of (2,3)");
        assertThatThrownBy(() -> TwoLayerNetwork.computeCost(Matrix.row(0.5, 1.5), Matrix.row(0, 1)))
                .hasMessageStartingWith("compute_cost: A2 has 1.5 at column 1 (row 0) of (1,2); it holds"
                        + " probabilities");
        assertThatThrownBy(() -> TwoLayerNetwork.computeCost(Matrix.row(0.5, Double.NaN), Matrix.row(0, 1)))
                .hasMessage("compute_cost: A2 has NaN at column 1 (row 0) of (1,2)");
        Cache cache = TwoLayerNetwork.forwardPropagation(X, p);
        assertThatThrownBy(() -> TwoLayerNetwork.backwardPropagation(p, cache, X, Matrix.row(0, 2, 1)))
                .hasMessageContaining("example 1 has 2.0");
        assertThatThrownBy(() -> TwoLayerNetwork.backwardPropagation(p, cache, X, Matrix.row(0, 1)))
                .hasMessage("backward_propagation: Y has shape (1,2) but A2 has shape (1,3) and X (2,3)");
        Gradients grads = TwoLayerNetwork.backwardPropagation(p, cache, X, Y);
        for (double alpha : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> TwoLayerNetwork.updateParameters(p, grads, alpha))
                    .hasMessage("update_parameters: learning_rate must be a positive number, got " + alpha);
        }
        Gradients transposed = new Gradients(grads.dW1().T(), grads.db1(), grads.dW2(), grads.db2());
        assertThatThrownBy(() -> TwoLayerNetwork.updateParameters(p, transposed, 1.2))
                .hasMessage("update_parameters: dW1 has shape (2,4) but W1 has shape (4,2)");
        assertThatThrownBy(() -> TwoLayerNetwork.accuracy(Matrix.row(0, Double.NaN, 1), Matrix.row(0, 1, 1)))
                .hasMessageStartingWith("accuracy: predictions has NaN at column 1");
        assertThatThrownBy(() -> TwoLayerNetwork.accuracy(Matrix.row(0, 1, 1), Matrix.row(0, 2, 1)))
                .hasMessageStartingWith("accuracy: Y has 2.0 at column 1");
        assertThatThrownBy(() -> TwoLayerNetwork.nnModel(X, Y, 4, -5, null))
                .hasMessage("nn_model: num_iterations must be ≥ 0, got -5");
    }

    @Test
    void aNullListenerIsPrintCostFalse() {
        // before: a bare NullPointerException from deep inside
        Parameters trained = TwoLayerNetwork.nnModel(PLANAR.X(), PLANAR.Y(), 4, 10, null);
        assertThat(trained.W1().shape().compact()).isEqualTo("(4,2)");
    }
}
