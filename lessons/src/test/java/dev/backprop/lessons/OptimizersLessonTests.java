package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimizers lesson reproduces the Deep Learning Specialization's make_moons accuracies (gradient descent and
 * momentum 71.67 %, Adam 94.33 %) and the numpy reference's learning-rate-decay runs (65.33 %, 94.33 %).
 */
class OptimizersLessonTests {

    @Test
    void theDlsRunsAndTheDecayRunsReachTheirPublishedAccuracies() throws Exception {
        RecordingSink recording = new RecordingSink();
        LessonRunner.run(new OptimizersLesson(), List.of(recording), Backends.cpu());

        assertThat(recording.failure()).isNull();
        assertThat(recording.printed())
                .contains("gd       accuracy 71.67 %   (DLS: 71.67 %)")
                .contains("momentum accuracy 71.67 %   (DLS: 71.67 %)")
                .contains("adam     accuracy 94.33 %   (DLS: 94.33 %)")
                .contains("gd + update_lr          accuracy 65.33 %")
                .contains("gd + schedule_lr_decay  accuracy 94.33 %")
                .contains("Adam α=0.05             after 2000 steps: w = (  1.0000,   1.0000), J = 0.000000")
                .contains("SGD α=0.9               after   80 steps: w = ( -2.1046,   0.0000)");
    }
}
