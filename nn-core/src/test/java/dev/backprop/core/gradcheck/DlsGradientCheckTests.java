package dev.backprop.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.DlsTestCases;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Regularization;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The DLS "Gradient Checking" assignment's published outputs: {@code gradient_check} on J(θ) = θx, and
 * {@code gradient_check_n} on its 3-layer network (LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID) with the
 * assignment's planted bugs (dW2 doubled, db1 four times too big), which it must catch, and without them.
 */
class DlsGradientCheckTests {

    @Test
    void gradientCheckOfThetaTimesXIsThePublishedDifference() {
        // gradient_check(x = 2, theta = 4): J = θx, dθ = x
        GradientCheck.Result result = GradientCheck.check(new double[] {4}, new double[] {2}, t -> t[0] * 2);
        assertThat(result.difference()).isEqualTo(2.919335883291695e-10);
    }

    @Test
    void gradientCheckNCatchesTheAssignmentsBugsWithThePublishedDifference() {
        // gradient_check_n_test_case: np.random.seed(1); x = randn(4, 3); y = [1, 1, 0]; then W1, b1, W2, b2, W3, b3
        NumpyRandom random = new NumpyRandom(1);
        Matrix X = random.randn(4, 3);
        Matrix Y = Matrix.row(1, 1, 0);
        DeepParameters parameters = DlsTestCases.parameters(random, 4, 5, 3, 1);

        // forward_propagation_n's cost: (1/m) Σ −y log a3 − (1 − y) log(1 − a3)
        List<Shape> shapes = GradientCheck.shapes(parameters);
        ToDoubleFunction<double[]> J = theta -> Regularization.computeCost(
                DeepNetwork.lModelForward(X, DeepParameters.of(GradientCheck.fromVector(theta, shapes))).AL(), Y);
        double[] theta = GradientCheck.toVector(parameters);
        DeepGradients right = DeepNetwork.lModelBackward(DeepNetwork.lModelForward(X, parameters).AL(), Y,
                DeepNetwork.lModelForward(X, parameters));

        // backward_propagation_n as handed out: dW2 = 1/m dZ2·A1ᵀ · 2, db1 = 4/m Σ dZ1
        DeepGradients buggy = new DeepGradients(right.dA(), List.of(right.dW(1), right.dW(2).times(2), right.dW(3)),
                List.of(right.db(1).times(4), right.db(2), right.db(3)));
        double caught = GradientCheck.check(theta, GradientCheck.toVector(buggy), J).difference();
        assertThat(caught).as("the assignment prints 0.2850931567761623: a mistake").isCloseTo(0.2850931567761623,
                within(1e-9));

        // fixed, the difference is rounding (published 1.1890913024229996e-07; numpy 1.24 here gives 1.186e-07)
        double fixed = GradientCheck.check(theta, GradientCheck.toVector(right), J).difference();
        assertThat(fixed).as("below the assignment's 2e-7: correct").isLessThan(2e-7);
        assertThat(fixed).as("rounding: a few per cent either way").isCloseTo(1.1890913024229996e-07,
                within(5e-9));
    }
}
