package dev.backprop.core.gradcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.Relu;
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

    @Test
    void fromVectorWithAShortThetaSaysHowManyEntriesAreMissing() {
        List<Shape> shapes = List.of(new Shape(2, 2), new Shape(2, 1));
        assertThatThrownBy(() -> GradientCheck.fromVector(new double[5], shapes))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("vector_to_dictionary: θ has 5 entries but the shapes [(2, 2), (2, 1)] hold 6");
        assertThatThrownBy(() -> GradientCheck.fromVector(new double[7], shapes))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("θ has 7 entries");
    }

    // ---------------------------------------------------------------- kinks

    /**
     * A ReLU network with a linear output and J = (1/2m) Σ (A2 − Y)², the parameters in the workshop's order
     * W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1), and its gradient by hand:
     * <pre>
     * dZ2 = (A2 − Y) / m;  dW2 = dZ2 · A1ᵀ;  db2 = Σ dZ2;  dZ1 = W2ᵀ · dZ2 ⊙ relu′(Z1);  dW1 = dZ1 · Xᵀ;  db1 = Σ dZ1
     * </pre>
     */
    private static final class ReluNetwork {
        final Matrix X = Matrix.of(2, 4, 0.5, -1.2, 0.8, 1.5, -0.7, 0.3, 1.1, -0.4);
        final Matrix Y = Matrix.row(0.2, -0.5, 1.0, 0.3);
        final List<Shape> shapes = List.of(new Shape(3, 2), new Shape(3, 1), new Shape(1, 3), new Shape(1, 1));

        double cost(double[] theta) {
            List<Matrix> p = GradientCheck.fromVector(theta, shapes);
            Matrix A1 = new Relu().forward(p.get(0).dot(X).plus(p.get(1)));
            Matrix A2 = p.get(2).dot(A1).plus(p.get(3));
            return A2.minus(Y).square().sum() / (2 * X.cols());
        }

        double[] gradient(double[] theta) {
            List<Matrix> p = GradientCheck.fromVector(theta, shapes);
            Matrix Z1 = p.get(0).dot(X).plus(p.get(1));
            Matrix A1 = new Relu().forward(Z1);
            Matrix A2 = p.get(2).dot(A1).plus(p.get(3));
            Matrix dZ2 = A2.minus(Y).div(X.cols());
            Matrix dZ1 = p.get(2).T().dot(dZ2).times(new Relu().derivative(Z1, A1));
            double[] grad = new double[theta.length];
            int at = 0;
            for (Matrix g : List.of(dZ1.dot(X.T()), dZ1.sum(1), dZ2.dot(A1.T()), dZ2.sum(1))) {
                double[] a = g.toArray();
                System.arraycopy(a, 0, grad, at, a.length);
                at += a.length;
            }
            return grad;
        }

        GradientCheck.Result check(double[] theta) {
            return GradientCheck.check(theta, gradient(theta), this::cost);
        }
    }

    /** W1, b1 (every unit alive on every example, far from z = 0), W2, b2. */
    private static final double[] AWAY_FROM_KINKS = {0.9, -0.3, 0.4, 0.8, -0.6, 0.2, 2.0, 1.5, 2.5, 0.7, -0.5, 0.9, 0.1};

    @Test
    void reluNetworkAwayFromKinksPassesWithNoKinkReported() {
        ReluNetwork net = new ReluNetwork();
        GradientCheck.Result result = net.check(AWAY_FROM_KINKS.clone());
        assertThat(result.kinks()).isEmpty();
        assertThat(result.difference()).as(result.explain(net.shapes)).isLessThan(2e-7);
    }

    @Test
    void aCheckThatCrossesAReluKinkSaysWhichParameterCrossedIt() {
        ReluNetwork net = new ReluNetwork();
        double[] theta = AWAY_FROM_KINKS.clone();
        // b1[1] = −W1[1,:]·X[:,0], so that z of unit 1 on example 0 is 0: the kink of its ReLU
        theta[7] = -(theta[2] * net.X.get(0, 0) + theta[3] * net.X.get(1, 0));
        GradientCheck.Result result = net.check(theta);

        assertThat(result.kinks()).extracting(GradientCheck.Kink::index).as(result.explain(net.shapes))
                .contains(2, 3, 7).doesNotContain(0, 1, 4, 5, 6, 8, 9, 10, 11, 12);
        assertThat(result.explain(net.shapes)).contains("the check of θ[7] = b1[1,0] crossed a kink")
                .contains("the check of θ[2] = W1[1,0] crossed a kink");
        assertThat(result.toString()).contains("the check of θ[7] crossed a kink");
        assertThat(result.difference()).as("without the hint, a right backward pass looks wrong").isGreaterThan(1e-7);
    }
}
