package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every lesson headless and checks it finishes, prints its key numbers and draws real pictures. */
class LessonsTests {

    /** The numbers each lesson must print, as the issue and the seeds give them. */
    private static final Map<String, List<String>> KEY_NUMBERS = Map.of(
            "tensors", List.of("C[0][0] = (1*1) + (2*3) + (3*2) = 13", "[[13. 27.]\n [11. 17.]]", "shape (3, 2, 5)",
                    "[[1. 0. 0. 0. 0.]"),
            "neuron", List.of("= 2.6", "σ(2.6) = 0.930862 ≈ 0.93", "XOR with one hidden tanh layer of 4 units:      100 %"),
            "forward", List.of("= 0.6986 (exactly 0.6986000000000001), ≈ 0.7", "ŷ = σ(z2) = 0.45", "= 0.798508",
                    "Z1 = W1·X + b1 (4, 4)"),
            "linear-regression", List.of("learned w = 1.000000 ≈ 1, b = 9.999999 ≈ 10"),
            "planar", List.of("The shape of X is: (2, 400)", "Accuracy of logistic regression: 47 %",
                    "Cost after iteration 0: 0.693048", "Cost after iteration 1000: 0.288083",
                    "Cost after iteration 6000: 0.219731", "Accuracy: 90.50 %", "Accuracy for 5 hidden units: 91.25 %"),
            "deep", List.of(" 1 | (16, 2)   | (16, 1) | (16, 400)  | (16, 400)  | relu", "L_model_backward gives the same",
                    "training accuracy: L-layer 91.00 %", "sigmoid  ‖dW^[1]‖ ="),
            "opencl", List.of("sequential: t1 = a+b = 4.0", "kernel void matmul1_naive", "n = 384: CPU in"),
            "matmul", List.of("largest difference from the triple loop: 0\n"));

    static Stream<Arguments> lessons() {
        return Lessons.all().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void lessonRunsHeadlessPrintsItsKeyNumbersAndWritesPngs(Lesson lesson, @TempDir Path out) throws Exception {
        RecordingSink recording = new RecordingSink();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LessonRunner.run(lesson, List.of(recording, new ConsoleSink(new PrintStream(console, true, StandardCharsets.UTF_8)),
                new PngSink(out, null)), Backends.cpu());

        assertThat(recording.failure()).isNull();
        assertThat(recording.steps()).isNotEmpty().allSatisfy(step -> {
            assertThat(step.step().title()).isNotBlank();
            assertThat(step.step().explanation()).isNotBlank();
        });
        for (String number : KEY_NUMBERS.getOrDefault(lesson.name(), List.of())) {
            assertThat(recording.printed()).as("lesson %s prints", lesson.name()).contains(number);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(lesson.title());

        List<Path> pngs;
        try (Stream<Path> files = Files.list(PngSink.lessonDir(out, lesson))) {
            pngs = files.sorted().toList();
        }
        assertThat(pngs).hasSize(recording.plots().size()).isNotEmpty();
        for (Path png : pngs) {
            assertThat(png.getFileName().toString()).matches("step\\d\\d-[a-z0-9-]+\\.png");
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as("%s decodes as an image", png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(distinctColours(image)).as("%s is a real picture", png).isGreaterThan(8);
        }
    }

    private static int distinctColours(BufferedImage image) {
        return (int) java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
                .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
                .distinct().limit(100).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyStepTitleAppearsOnceInTheLessonsSource(Lesson lesson) throws IOException {
        String source = LessonSource.of(lesson);
        RecordingSink recording = new RecordingSink();
        try {
            LessonRunner.run(lesson, List.of(recording), Backends.cpu());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        for (RecordingSink.RecordedStep step : recording.steps()) {
            assertThat(source).contains("log.step(\"" + step.step().title() + "\"");
        }
        assertThat(LessonSource.stepSources(lesson)).hasSize(recording.steps().size());
    }
}
