package dev.backprop.lessons;

import static dev.backprop.lessons.EvaluationLessonTests.number;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.data.Idx;
import dev.backprop.core.data.LabeledData;
import dev.backprop.core.data.Mnist;
import dev.backprop.core.data.TrainTest;
import dev.backprop.core.matrix.Backends;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The MNIST lesson's key numbers on the bundled digits, and {@code --data DIR}. */
class MnistLessonTests {

    private static RecordingSink recording;
    private static String printed;

    @BeforeAll
    static void runLesson() throws Exception {
        recording = new RecordingSink();
        LessonRunner.run(new MnistLesson(), List.of(recording), Backends.cpu());
        printed = recording.printed();
    }

    @Test
    void theBundledDigitsAreSplitIntoTrainingValidationAndTest() {
        assertThat(recording.failure()).isNull();
        assertThat(printed).contains("The bundled MNIST digits").contains("X_train (784, 7000), Y_train (10, 7000)")
                .contains("X_val   (784, 1000), X_test (784, 2000)");
    }

    @Test
    void theUntrainedNetworkCostsAboutLogTen() {
        double one = number(printed, "cross-entropy −log a_y = ([0-9.]+)");
        double all = number(printed, "cost over all 7000 training digits: ([0-9.]+)");
        assertThat(one).isBetween(1.5, 3.5);
        assertThat(all).as("ten near-equal guesses: log 10 = 2.3026").isBetween(2.2, 2.45);
    }

    @Test
    void trainingPrintsAProgressLinePerEpochAndReachesSklearnsAccuracy() {
        for (int epoch = 1; epoch <= MnistLesson.EPOCHS; epoch++) {
            assertThat(printed).contains("Epoch " + epoch + "/" + MnistLesson.EPOCHS + " - loss: ");
        }
        double test = number(printed, "Test accuracy: ([0-9.]+) %");
        assertThat(test).as("64 hidden units, 4 epochs of Adam").isGreaterThan(92);
        assertThat(printed).contains("weighted avg");
    }

    @Test
    void everyChartIsDrawnAndTheSpeedIsMeasured() {
        assertThat(recording.plots()).extracting(Plot::name).containsExactly("first-digits", "loss-curves",
                "accuracy-curves", "confusion-matrix", "misclassified", "first-layer-weights");
        assertThat(printed).containsPattern("training: \\d+ examples per second; prediction: \\d+ examples per second");
    }

    @Test
    void runWithDataReadsTheMnistFilesOfThatFolder(@TempDir Path data, @TempDir Path out) throws IOException {
        TrainTest bundled = Mnist.bundled();
        write(data, "train", bundled.train(), 320);
        write(data, "t10k", bundled.test(), 80);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setOut(new java.io.PrintWriter(new PrintStream(stdout, true, StandardCharsets.UTF_8), true));

        int exit = cli.execute("mnist", "--data", data.toString(), "--out", out.toString());

        String console = stdout.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(console).isZero();
        assertThat(console).contains("Read from " + data).contains("X_train (784, 280), Y_train (10, 280)")
                .contains("X_val   (784, 40), X_test (784, 80)");
    }

    @Test
    void runWithDataOfOtherImagesSaysSoBeforeTraining(@TempDir Path data, @TempDir Path out) throws IOException {
        for (String prefix : new String[] {"train", "t10k"}) {
            Idx.write(data.resolve(prefix + "-images-idx3-ubyte"), new int[] {4, 2, 2}, new byte[16]);
            Idx.write(data.resolve(prefix + "-labels-idx1-ubyte"), new int[] {4}, new byte[] {0, 1, 2, 3});
        }
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setOut(new java.io.PrintWriter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                true));
        cli.setErr(new java.io.PrintWriter(new PrintStream(stderr, true, StandardCharsets.UTF_8), true));

        assertThat(cli.execute("mnist", "--data", data.toString(), "--out", out.toString())).isNotZero();
        // before: "lesson mnist failed: ArrayIndexOutOfBoundsException: Index 4 out of bounds for length 4"
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(data + ": train-images-idx3-ubyte, byte 8:"
                + " images of 2x2; this lesson reads MNIST's 28x28").doesNotContain("Exception");
    }

    /** The first m examples of {@code part} as MNIST's two files, {@code PREFIX-images-idx3-ubyte} and labels. */
    private static void write(Path dir, String prefix, LabeledData part, int m) throws IOException {
        double[][] X = part.X().columns(0, m).T().toArray2D();
        byte[] pixels = new byte[m * 784];
        byte[] labels = new byte[m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) Math.round(X[i][p]);
            }
            labels[i] = (byte) part.labels()[i];
        }
        Idx.write(dir.resolve(prefix + "-images-idx3-ubyte"), new int[] {m, 28, 28}, pixels);
        Idx.write(dir.resolve(prefix + "-labels-idx1-ubyte"), new int[] {m}, labels);
        assertThat(Files.exists(dir.resolve(prefix + "-images-idx3-ubyte"))).isTrue();
    }
}
