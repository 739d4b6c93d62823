package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.exercises.WorksheetNotebook;
import dev.backprop.exercises.sets.Sets;
import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonSource;
import dev.backprop.lessons.LessonSource.StepSource;
import dev.backprop.lessons.Lessons;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workshop lesson and every exercise set's worksheet exported twice with {@code ./workshop notebooks}: each
 * notebook is valid nbformat 4.5, a lesson's shows its own step sources with their outputs, and the second export is
 * byte for byte the first.
 */
class ExportedLessonsTests {

    @TempDir
    static Path first;
    @TempDir
    static Path second;

    @BeforeAll
    static void exportEveryLessonAndWorksheetTwice() {
        // the exercise sources, which ./workshop finds through this property
        System.setProperty("backprop.exercises.dir", Path.of("../exercises").toAbsolutePath().normalize().toString());
        try {
            for (Path dir : List.of(first, second)) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = ExportNotebooks.execute(new String[] {"--out", dir.toString()}, Lessons.all(), Sets.all(),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                assertThat(code).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
            }
        } finally {
            System.clearProperty("backprop.exercises.dir");
        }
    }

    static Stream<Arguments> lessons() {
        return Lessons.all().stream().map(Arguments::of);
    }

    /** Each set's worksheet and answer key, as {@code worksheets/01-activations.ipynb}. */
    static Stream<String> worksheets() {
        return Stream.of(WorksheetFiles.WORKSHEETS, WorksheetFiles.ANSWER_KEYS)
                .flatMap(dir -> Sets.all().stream().map(set -> dir + "/" + WorksheetNotebook.fileName(set)));
    }

    @Test
    void writesOneNotebookPerLessonNamedByNumberAndName() throws Exception {
        try (Stream<Path> files = Files.list(first)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted())
                    .containsExactlyElementsOf(Lessons.all().stream().map(LessonNotebook::fileName).sorted().toList())
                    .contains("01-tensors.ipynb", "05-planar.ipynb");
        }
    }

    @Test
    void writesEachSetsWorksheetAndAnswerKeyBesideTheLessons() throws Exception {
        for (String dir : List.of("worksheets", "answer-keys")) {
            try (Stream<Path> files = Files.list(first.resolve(dir))) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted()).as(dir)
                        .hasSize(Sets.all().size()).startsWith("01-activations.ipynb", "02-two-layer.ipynb");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worksheets")
    void aWorksheetIsValidNbformat45SavedAsJupyterSavesItAndTheSameAtTheSecondExport(String name) throws Exception {
        String worksheet = Files.readString(first.resolve(name));

        assertThat(Nbformat.problems(worksheet)).isEmpty();
        assertThat(Json.write(Nbformat.parse(worksheet)) + "\n").as("Jupyter's own layout").isEqualTo(worksheet);
        assertThat(Files.mismatch(first.resolve(name), second.resolve(name))).as(name).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void isValidNbformat45(Lesson lesson) throws Exception {
        assertThat(Nbformat.problems(Files.readString(first.resolve(LessonNotebook.fileName(lesson))))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void aSecondExportIsByteForByteTheFirst(Lesson lesson) throws Exception {
        String name = LessonNotebook.fileName(lesson);
        assertThat(Files.mismatch(first.resolve(name), second.resolve(name))).as(name).isEqualTo(-1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void showsEachStepsOwnSourceWithItsOutputsAndPlots(Lesson lesson) throws Exception {
        Map<?, ?> notebook = (Map<?, ?>) Nbformat.parse(Files.readString(first.resolve(LessonNotebook.fileName(lesson))));
        List<Map<?, ?>> code = new ArrayList<>();
        for (Object cell : (List<?>) notebook.get("cells")) {
            if (((Map<?, ?>) cell).get("cell_type").equals("code")) {
                code.add((Map<?, ?>) cell);
            }
        }
        List<StepSource> sources = LessonSource.stepSources(lesson);

        assertThat(code).hasSize(1 + sources.size());
        assertThat(String.join("", strings(code.get(0).get("source")))).as("the setup cell")
                .isEqualTo(LessonNotebook.setup(lesson));
        int images = 0;
        for (int k = 1; k < code.size(); k++) {
            assertThat(String.join("", strings(code.get(k).get("source")))).isEqualTo(sources.get(k - 1).code());
            assertThat(code.get(k).get("execution_count")).isEqualTo((long) k + 1);
            for (Object output : (List<?>) code.get(k).get("outputs")) {
                Map<?, ?> data = (Map<?, ?>) ((Map<?, ?>) output).get("data");
                if (data != null) {
                    images++;
                    BufferedImage png = ImageIO.read(new ByteArrayInputStream(
                            Base64.getDecoder().decode((String) data.get("image/png"))));
                    assertThat(png.getWidth()).isEqualTo(800);
                    // every figure is 800 wide; a grid of panels is taller than 600
                    assertThat(String.join("", strings(data.get("text/plain")))).matches("(?s).*800×\\d+ PNG>");
                }
            }
        }
        assertThat(images).as("plots").isPositive();
        assertThat(((Map<?, ?>) notebook.get("metadata")).get("kernelspec"))
                .isEqualTo(Map.of("name", "backprop-workshop", "display_name", "Java (Backprop Workshop)",
                        "language", "java"));
    }

    @Test
    void planarShowsTheWorkshopsCostsAndAccuracy() throws Exception {
        String planar = Files.readString(first.resolve("05-planar.ipynb"));

        assertThat(planar).contains("\"Cost after iteration 1000: 0.288083\\n\"", "\"Accuracy: 90.50 %\\n\"",
                "\"## 5.5 Forward propagation\\n\"", "\"Parameters trained = TwoLayerNetwork.nnModel(");
    }

    private static List<String> strings(Object lines) {
        List<String> strings = new ArrayList<>();
        for (Object line : (List<?>) lines) {
            strings.add((String) line);
        }
        return strings;
    }
}
