package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.Reference;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Optimization;
import dev.backprop.core.model.Optimization.ModelRun;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.optim.Momentum;
import dev.backprop.core.optim.Optimizer;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DLS optimization assignment's three model runs (gradient descent, momentum, Adam on make_moons, layers
 * [2, 5, 2, 1], mini-batches of 64, learning rate 0.0007) through the one loop in its DLS mode
 * ({@link TrainingLoop#dls}) and a {@link Sequential}, against the explicit DLS {@code model()}
 * ({@link Optimization#model}), which is itself checked against numpy. {@value #EPOCHS} epochs: the costs at epochs
 * 0 and 100 and the final weights, relative difference ≤ 1e-12.
 */
class DlsModelRunTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/optimization.txt");
    private static final int EPOCHS = 101;

    static Stream<Arguments> runs() {
        Supplier<Optimizer> gd = () -> new GradientDescent(0.0007);
        Supplier<Optimizer> momentum = () -> new Momentum(0.0007, 0.9);
        Supplier<Optimizer> adam = () -> new Adam(0.0007, 0.9, 0.999, 1e-8);
        return Stream.of(Arguments.of("gd", gd), Arguments.of("momentum", momentum), Arguments.of("adam", adam));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theDlsModelRunThroughTheLoopEqualsTheExplicitModel(String name, Supplier<Optimizer> optimizer) {
        Matrix X = REF.matrix("moons_X");
        Matrix Y = REF.matrix("moons_Y");
        ModelRun explicit = Optimization.model(X, Y, new int[] {2, 5, 2, 1}, name, 0.0007, 64, 0.9, 0.9, 0.999,
                1e-8, EPOCHS, (i, c) -> { }, null, 1);

        Sequential model = Sequential.of(new Dense(5, new Relu(), Initializer.he()),
                new Dense(2, new Relu(), Initializer.he()), new Dense(1, new Sigmoid(), Initializer.he()))
                .build(2, Optimization.INITIALIZATION_SEED).compile(new BinaryCrossEntropy(), optimizer.get());
        History history = model.fit(X, Y, model.loop().epochs(EPOCHS).batchSize(64).dls(Optimization.MODEL_SEED));

        List<Double> loop = List.of(history.loss().get(0), history.loss().get(100));
        for (int k = 0; k < 2; k++) {
            double expected = explicit.costs().get(k);
            assertThat(loop.get(k)).as("%s: cost after epoch %d", name, 100 * k)
                    .isCloseTo(expected, within(1e-12 * Math.abs(expected)));
        }
        DeepParameters p = explicit.parameters();
        List<Matrix> trained = model.parameters();
        for (int i = 0; i < trained.size(); i++) {
            Matrix expected = i % 2 == 0 ? p.W(i / 2 + 1) : p.b(i / 2 + 1);
            double scale = expected.abs().max();
            assertThat(trained.get(i).minus(expected).abs().max()).as("%s: parameter %d", name, i)
                    .isLessThanOrEqualTo(1e-12 * scale);
        }
    }
}
