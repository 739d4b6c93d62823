package dev.backprop.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The schedules against DLS's update_lr and schedule_lr_decay and the Keras formulas in scripts/optim_reference.py. */
class LearningRateScheduleTests {

    private static final Reference REF = Reference.load("/dev/backprop/core/optim/schedules.txt");

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("update_lr_0.01_1", LearningRateSchedule.inverseTimeDecay(0.01, 1)),
                Arguments.of("update_lr_0.1_0.3", LearningRateSchedule.inverseTimeDecay(0.1, 0.3)),
                Arguments.of("schedule_lr_decay_0.1_1_1000", LearningRateSchedule.scheduleLrDecay(0.1, 1, 1000)),
                Arguments.of("schedule_lr_decay_0.01_0.3_100", LearningRateSchedule.scheduleLrDecay(0.01, 0.3, 100)),
                Arguments.of("step_decay_0.1_0.5_10", LearningRateSchedule.stepDecay(0.1, 0.5, 10)),
                Arguments.of("exponential_decay_0.1_0.96_100", LearningRateSchedule.exponentialDecay(0.1, 0.96, 100)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void everyEpochMatchesNumpy(String name, LearningRateSchedule schedule) {
        double[] epochs = REF.matrix("epochs").toArray();
        double[] rates = new double[epochs.length];
        for (int i = 0; i < epochs.length; i++) {
            rates[i] = schedule.learningRate((int) epochs[i]);
        }
        Relative.assertClose(Matrix.row(rates), REF.matrix(name), name);
    }

    @Test
    void scheduleLrDecayHoldsForATimeIntervalThenDrops() {
        LearningRateSchedule schedule = LearningRateSchedule.scheduleLrDecay(0.1, 1, 1000);
        assertThat(schedule.learningRate(999)).isEqualTo(0.1);
        assertThat(schedule.learningRate(1000)).isEqualTo(0.05);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 1.5, 10)).hasMessageContaining("step decay: drop");
        assertThatThrownBy(() -> LearningRateSchedule.scheduleLrDecay(0.1, 1, 0))
                .hasMessageContaining("schedule_lr_decay: time interval must be ≥ 1, got 0");
        assertThatThrownBy(() -> LearningRateSchedule.constant(0)).hasMessageContaining("learning rate");
    }
}
