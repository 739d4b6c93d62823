package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.lessons.LessonSource;
import dev.backprop.lessons.LessonSource.StepSource;
import dev.backprop.notebooks.Notebook.Cell;
import dev.backprop.notebooks.Notebook.Code;
import dev.backprop.notebooks.Notebook.Image;
import dev.backprop.notebooks.Notebook.Markdown;
import dev.backprop.notebooks.Notebook.Stream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook of a lesson that is not one of the workshop's, cell by cell; and what a failing lesson leaves. */
class LessonNotebookTests {

    @Test
    void readsLikeTheLessonHeadingSetupThenExplanationAndCodeForEveryStep() throws Exception {
        List<Cell> cells = LessonNotebook.of(new ShortLesson()).cells();
        List<StepSource> sources = LessonSource.stepSources(new ShortLesson());

        assertThat(cells).hasSize(2 + 2 * 3);
        assertThat(cells.get(0)).isInstanceOfSatisfying(Markdown.class, title -> {
            assertThat(title.id()).isEqualTo("short-title");
            assertThat(title.source()).startsWith("# Lesson 42 · A short lesson\n\n")
                    .contains("`ShortLesson.java`", "`./workshop run short`", "`./workshop kernel install`");
        });
        assertThat(cells.get(1)).isInstanceOfSatisfying(Code.class, setup -> {
            assertThat(setup.id()).isEqualTo("short-setup");
            assertThat(setup.executionCount()).isEqualTo(1);
            assertThat(setup.outputs()).isEmpty();
        });
        assertThat(cells.get(2)).isEqualTo(new Markdown("short-01-text", "## 42.1 Print, plot, print\n\n"
                + "Squares: $y = x^2$."));
        for (int step = 1; step <= 3; step++) {
            Code code = (Code) cells.get(1 + 2 * step);
            assertThat(code.id()).isEqualTo(String.format("short-%02d-code", step));
            assertThat(code.executionCount()).as("the setup cell runs first").isEqualTo(step + 1);
            assertThat(code.source()).isEqualTo(sources.get(step - 1).code());
        }
        assertThat(((Code) cells.get(3)).source()).startsWith("log.println(\"one\");").endsWith("log.printf(\"three = %d\", square(3) - 6);");
        assertThat(((Code) cells.get(7)).outputs()).as("a step that prints nothing has no outputs").isEmpty();
    }

    @Test
    void theSetupCellHasTheLessonsImportsItsHelpersAsTopLevelMethodsAndTheLog() throws Exception {
        Code setup = (Code) LessonNotebook.of(new ShortLesson()).cells().get(1);

        assertThat(setup.source()).contains("import dev.backprop.lessons.Charts;\n",
                        "import org.knowm.xchart.XYChart;\n", "import dev.backprop.notebooks.*;\n",
                        "import dev.backprop.kernel.Jupyter;\n")
                .contains("/** x squared, a helper the steps call. */\nint square(int x) {")
                .doesNotContain("private", "static")
                .endsWith("LessonLog log = Jupyter.log(new ShortLesson());");
    }

    @Test
    void outputsKeepTheOrderTheStepProducedThemIn() throws Exception {
        Code first = (Code) LessonNotebook.of(new ShortLesson()).cells().get(3);

        assertThat(first.outputs()).hasSize(3);
        assertThat(first.outputs().get(0)).isEqualTo(new Stream("one\ntwo\n"));
        assertThat(first.outputs().get(1)).isInstanceOf(Image.class);
        Image image = (Image) first.outputs().get(1);
        assertThat(image.description()).isEqualTo("<squares: \"Squares\", 800×600 PNG>");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.png())).getWidth()).isEqualTo(800);
        assertThat(first.outputs().get(2)).isEqualTo(new Stream("three = 3\n"));
    }

    @Test
    void anElapsedTimeIsLeftOutAndTheIntroductionSaysSo() throws Exception {
        Notebook notebook = LessonNotebook.of(new ShortLesson());

        assertThat(((Code) notebook.cells().get(5)).outputs())
                .containsExactly(new Stream("3 iterations on cpu in [elapsed time omitted]\n"));
        assertThat(((Markdown) notebook.cells().get(0)).source()).contains("Elapsed times are left out");
    }

    @Test
    void aFailingLessonLeavesNoNotebookAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LessonNotebook.write(new FailingLesson(), dir))
                .isInstanceOf(IllegalStateException.class).hasMessage("planted failure in step 2");

        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aFailingLessonLeavesTheNotebookOfAnEarlierExportAsItWas(@TempDir Path dir) throws Exception {
        Path earlier = dir.resolve(LessonNotebook.fileName(new FailingLesson()));
        Files.writeString(earlier, "the earlier notebook");

        assertThatThrownBy(() -> LessonNotebook.write(new FailingLesson(), dir)).isInstanceOf(IllegalStateException.class);

        assertThat(files(dir)).containsExactly(earlier);
        assertThat(Files.readString(earlier)).isEqualTo("the earlier notebook");
    }

    @Test
    void writesTheWholeNotebookAndNothingElse(@TempDir Path dir) throws Exception {
        Path file = LessonNotebook.write(new ShortLesson(), dir);

        assertThat(file).isEqualTo(dir.resolve("42-short.ipynb"));
        assertThat(files(dir)).containsExactly(file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo(LessonNotebook.of(new ShortLesson()).toIpynb());
    }

    @Test
    void stepsThatRanButAreNotInTheSourceAreAnError() {
        assertThatThrownBy(() -> LessonNotebook.of(new LoopLesson())).isInstanceOf(IllegalStateException.class)
                .hasMessage("loop ran 2 steps but its source has 1 log.step(...) calls");
    }

    private static List<Path> files(Path dir) throws Exception {
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
