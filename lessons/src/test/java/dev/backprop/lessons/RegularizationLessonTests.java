package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regularization lesson: the DLS experiment on 60 moons matches the numpy run of the same code
 * (scripts/regularization_lesson_reference.py, its output committed beside this test), overfitting shows in the
 * validation cost, and early stopping restores its best epoch.
 */
class RegularizationLessonTests {

    private static String reference() throws IOException {
        try (InputStream in = RegularizationLessonTests.class.getResourceAsStream(
                "/dev/backprop/lessons/regularization_lesson_reference.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDlsExperimentMatchesNumpyAndRegularizationHelps() throws Exception {
        RecordingSink recording = new RecordingSink();
        LessonRunner.run(new RegularizationLesson(), List.of(recording), Backends.cpu());

        assertThat(recording.failure()).isNull();
        String reference = reference();
        assertThat(reference).contains("none train 95.00 test 80.67", "l2 train 90.00 test 89.00",
                "dropout train 86.67 test 83.67");
        assertThat(recording.printed())
                .contains("none                        |  95.00 % |  80.67 % |     95.00 % |    80.67 %")
                .contains("L2, λ = 0.7                 |  90.00 % |  89.00 % |     90.00 % |    89.00 %")
                .contains("dropout, keep_prob = 0.86   |  86.67 % |  83.67 % |     86.67 % |    83.67 %")
                .contains("overfit: [2, 32, 32, 1]      train cost 0.0238, accuracy 100.00 % | validation cost 1.1369")
                .contains("two predictions differ by 0.0")
                .contains("best epoch 6 (from 0, as DLS counts): validation cost 0.3276")
                .contains("restored weights on the validation set: cost 0.3276");
    }
}
