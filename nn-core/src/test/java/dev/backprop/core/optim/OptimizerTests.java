package dev.backprop.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer against scripts/optim_reference.py, which writes the DLS and Keras update formulas in numpy: on
 * f(θ) = Σ ½ c⊙θ² + d⊙θ, whose gradient g = c⊙θ + d both sides compute exactly, after 1 and after 100 steps,
 * every element within a relative 1e-12. The scheduled runs call {@code startEpoch(k)} before step k.
 */
class OptimizerTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/optimizers.txt");

    static Map<String, Supplier<Optimizer>> optimizers() {
        Map<String, Supplier<Optimizer>> all = new LinkedHashMap<>();
        all.put("gd", () -> new GradientDescent(0.1));
        all.put("momentum", () -> new Momentum(0.1, 0.9));
        all.put("nesterov", () -> new Nesterov(0.05, 0.9));
        all.put("rmsprop", () -> new RmsProp(0.01));
        all.put("adagrad", () -> new Adagrad(0.1));
        all.put("adadelta", () -> new Adadelta(1.0));
        all.put("adam", () -> new Adam(0.01));
        all.put("adam_update_lr", () -> new Adam(LearningRateSchedule.inverseTimeDecay(0.01, 0.1),
                Adam.DEFAULT_BETA1, Adam.DEFAULT_BETA2, Adam.DEFAULT_EPSILON));
        all.put("gd_schedule_lr_decay", () -> new GradientDescent(LearningRateSchedule.scheduleLrDecay(0.1, 0.5, 10)));
        all.put("momentum_step_decay", () -> new Momentum(LearningRateSchedule.stepDecay(0.1, 0.5, 30), 0.9));
        all.put("rmsprop_exponential_decay", () -> new RmsProp(LearningRateSchedule.exponentialDecay(0.01, 0.9, 20),
                RmsProp.DEFAULT_RHO, RmsProp.DEFAULT_EPSILON));
        return all;
    }

    static Stream<Arguments> cases() {
        return optimizers().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static List<Matrix> named(String prefix) {
        List<Matrix> list = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            list.add(REF.matrix(prefix + "_" + i));
        }
        return list;
    }

    /** g = c⊙θ + d for each parameter. */
    static List<Matrix> gradients(List<Matrix> theta) {
        List<Matrix> c = named("c");
        List<Matrix> d = named("d");
        List<Matrix> g = new ArrayList<>();
        for (int i = 0; i < theta.size(); i++) {
            g.add(c.get(i).times(theta.get(i)).plus(d.get(i)));
        }
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneStepAndHundredStepsMatchTheNumpyFormulas(String name, Supplier<Optimizer> make) {
        Optimizer optimizer = make.get();
        List<Matrix> theta = named("theta0");
        for (int k = 0; k < 100; k++) {
            optimizer.startEpoch(k);
            theta = optimizer.update(theta, gradients(theta));
            if (k + 1 == 1 || k + 1 == 100) {
                List<Matrix> expected = named(name + "_" + (k + 1));
                for (int i = 0; i < 4; i++) {
                    Relative.assertClose(theta.get(i), expected.get(i), name + " after " + (k + 1) + " steps, θ" + i);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theComparisonCatchesAPlantedBug(String name, Supplier<Optimizer> make) {
        // negative control: the gradient off by 0.001 in every element must fail the 1e-12 bound after 100 steps
        Optimizer optimizer = make.get();
        List<Matrix> theta = named("theta0");
        for (int k = 0; k < 100; k++) {
            optimizer.startEpoch(k);
            theta = optimizer.update(theta, gradients(theta).stream().map(g -> g.plus(0.001)).toList());
        }
        double worst = 0;
        for (int i = 0; i < 4; i++) {
            worst = Math.max(worst, Relative.difference(theta.get(i), named(name + "_100").get(i)));
        }
        assertThat(worst).isGreaterThan(1e-6);
    }

    @Test
    void gradientDescentIsTheWorkshopsUpdateBitForBit() {
        List<Matrix> theta = named("theta0");
        List<Matrix> g = gradients(theta);
        List<Matrix> updated = new GradientDescent(0.1).update(theta, g);
        for (int i = 0; i < 4; i++) {
            assertThat(updated.get(i)).isEqualTo(theta.get(i).minus(g.get(i).times(0.1)));
        }
    }

    @Test
    void adamCountsTOncePerUpdateNotPerParameter() {
        Adam adam = new Adam();
        List<Matrix> theta = named("theta0");
        adam.update(theta, gradients(theta));
        adam.update(theta, gradients(theta));
        assertThat(adam.t()).isEqualTo(2);
    }

    @Test
    void updateLeavesItsArgumentsAlone() {
        List<Matrix> theta = named("theta0");
        List<Matrix> copy = List.copyOf(theta);
        List<Matrix> g = gradients(theta);
        new Adam().update(theta, g);
        assertThat(theta).isEqualTo(copy);
    }

    @Test
    void mismatchedGradientsAreRejectedWithTheShapes() {
        List<Matrix> theta = named("theta0");
        List<Matrix> g = new ArrayList<>(gradients(theta));
        g.set(1, Matrix.zeros(2, 2));
        assertThatThrownBy(() -> new Momentum(0.1).update(theta, g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("momentum").hasMessageContaining("(3,1)").hasMessageContaining("(2,2)");
        assertThatThrownBy(() -> new Adam().update(theta, g.subList(0, 3)))
                .hasMessageContaining("4 parameters but 3 gradients");
    }

    @Test
    void stateIsMatchedByPositionAndAChangedShapeIsAnError() {
        Optimizer rmsprop = new RmsProp();
        List<Matrix> theta = named("theta0");
        rmsprop.update(theta, gradients(theta));
        List<Matrix> swapped = List.of(theta.get(1), theta.get(0), theta.get(2), theta.get(3));
        assertThatThrownBy(() -> rmsprop.update(swapped, swapped))
                .hasMessageContaining("rmsprop: parameter 0 had shape (3,2) when the state was made, now (3,1)");
    }

    @Test
    void badHyperparametersAreRejectedByName() {
        assertThatThrownBy(() -> new Momentum(0.1, 1.0)).hasMessageContaining("momentum: beta must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Adam(0.01, 0.9, 0.999, 0)).hasMessageContaining("adam: epsilon");
        assertThatThrownBy(() -> new RmsProp(Double.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new GradientDescent(-1)).hasMessageContaining("gradient descent: learning rate");
        assertThatThrownBy(() -> new Adagrad(LearningRateSchedule.constant(0.1), -1, 1e-7))
                .hasMessageContaining("adagrad: initial accumulator");
    }

    @Test
    void aScheduleThatReachesZeroIsCaughtAtTheEpoch() {
        Optimizer gd = new GradientDescent(epoch -> 0.1 - 0.01 * epoch);
        gd.startEpoch(5);
        assertThat(gd.learningRate()).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-15));
        assertThatThrownBy(() -> gd.startEpoch(10)).hasMessageContaining("gd: learning rate must be a positive number");
    }

    @Test
    void namesAreTheCommandLineNames() {
        assertThat(Stream.of(new GradientDescent(0.1), new Momentum(0.1), new Nesterov(0.1), new RmsProp(),
                new Adagrad(), new Adadelta(), new Adam()).map(Optimizer::name))
                .containsExactly("gd", "momentum", "nesterov", "rmsprop", "adagrad", "adadelta", "adam");
    }
}
