package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The losses lesson's key numbers: the deck's worked example and Keras's documented values. */
class LossesLessonTests {

    private static RecordingSink recording;

    @BeforeAll
    static void runTheLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new LossesLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
    }

    @Test
    void listsTheNineLossesInTheDecksThreeGroups() {
        String printed = recording.steps().get(0).printed();
        assertThat(printed).containsSubsequence("Regression", "mean_squared_error", "mean_squared_logarithmic_error",
                "mean_absolute_error", "Binary Classification", "binary_crossentropy", "hinge", "squared_hinge",
                "Multi-Class Classification", "categorical_crossentropy", "sparse_categorical_crossentropy",
                "kl_divergence");
    }

    @Test
    void reproducesTheGoToClassExampleOfTheIntroToDeepLearningDeck() {
        assertThat(recording.printed()).contains("binary_crossentropy(ŷ = 0.45, y = 1) = 0.798508")
                .contains("e^(−L) = 0.45");
    }

    @Test
    void everyLossMatchesTheValueKerasDocuments() {
        Matcher row = Pattern.compile("(?m)^([a-z_]+)\\s+([0-9.]+)\\s+([0-9.]+)$").matcher(recording.printed());
        int rows = 0;
        while (row.find()) {
            rows++;
            assertThat(Double.parseDouble(row.group(3))).as(row.group(1))
                    .isCloseTo(Double.parseDouble(row.group(2)), within(5e-4));
        }
        assertThat(rows).as("one row per loss").isEqualTo(9);
    }

    @Test
    void klDivergenceIsCrossEntropyMinusTheTargetsEntropy() {
        // H(0.7, 0.15, 0.15) = −0.7 ln 0.7 − 2 · 0.15 ln 0.15 = 0.818808
        assertThat(recording.printed()).contains("cross-entropy = 0.818808 (the entropy of y), KL = 0.000000");
    }

    @Test
    void labelsOutsideALossesDomainAreRejected() {
        assertThat(recording.printed()).contains("binary_crossentropy, y = [0, 1, 2]:\n  binary_crossentropy: ")
                .contains("example 2 has 2.0").contains("example 1 has 3.0");
    }

    @Test
    void drawsEachGroupsLossesAndGradients() {
        assertThat(recording.plots()).extracting(Plot::name).containsExactly("regression-losses",
                "regression-gradients", "binary-losses", "binary-gradients", "multi-class-losses",
                "multi-class-gradients");
    }
}
