package dev.backprop.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientCheckTests {

    /** A backward pass to check: the real one, or one with a planted bug. */
    private interface Backward {
        Gradients apply(Parameters p, Cache cache, Matrix X, Matrix Y);
    }

    private static GradientCheck.Result checkTwoLayer(Backward backward) {
        NumpyRandom random = new NumpyRandom(1);
        Matrix X = random.randn(3, 7);
        Matrix Y = random.randn(1, 7).gt(0);
        Parameters p = new Parameters(random.randn(5, 3), random.randn(5, 1),
                random.randn(1, 5), random.randn(1, 1));
        Gradients grads = backward.apply(p, TwoLayerNetwork.forwardPropagation(X, p), X, Y);

        List<Shape> shapes = GradientCheck.shapes(p);
        ToDoubleFunction<double[]> J = theta -> {
            Parameters nudged = Parameters.of(GradientCheck.fromVector(theta, shapes));
            return TwoLayerNetwork.computeCost(TwoLayerNetwork.forwardPropagation(X, nudged).A2(), Y);
        };
        return GradientCheck.check(GradientCheck.toVector(p), GradientCheck.toVector(grads), J);
    }

    @Test
    void twoLayerBackwardPropagationPassesTheGradientCheck() {
        GradientCheck.Result result = checkTwoLayer(TwoLayerNetwork::backwardPropagation);
        assertThat(result.difference())
                .as("‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)")
                .isLessThan(2e-7);
    }

    @Test
    void plantedBugFailsTheGradientCheck() {
        // dW2 doubled and db1 four times too big, as a student might get them wrong
        GradientCheck.Result result = checkTwoLayer((p, cache, X, Y) -> {
            Gradients right = TwoLayerNetwork.backwardPropagation(p, cache, X, Y);
            return new Gradients(right.dW1(), right.db1().times(4), right.dW2().times(2), right.db2());
        });
        assertThat(result.difference()).as("a wrong backward pass must fail").isGreaterThan(1e-3);
    }

    @Test
    void aSingleWrongEntryIsFoundByWorstIndex() {
        GradientCheck.Result result = checkTwoLayer((p, cache, X, Y) -> {
            Gradients right = TwoLayerNetwork.backwardPropagation(p, cache, X, Y);
            double[] db2 = right.db2().toArray();
            db2[0] += 0.5;
            return new Gradients(right.dW1(), right.db1(), right.dW2(), Matrix.of(1, 1, db2));
        });
        assertThat(result.difference()).isGreaterThan(1e-3);
        assertThat(result.worstIndex()).isEqualTo(result.grad().length - 1);
    }

    @Test
    void numericalGradientOfAKnownFunction() {
        // J(θ) = θ0² + 3 θ0 θ1 ⇒ ∇J = (2θ0 + 3θ1, 3θ0)
        double[] grad = GradientCheck.numericalGradient(new double[] {1.5, -2},
                t -> t[0] * t[0] + 3 * t[0] * t[1], 1e-6);
        assertThat(grad[0]).isCloseTo(-3.0, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(grad[1]).isCloseTo(4.5, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(GradientCheck.difference(new double[] {1, 0}, new double[] {1, 0})).isZero();
        assertThat(GradientCheck.difference(new double[] {1, 0}, new double[] {-1, 0})).isEqualTo(1.0);
    }
}
