package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.DlsTestCases;
import dev.backprop.core.Reference;
import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Regularization.DropoutCache;
import dev.backprop.core.optim.Relative;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DLS "Regularization" functions against the assignment's code in scripts/optim_reference.py (its published
 * test cases included), and gradient checks through L2 and through dropout with a fixed mask, each with a planted
 * bug that the check must catch.
 */
class RegularizationTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/regularization.txt");

    static DeepParameters parameters() {
        return new DeepParameters(List.of(REF.matrix("W1"), REF.matrix("W2"), REF.matrix("W3")),
                List.of(REF.matrix("b1"), REF.matrix("b2"), REF.matrix("b3")));
    }

    static void assertGradients(DeepGradients grads, String prefix) {
        for (int l = 1; l <= 3; l++) {
            Relative.assertClose(grads.dW(l), REF.matrix(prefix + "dW" + l), prefix + "dW" + l);
            Relative.assertClose(grads.db(l), REF.matrix(prefix + "db" + l), prefix + "db" + l);
        }
        Relative.assertClose(grads.dA(1), REF.matrix(prefix + "dA1"), prefix + "dA1");
        Relative.assertClose(grads.dA(2), REF.matrix(prefix + "dA2"), prefix + "dA2");
    }

    @Test
    void costWithRegularizationIsThePublishedTestCase() {
        // compute_cost_with_regularization_test_case: np.random.seed(1), parameters drawn without X
        NumpyRandom random = new NumpyRandom(1);
        DeepParameters p = DlsTestCases.parameters(random, 3, 2, 3, 1);
        double cost = Regularization.computeCostWithRegularization(REF.matrix("a3"), REF.matrix("Y"), p, 0.1);
        assertThat(cost).isCloseTo(1.78648594516, within(5e-12));
        assertThat(Math.abs(cost - REF.scalar("cost_with_regularization_0.1")) / cost).isLessThan(1e-12);
    }

    @Test
    void l2CostAndGradientsMatchTheAssignment() {
        Matrix X = REF.matrix("X");
        Matrix Y = REF.matrix("Y");
        DeepCaches cache = Optimization.forwardPropagation(X, parameters());
        Relative.assertClose(cache.AL(), REF.matrix("A3"), "A3");
        double cost = Regularization.computeCostWithRegularization(cache.AL(), Y, parameters(), 0.7);
        assertThat(Math.abs(cost - REF.scalar("cost_with_regularization_0.7")) / cost).isLessThan(1e-12);
        assertGradients(Regularization.backwardPropagationWithRegularization(X, Y, cache, 0.7), "l2_");
    }

    @Test
    void dropoutMasksAndOutputAreNumpysAndThePublishedTestCase() {
        Matrix X = REF.matrix("X");
        DropoutCache cache = Regularization.forwardPropagationWithDropout(X, parameters(), 0.7);
        assertThat(cache.D(1)).as("D1").isEqualTo(REF.matrix("dropout_D1"));
        assertThat(cache.D(2)).as("D2").isEqualTo(REF.matrix("dropout_D2"));
        Relative.assertClose(cache.A(1), REF.matrix("dropout_A1"), "A1");
        Relative.assertClose(cache.A(2), REF.matrix("dropout_A2"), "A2");
        Relative.assertClose(cache.AL(), REF.matrix("dropout_A3"), "A3");
        // forward_propagation_with_dropout_test_case, keep_prob = 0.7
        assertThat(cache.AL().toArray()).containsExactly(new double[] {0.36974721, 0.00305176, 0.04565099,
            0.49683389, 0.36974721}, within(5e-9));
    }

    @Test
    void dropoutKeepsHalfByDefaultAsTheAssignment() {
        // forward_propagation_with_dropout(X, parameters): keep_prob = 0.5
        Matrix X = REF.matrix("X");
        assertThat(Regularization.forwardPropagationWithDropout(X, parameters()).D(1))
                .isEqualTo(Regularization.forwardPropagationWithDropout(X, parameters(), 0.5).D(1));
    }

    @Test
    void dropoutBackwardMatchesTheAssignment() {
        Matrix X = REF.matrix("X");
        DropoutCache cache = Regularization.forwardPropagationWithDropout(X, parameters(), 0.7);
        assertGradients(Regularization.backwardPropagationWithDropout(X, REF.matrix("Y"), cache, 0.8), "dropout_");
    }

    @Test
    void masksFollowNumpysStreamOverSeveralShapes() {
        NumpyRandom random = new NumpyRandom(1);
        assertThat(random.rand(20, 100).lt(0.86)).isEqualTo(REF.matrix("mask_D1_20x100_0.86"));
        assertThat(random.rand(3, 100).lt(0.86)).isEqualTo(REF.matrix("mask_D2_3x100_0.86"));
    }

    // ---------------------------------------------------------------- gradient checks

    /** A 3-layer network [4, 5, 3, 1] on 20 examples, biases in [0, 0.5) so the ReLU units start alive. */
    private static final Matrix X = new NumpyRandom(7).randn(4, 20);
    private static final Matrix Y = new NumpyRandom(8).rand(1, 20).lt(0.5);
    private static final DeepParameters THETA = network();

    private static DeepParameters network() {
        NumpyRandom random = new NumpyRandom(9);
        int[] dims = {4, 5, 3, 1};
        Matrix[] W = new Matrix[3];
        Matrix[] b = new Matrix[3];
        for (int l = 1; l <= 3; l++) {
            W[l - 1] = random.randn(dims[l], dims[l - 1]);
            b[l - 1] = Matrix.of(dims[l], 1, random.uniform(0, 0.5, dims[l]));
        }
        return new DeepParameters(List.of(W), List.of(b));
    }

    private static DeepParameters at(double[] theta) {
        List<Shape> shapes = GradientCheck.shapes(THETA);
        return DeepParameters.of(GradientCheck.fromVector(theta, shapes));
    }

    private static GradientCheck.Result checkL2(double lambdInBackward) {
        double lambd = 0.7;
        DeepGradients grads = Regularization.backwardPropagationWithRegularization(X, Y,
                Optimization.forwardPropagation(X, THETA), lambdInBackward);
        assertEveryLayerLearns(grads);
        return GradientCheck.check(GradientCheck.toVector(THETA), GradientCheck.toVector(grads), theta -> {
            DeepParameters p = at(theta);
            return Regularization.computeCostWithRegularization(Optimization.forwardPropagation(X, p).AL(), Y, p,
                    lambd);
        });
    }

    private static GradientCheck.Result checkDropout(double keepProbInBackward) {
        double keepProb = 0.8;
        // forward_propagation_with_dropout seeds 1 on every call: the same masks for every θ ± ε
        DropoutCache cache = Regularization.forwardPropagationWithDropout(X, THETA, keepProb);
        DeepGradients grads = Regularization.backwardPropagationWithDropout(X, Y, cache, keepProbInBackward);
        assertEveryLayerLearns(grads);
        assertThat(cache.D(1).sum()).as("some units dropped").isLessThan(cache.D(1).size());
        return GradientCheck.check(GradientCheck.toVector(THETA), GradientCheck.toVector(grads),
                theta -> Regularization.computeCost(
                        Regularization.forwardPropagationWithDropout(X, at(theta), keepProb).AL(), Y));
    }

    private static void assertEveryLayerLearns(DeepGradients grads) {
        for (int l = 1; l <= grads.L(); l++) {
            assertThat(grads.dW(l).abs().max()).as("dW" + l + " is not all zero").isGreaterThan(1e-6);
        }
    }

    @Test
    void l2GradientPassesTheGradientCheck() {
        assertThat(checkL2(0.7).difference()).as("‖grad−gradapprox‖/(‖grad‖+‖gradapprox‖), L2 λ = 0.7")
                .isLessThan(1e-7);
    }

    @Test
    void l2GradientWithTwiceTheDecayFailsTheGradientCheck() {
        // planted bug: dW += (2λ/m) W, the derivative of λ/m Σ W² instead of λ/(2m) Σ W²
        assertThat(checkL2(1.4).difference()).isGreaterThan(1e-3);
    }

    @Test
    void dropoutGradientWithAFixedMaskPassesTheGradientCheck() {
        assertThat(checkDropout(0.8).difference()).as("‖grad−gradapprox‖/(‖grad‖+‖gradapprox‖), keep_prob 0.8")
                .isLessThan(1e-7);
    }

    @Test
    void dropoutGradientThatForgetsToScaleFailsTheGradientCheck() {
        // planted bug: backward divides by 1 instead of keep_prob (dA = dA ⊙ D only)
        assertThat(checkDropout(1.0).difference()).isGreaterThan(1e-3);
    }

    @Test
    void badHyperparametersAreRejectedByName() {
        assertThatThrownBy(() -> Regularization.forwardPropagationWithDropout(X, THETA, 0))
                .hasMessageContaining("forward_propagation_with_dropout: keep_prob must be in (0, 1], got 0.0");
        assertThatThrownBy(() -> Regularization.computeCostWithRegularization(Y, Y, THETA, -1))
                .hasMessageContaining("lambd must be ≥ 0, got -1.0");
    }
}
