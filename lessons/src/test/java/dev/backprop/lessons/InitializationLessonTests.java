package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The initialization lesson reproduces the Deep Learning Specialization's published accuracies on make_circles. */
class InitializationLessonTests {

    @Test
    void theThreeStartsGiveTheDlsAccuraciesAndXavierKeepsTanhActivationsSpread() throws Exception {
        RecordingSink recording = new RecordingSink();
        LessonRunner.run(new InitializationLesson(), List.of(recording), Backends.cpu());

        assertThat(recording.failure()).isNull();
        assertThat(recording.printed())
                .contains("Cost after iteration 0: Infinity")
                .contains("zeros:  train accuracy 50.00 %, test accuracy 50.00 %")
                .contains("random: train accuracy 83.00 %, test accuracy 86.00 %")
                .contains("he:     train accuracy 99.33 %, test accuracy 96.00 %")
                .contains("W1 has 1 distinct value(s), max |W1| = 0.0")
                .contains("tanh, randn × 0.01         0.098 0.010 0.001 0.000 0.000 0.000")
                .contains("tanh, Xavier √(1/n)        0.623 0.485 0.410 0.358 0.328 0.303");
        assertThat(recording.plots()).hasSize(10);
    }
}
