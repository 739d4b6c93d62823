package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.layer.Maxout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Sequential#step} skips the first layer's dA_prev = ∂J/∂X: the first layer (and the only layer of a one-layer
 * model) gets {@link Layer#backwardToParameters}, every other layer {@link Layer#backward}, and the gradients are the
 * very numbers the old pass (backward on every layer, dA^[0] included) gave. A negative control shows the recording
 * can fail: a first layer whose backwardToParameters throws makes step throw.
 */
class FirstLayerBackwardTests {

    private static final int N_X = 4;
    private static final int M = 7;

    /** Delegates to a real layer and counts the calls to backward and to backwardToParameters. */
    private static class Recording extends DelegatingLayer {
        int backward;
        int toParameters;

        Recording(Layer inner) {
            super(inner);
        }

        @Override
        public Matrix backward(Matrix dA) {
            backward++;
            return inner.backward(dA);
        }

        @Override
        public void backwardToParameters(Matrix dA) {
            toParameters++;
            inner.backwardToParameters(dA);
        }
    }

    /** A recording layer whose backwardToParameters fails: the planted hook of the negative control. */
    private static final class Refusing extends Recording {
        Refusing(Layer inner) {
            super(inner);
        }

        @Override
        public void backwardToParameters(Matrix dA) {
            throw new UnsupportedOperationException("backwardToParameters called");
        }
    }

    private static Matrix X() {
        return new NumpyRandom(11).randn(N_X, M);
    }

    private static Matrix Y() {
        return new NumpyRandom(12).rand(1, M).gt(0.5);
    }

    private static Sequential model(Loss loss, Layer... layers) {
        return Sequential.of(layers).build(N_X, 5).compile(loss, new GradientDescent(0.1));
    }

    private static Dense dense(int units, Activation g) {
        return new Dense(units, g, Initializer.xavier());
    }

    private static void assertSameNumbers(List<Matrix> actual, List<Matrix> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).shape()).as("shape of gradient %d", i).isEqualTo(expected.get(i).shape());
            assertThat(actual.get(i).toArray()).as("gradient %d", i).containsExactly(expected.get(i).toArray());
        }
    }

    // ---------------------------------------------------------------- which hook each layer gets

    @Test
    void aTwoLayerModelsFirstLayerGetsOnlyBackwardToParameters() {
        // all layers recorded: the output is reached through loss.gradient and backward
        Recording first = new Recording(dense(3, new Tanh()));
        Recording output = new Recording(dense(1, new Sigmoid()));
        model(new MeanSquaredError(), first, output).step(X(), Y());
        assertThat(first.toParameters).isEqualTo(1);
        assertThat(first.backward).isZero();
        assertThat(output.backward).isEqualTo(1);
        assertThat(output.toParameters).isZero();
    }

    @Test
    void aThreeLayerModelsFirstLayerGetsOnlyBackwardToParameters() {
        Recording first = new Recording(dense(4, new Tanh()));
        Recording hidden = new Recording(dense(3, new Relu()));
        Recording output = new Recording(dense(1, new Sigmoid()));
        model(new MeanSquaredError(), first, hidden, output).step(X(), Y());
        assertThat(first.toParameters).isEqualTo(1);
        assertThat(first.backward).isZero();
        assertThat(hidden.backward).isEqualTo(1);
        assertThat(hidden.toParameters).isZero();
        assertThat(output.backward).isEqualTo(1);
        assertThat(output.toParameters).isZero();
    }

    @Test
    void withACombinedSigmoidOutputTheHiddenLayerStillGetsBackward() {
        // the output is a real Dense, so dZ = A − Y goes through backwardFromZ
        Recording first = new Recording(dense(4, new Tanh()));
        Recording hidden = new Recording(dense(3, new Relu()));
        model(new BinaryCrossEntropy(), first, hidden, dense(1, new Sigmoid())).step(X(), Y());
        assertThat(first.toParameters).isEqualTo(1);
        assertThat(first.backward).isZero();
        assertThat(hidden.backward).isEqualTo(1);
        assertThat(hidden.toParameters).isZero();
    }

    @Test
    void aOneLayerModelsOnlyLayerGetsOnlyBackwardToParameters() {
        Recording only = new Recording(dense(1, new Linear()));
        model(new MeanSquaredError(), only).step(X(), Y());
        assertThat(only.toParameters).isEqualTo(1);
        assertThat(only.backward).isZero();
    }

    @Test
    void negativeControlAFirstLayerWhoseBackwardToParametersThrowsMakesStepThrow() {
        Sequential refused = model(new BinaryCrossEntropy(), new Refusing(dense(4, new Tanh())),
                dense(1, new Sigmoid()));
        assertThatThrownBy(() -> refused.step(X(), Y())).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("backwardToParameters called");
        Sequential refusedOnly = model(new MeanSquaredError(), new Refusing(dense(1, new Linear())));
        assertThatThrownBy(() -> refusedOnly.step(X(), Y())).isInstanceOf(UnsupportedOperationException.class);
        // the same layer second in the stack is never asked for it
        Sequential second = model(new BinaryCrossEntropy(), dense(4, new Tanh()),
                new Refusing(dense(3, new Tanh())), dense(1, new Sigmoid()));
        assertThatCode(() -> second.step(X(), Y())).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- the same gradients as before the skip

    @Test
    void aOneLayerSigmoidBinaryCrossEntropyModelHasTheGradientsOfBackwardFromZ() {
        Dense dense = dense(1, new Sigmoid());
        Sequential model = model(new BinaryCrossEntropy(), dense);
        Matrix X = X();
        Matrix Y = Y();
        List<Matrix> fromStep = model.step(X, Y).gradients();

        // dZ = (A − Y) / n_y, then dW, db and dA_prev as the layer computes them
        Matrix A = dense.forward(X, true);
        Matrix dAPrev = dense.backwardFromZ(A.minus(Y).div(A.rows()));
        assertThat(dAPrev.shape()).isEqualTo(X.shape());
        assertSameNumbers(fromStep, dense.gradients());
    }

    @Test
    void aOneLayerLinearMeanSquaredErrorModelHasTheGradientsOfBackward() {
        Dense dense = dense(1, new Linear());
        Sequential model = model(new MeanSquaredError(), dense);
        Matrix X = X();
        Matrix Y = Y();
        List<Matrix> fromStep = model.step(X, Y).gradients();

        Matrix A = dense.forward(X, true);
        dense.backward(new MeanSquaredError().gradient(A, Y));
        assertSameNumbers(fromStep, dense.gradients());
    }

    @Test
    void oneLayerModelsTrain() {
        Matrix X = X();
        Matrix Y = Y();
        History logistic = model(new BinaryCrossEntropy(), dense(1, new Sigmoid())).fit(X, Y, 50, 0);
        History linear = model(new MeanSquaredError(), dense(1, new Linear())).fit(X, Y, 50, 0);
        for (History h : List.of(logistic, linear)) {
            assertThat(h.loss()).hasSize(50).allSatisfy(c -> assertThat(c).isFinite());
            assertThat(h.loss().get(49)).isLessThan(h.loss().get(0));
        }
    }

    /** The old pass: forward through every layer, then backward on every layer, the first included. */
    private static List<Matrix> gradientsWithBackwardEverywhere(List<Layer> layers, Loss loss, Matrix X, Matrix Y,
                                                                boolean combined) {
        Matrix A = X;
        for (Layer layer : layers) {
            A = layer.forward(A, true);
        }
        int L = layers.size();
        Matrix dA = combined
                ? ((Dense) layers.get(L - 1)).backwardFromZ(A.minus(Y).div(A.rows()))
                : layers.get(L - 1).backward(loss.gradient(A, Y));
        for (int l = L - 2; l >= 0; l--) {
            dA = layers.get(l).backward(dA);
        }
        assertThat(dA.shape()).as("dA^[0] = ∂J/∂X").isEqualTo(X.shape());
        return layers.stream().flatMap(layer -> layer.gradients().stream()).toList();
    }

    private static void assertStepMatchesBackwardEverywhere(Supplier<List<Layer>> layers, Loss loss,
                                                            boolean combined) {
        Matrix X = X();
        Matrix Y = Y();
        List<Matrix> fromStep = model(loss, layers.get().toArray(Layer[]::new)).step(X, Y).gradients();
        List<Layer> old = layers.get();
        Sequential.of(old.toArray(Layer[]::new)).build(N_X, 5);
        List<Matrix> expected = gradientsWithBackwardEverywhere(old, loss, X, Y, combined);
        assertThat(fromStep).hasSize(2 * old.size());
        assertSameNumbers(fromStep, expected);
        assertThat(fromStep.get(0).abs().max()).as("dW1 is not trivially zero").isGreaterThan(1e-6);
    }

    @Test
    void aThreeLayerModelsGradientsAreThoseOfBackwardOnEveryLayer() {
        assertStepMatchesBackwardEverywhere(() -> List.of(dense(4, new Tanh()), dense(3, new Relu()),
                dense(1, new Sigmoid())), new BinaryCrossEntropy(), true);
    }

    @Test
    void aThreeLayerModelWithAnOutputThatDoesNotCombineHasTheSameGradientsToo() {
        assertStepMatchesBackwardEverywhere(() -> List.of(dense(4, new Tanh()), dense(3, new Relu()),
                dense(1, new Linear())), new MeanSquaredError(), false);
    }

    @Test
    void aMaxoutFirstLayerHasTheGradientsOfBackward() {
        assertStepMatchesBackwardEverywhere(() -> List.of(new Maxout(3, 2, Initializer.xavier()),
                dense(1, new Sigmoid())), new BinaryCrossEntropy(), true);
    }
}
