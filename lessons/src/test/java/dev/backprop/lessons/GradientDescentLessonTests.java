package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gradient-descent lesson against numpy (scripts/gradient_descent_reference.py), number for number. */
class GradientDescentLessonTests {

    private static final LearningReference REF =
            LearningReference.load("/dev/backprop/lessons/gradient_descent_reference.txt");
    private static RecordingSink recording;

    @BeforeAll
    static void runTheLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new GradientDescentLesson(), List.of(recording), Backends.cpu());
        assertThat(recording.failure()).isNull();
    }

    private static String format(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    @Test
    void startsWhereNumpyStartsAndEndsAtTheLeastSquaresMinimum() {
        double[] best = REF.get("least_squares");
        double[] start = REF.get("start");
        assertThat(recording.printed())
                .contains(format("least squares: w0 = %.6f, w1 = %.6f, J = %.6f", best[0], best[1], best[2]))
                .contains(format("random start: w0 = %.6f, w1 = %.6f", start[0], start[1]));
    }

    @Test
    void printsTheCostsNumpyPrints() {
        for (int i = 0; i <= 100; i += 10) {
            assertThat(recording.printed())
                    .contains(format("Cost after iteration %d: %f", i, REF.value("cost_after_" + i)));
        }
    }

    @Test
    void learningRatesCrawlArriveAndDiverge() {
        assertThat(recording.printed()).contains(format("λ_max = %.6f", REF.value("lambda_max")))
                .contains(format("η = 0.02: too small cost after 50 iterations: %f", REF.value("learning_rate_0.02")))
                .contains(format("η = 0.50: right    cost after 50 iterations: %f", REF.value("learning_rate_0.5")))
                .contains(format("η = 1.00: too large cost after 50 iterations: %f", REF.value("learning_rate_1.0")));
        assertThat(REF.value("learning_rate_1.0")).as("η = 1 diverges").isGreaterThan(REF.value("cost_after_0"));
    }

    @Test
    void batchStochasticAndMiniBatchFollowDlsRandomMiniBatches() {
        for (int size : new int[] {100, 1, 16}) {
            double[] r = REF.get("batch_size_" + size);
            assertThat(recording.printed()).contains(format("%5d  %18f  %9f  %9f  %26.6f", (int) r[0], r[1], r[2],
                    r[3], r[4]));
        }
        assertThat(recording.printed()).contains("steps  cost after epoch 1    epoch 5   epoch 20  spread over the last"
                + " epoch");
        assertThat(REF.get("batch_size_1")[4]).as("stochastic is the noisiest")
                .isGreaterThan(REF.get("batch_size_16")[4]);
    }

    @Test
    void drawsTheSurfaceThePathsAndTheCostCurves() {
        assertThat(recording.plots()).extracting(Plot::name).containsExactly("loss-surface", "gradient-descent-path",
                "learning-rates", "learning-rate-costs", "batch-stochastic-mini-batch",
                "batch-stochastic-mini-batch-paths");
    }
}
