package dev.backprop.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.Optimization.Decay;
import dev.backprop.core.model.Optimization.ModelRun;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.optim.Momentum;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.optim.Relative;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DLS optimization assignment's model runs on make_moons (300 points, noise 0.2, seed 3; layers [2, 5, 2, 1])
 * against the assignment's own code in scripts/optim_reference.py. The full runs (5000 epochs: gd 0.7167,
 * momentum 0.7167, Adam 0.9433 training accuracy, as DLS publishes) take 2 to 5 s each here, so the tests stop
 * after {@value #EPOCHS} epochs: the costs at epochs 0 and 100 and the parameters after epoch 1 and epoch 101.
 * The mini-batches, the initialization and every elementwise step are numpy's bit for bit; only the order of the
 * sums inside a matrix product may differ, so the bound is a relative 1e-12 rather than equality.
 */
class OptimizationModelTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/optimization.txt");
    private static final int EPOCHS = 101;
    private static final int[] LAYERS = {2, 5, 2, 1};
    private static final List<String> KEYS = List.of("W1", "b1", "W2", "b2", "W3", "b3");

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("gd", "gd", 0.0007, null),
                Arguments.of("momentum", "momentum", 0.0007, null),
                Arguments.of("adam", "adam", 0.0007, null),
                Arguments.of("gd_update_lr", "gd", 0.1, (Decay) Optimization::updateLr),
                Arguments.of("gd_schedule_lr_decay", "gd", 0.1, (Decay) Optimization::scheduleLrDecay),
                Arguments.of("adam_schedule_lr_decay", "adam", 0.01, (Decay) Optimization::scheduleLrDecay));
    }

    private static ModelRun run(String optimizer, double learningRate, Decay decay, int epochs, List<String> printed) {
        return Optimization.model(REF.matrix("moons_X"), REF.matrix("moons_Y"), LAYERS, optimizer, learningRate, 64,
                0.9, 0.9, 0.999, 1e-8, epochs, (i, cost) -> printed.add(String.format("Cost after epoch %d: %f", i,
                        cost)), decay, 1);
    }

    private static void assertParameters(DeepParameters actual, String prefix) {
        for (String key : KEYS) {
            int l = key.charAt(1) - '0';
            Matrix a = key.startsWith("W") ? actual.W(l) : actual.b(l);
            Relative.assertClose(a, REF.matrix(prefix + key), prefix + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void costsAndParametersFollowTheAssignment(String name, String optimizer, double learningRate, Decay decay) {
        List<String> printed = new ArrayList<>();
        ModelRun run = run(optimizer, learningRate, decay, EPOCHS, printed);
        double[] expected = REF.matrix("model_" + name + "_costs").toArray();
        double[] expectedRates = REF.matrix("model_" + name + "_learning_rates").toArray();
        assertThat(run.costs()).hasSize(2);
        for (int k = 0; k < run.costs().size(); k++) {
            assertThat(Math.abs(run.costs().get(k) - expected[k]) / expected[k])
                    .as(name + " cost after epoch " + 100 * k).isLessThan(1e-12);
            assertThat(run.learningRates().get(k)).as("learning rate after epoch " + 100 * k)
                    .isEqualTo(expectedRates[k]);
        }
        assertThat(printed).containsExactly(String.format("Cost after epoch 0: %f", expected[0]));
        assertParameters(run.parameters(), "model_" + name + "_epoch101_");
        assertParameters(run(optimizer, learningRate, decay, 1, new ArrayList<>()).parameters(),
                "model_" + name + "_epoch1_");
    }

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("gd", (Supplier<Optimizer>) () -> new GradientDescent(0.0007)),
                Arguments.of("momentum", (Supplier<Optimizer>) () -> new Momentum(0.0007, 0.9)),
                Arguments.of("adam", (Supplier<Optimizer>) () -> new Adam(0.0007, 0.9, 0.999, 1e-8)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void theOptimizerClassesReproduceTheNamedRunsExactly(String name, Supplier<Optimizer> optimizer) {
        ModelRun named = run(name, 0.0007, null, 30, new ArrayList<>());
        ModelRun generic = Optimization.model(REF.matrix("moons_X"), REF.matrix("moons_Y"), LAYERS, optimizer.get(),
                64, 30, (i, cost) -> { });
        assertThat(generic.costs()).isEqualTo(named.costs());
        assertThat(generic.parameters().matrices()).isEqualTo(named.parameters().matrices());
    }

    @Test
    void theWholeAdamRunBeatsGradientDescentOnTheReferenceNumbers() {
        // the published ranking, from the reference's 5000-epoch runs (not rerun here)
        assertThat(REF.scalar("model_adam_accuracy")).isEqualTo(283 / 300.0);
        assertThat(REF.scalar("model_gd_accuracy")).isEqualTo(215 / 300.0);
        assertThat(REF.scalar("model_momentum_accuracy")).isEqualTo(215 / 300.0);
    }

    @Test
    void anUnknownOptimizerOrMismatchedLayersAreRejected() {
        Matrix X = REF.matrix("moons_X");
        Matrix Y = REF.matrix("moons_Y");
        assertThatThrownBy(() -> Optimization.model(X, Y, LAYERS, "sgd", (i, c) -> { }))
                .hasMessageContaining("optimizer must be \"gd\", \"momentum\" or \"adam\", got \"sgd\"");
        assertThatThrownBy(() -> Optimization.model(X, Y, new int[] {3, 5, 1}, "gd", (i, c) -> { }))
                .hasMessageContaining("X has 2 features (2,300) but layers_dims[0] is 3");
    }

    @Test
    void aDivergingRunStopsWithTheEpoch() {
        assertThatThrownBy(() -> run("gd", 1e6, null, 50, new ArrayList<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after epoch").hasMessageContaining("learning rate 1000000.0");
    }
}
