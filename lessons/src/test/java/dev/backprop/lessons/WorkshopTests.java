package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Workshop.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listShowsEveryLessonWithNumberNameAndTitle() {
        assertThat(run("list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(" 1  tensors")
                .contains(" 5  planar             Planar data classification with one hidden layer");
    }

    @Test
    void unknownLessonIsAOneLineUsageError() {
        assertThat(run("run", "nope")).isEqualTo(2);
        assertThat(errors()).startsWith("workshop: unknown lesson 'nope'").hasLineCount(1);
    }

    @Test
    void unknownOptionAndCommandAreUsageErrors() {
        assertThat(run("run", "planar", "--bogus")).isEqualTo(2);
        assertThat(errors()).startsWith("workshop: unknown option '--bogus'");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("run")).isEqualTo(2);
        assertThat(run("run", "1", "--out")).isEqualTo(2);
        assertThat(run("run", "1", "--backend", "tpu")).isEqualTo(2);
    }

    @Test
    void lessonsAreFoundByNumberOrName() throws Exception {
        assertThat(Workshop.parseRun(new String[] {"run", "3", "linear-regression"}).lessons())
                .extracting(Lesson::name).containsExactly("forward", "linear-regression");
        assertThat(Workshop.parseRun(new String[] {"run", "all"}).lessons()).hasSameSizeAs(Lessons.all());
    }

    @Test
    void runWritesPngsUnderOut(@TempDir Path dir) {
        assertThat(run("run", "forward", "--out", dir.toString())).isZero();
        assertThat(dir.resolve("03-forward/step03-cross-entropy-loss.png")).isNotEmptyFile();
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(run("run", "forward", "--out", file.resolve("sub").toString())).isEqualTo(1);
        assertThat(errors()).startsWith("workshop: cannot create the output folder").hasLineCount(1);
    }

    @Test
    void anUnavailableBackendFallsBackToTheCpuWithAReason() {
        var backend = Workshop.chooseBackend("no-such-backend", new PrintStream(out), new PrintStream(err));
        assertThat(backend.name()).isEqualTo("cpu");
        assertThat(errors()).contains("no backend called 'no-such-backend'").contains("falling back to the CPU");
    }
}
