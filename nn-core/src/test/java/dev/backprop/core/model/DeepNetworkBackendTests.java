package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.DeviceLikeBackend;
import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training runs on any backend: on {@link DeviceLikeBackend} (its matrices cannot mix with the CPU's and must be
 * released) every activation and every loss trains to the same numbers as on the CPU, and leaves nothing behind
 * but X, Y and the trained parameters.
 */
class DeepNetworkBackendTests {

    private static final int M = 9;

    private static Architecture network(Activation hidden, Activation output, int outputs, Loss loss) {
        return new Architecture(List.of(3, 5, 4, outputs), List.of(hidden, hidden, output), loss);
    }

    static Stream<Arguments> everyActivationAndLoss() {
        BiFunction<NumpyRandom, Integer, Matrix> zeroOne = (random, n) -> random.rand(n, M).gt(0.5);
        BiFunction<NumpyRandom, Integer, Matrix> indices = (random, n) ->
                Matrix.row(Arrays.stream(random.randint(0, n, M)).asDoubleStream().toArray());
        BiFunction<NumpyRandom, Integer, Matrix> oneHot = (random, n) ->
                new SparseCategoricalCrossEntropy().oneHot(indices.apply(random, n), n);
        return Stream.of(
                Arguments.of(network(new Relu(), new Sigmoid(), 1, new BinaryCrossEntropy()), zeroOne),
                Arguments.of(network(new Tanh(), new Softmax(), 3, new CategoricalCrossEntropy()), oneHot),
                Arguments.of(network(new LeakyRelu(), new Softmax(), 3, new SparseCategoricalCrossEntropy()), indices),
                Arguments.of(network(new Elu(), new Softmax(), 3, new KLDivergence()),
                        (BiFunction<NumpyRandom, Integer, Matrix>) (random, n) ->
                                new Softmax().forward(random.randn(n, M))),
                Arguments.of(network(new LeakyRelu(0.3), new Linear(), 2, new MeanSquaredError()),
                        (BiFunction<NumpyRandom, Integer, Matrix>) (random, n) -> random.randn(n, M)),
                Arguments.of(network(new Sigmoid(), new Sigmoid(), 2, new MeanSquaredLogarithmicError()),
                        (BiFunction<NumpyRandom, Integer, Matrix>) (random, n) -> random.rand(n, M)),
                Arguments.of(network(new Linear(), new Linear(), 2, new MeanAbsoluteError()),
                        (BiFunction<NumpyRandom, Integer, Matrix>) (random, n) -> random.randn(n, M)),
                Arguments.of(network(new Relu(), new Tanh(), 2, new Hinge()), zeroOne),
                Arguments.of(network(new Softmax(), new Linear(), 2, new SquaredHinge()), zeroOne));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyActivationAndLoss")
    void trainsOnADeviceLikeBackendAsOnTheCpuAndFreesItsTemporaries(
            Architecture architecture, BiFunction<NumpyRandom, Integer, Matrix> labels) {
        NumpyRandom random = new NumpyRandom(4);
        Matrix X = random.randn(architecture.n(0), M);
        Matrix Y = labels.apply(random, architecture.n(architecture.L()));

        List<Double> cpuCosts = new ArrayList<>();
        DeepParameters onCpu = DeepNetwork.lLayerModel(X, Y, architecture, Initialization.HE, 0.05, 5, 1,
                (i, cost) -> cpuCosts.add(cost));

        DeviceLikeBackend device = new DeviceLikeBackend();
        Matrix Xd = X.to(device);
        Matrix Yd = Y.to(device);
        List<Double> deviceCosts = new ArrayList<>();
        DeepParameters onDevice = DeepNetwork.lLayerModel(Xd, Yd, architecture, Initialization.HE, 0.05, 5, 1,
                (i, cost) -> deviceCosts.add(cost));

        assertThat(deviceCosts).hasSize(5).isEqualTo(cpuCosts);
        for (int i = 0; i < onCpu.matrices().size(); i++) {
            Matrix trained = onDevice.matrices().get(i);
            assertThat(trained.backend()).isSameAs(device);
            assertThat(trained.toArray()).isEqualTo(onCpu.matrices().get(i).toArray());
        }
        assertThat(device.liveBuffers()).as("X, Y and the %d trained matrices", 2 * architecture.L())
                .isEqualTo(2 + 2 * architecture.L());
    }

    @Test
    void predictionAndTheLessonHelpersWorkOnTheDevice() {
        NumpyRandom random = new NumpyRandom(5);
        Architecture architecture = network(new Elu(), new Softmax(), 3, new SparseCategoricalCrossEntropy());
        DeepParameters p = DeepNetwork.initializeParametersDeep(architecture, Initialization.HE);
        Matrix X = random.randn(3, M);
        Matrix Y = Matrix.row(Arrays.stream(random.randint(0, 3, M)).asDoubleStream().toArray());
        DeviceLikeBackend device = new DeviceLikeBackend();
        DeepParameters pd = p.to(device);

        Matrix predictions = DeepNetwork.predict(X.to(device), pd, architecture.activations());
        assertThat(predictions.backend()).isSameAs(device);
        assertThat(predictions.toArray()).isEqualTo(DeepNetwork.predict(X, p, architecture.activations()).toArray());

        DeepCaches caches = DeepNetwork.lModelForward(X.to(device), pd, architecture.activations());
        double[] norms = DeepNetwork.gradientNorms(
                DeepNetwork.lModelBackward(caches.AL(), Y.to(device), caches, architecture.loss()));
        DeepCaches cpuCaches = DeepNetwork.lModelForward(X, p, architecture.activations());
        assertThat(norms).isEqualTo(DeepNetwork.gradientNorms(
                DeepNetwork.lModelBackward(cpuCaches.AL(), Y, cpuCaches, architecture.loss())));
    }
}
