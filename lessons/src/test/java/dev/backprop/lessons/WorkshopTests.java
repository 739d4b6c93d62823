package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.core.matrix.Backends;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code list} and {@code run} commands and what every command shares (one-line errors, exit codes, --debug),
 * under a stand-in for the top-level {@code workshop} command, which lives in notebooks-export.
 */
class WorkshopTests {

    @Command(name = "workshop", subcommands = {ListCommand.class, RunCommand.class, Failing.class})
    static final class TopLevel {
    }

    /** A command that fails with whatever it is given. */
    @Command(name = "fail", description = "Fails.")
    static final class Failing implements Callable<Integer> {
        static Throwable planted;

        @Override
        public Integer call() throws Exception {
            if (planted instanceof Exception e) {
                throw e;
            }
            throw (Error) planted;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return execute(new TopLevel(), args);
    }

    private int execute(Object command, String... args) {
        return Workshop.execute(command, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static RunCommand parseRun(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void listShowsEveryLessonWithNumberNameAndTitle() {
        assertThat(run("list")).isZero();
        assertThat(output())
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
        assertThat(errors()).startsWith("workshop: unknown option '--bogus'").hasLineCount(1);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(errors()).contains("workshop: unknown command 'frobnicate'");
        assertThat(run("run")).isEqualTo(2);
        assertThat(run("run", "1", "--out")).isEqualTo(2);
        assertThat(run("run", "1", "--backend", "tpu")).isEqualTo(2);
        assertThat(errors()).contains("'--backend'").contains("'tpu'");
        assertThat(errors().lines()).hasSize(5).allMatch(line -> line.startsWith("workshop: "));
    }

    @Test
    void theReferenceLoopsCanBeChosenByName(@TempDir Path dir) {
        assertThat(run("run", "1", "--backend", "cpu-reference", "--out", dir.toString())).isZero();
        assertThat(output()).contains("Backend: " + dev.backprop.core.matrix.Backends.cpu().description());
    }

    @Test
    void helpDescribesEveryOptionAndExitsWith0() {
        assertThat(run("run", "--help")).isZero();
        assertThat(output()).contains("Usage: workshop run").contains("--out=DIR").contains("--step=N")
                .contains("--pause").contains("--debug").contains("Presentation mode");
        assertThat(errors()).isEmpty();
    }

    @Test
    void lessonsAreFoundByNumberOrName() {
        assertThat(parseRun("3", "linear-regression").lessons())
                .extracting(Lesson::name).containsExactly("forward", "linear-regression");
        assertThat(parseRun("all").lessons()).hasSameSizeAs(Lessons.all());
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
    void anOutValueThatLooksLikeAnOptionOrIsEmptyIsRefusedAndNothingIsCreated(@TempDir Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(run("run", "forward", "--out", "-x")).isEqualTo(2);
        assertThat(run("run", "forward", "--out", "")).isEqualTo(2);
        assertThat(errors().lines()).hasSize(2);
        assertThat(errors()).contains("'-x' looks like an option").contains("an empty folder name");
        assertThat(cwd.resolve("-x")).doesNotExist();
    }

    @Test
    void anOutPathTheSystemCannotUseIsAUsageErrorNotAStackTrace() {
        // a NUL character is refused by every file system, as a non-ASCII name is under LC_ALL=C
        assertThat(run("run", "forward", "--out", "bad\0name")).isEqualTo(2);
        assertThat(errors()).startsWith("workshop: invalid value for option '--out'").contains("not a usable path")
                .hasLineCount(1);
    }

    @Test
    void stepShowsOnlyThatStepOfTheLesson(@TempDir Path dir) {
        assertThat(run("run", "forward", "--step", "3", "--out", dir.toString())).isZero();
        assertThat(output()).contains("3.3 ").doesNotContain("3.1 ").doesNotContain("3.2 ").doesNotContain("3.4 ");
        try (Stream<Path> files = Files.list(dir.resolve("03-forward"))) {
            assertThat(files.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.startsWith("step03-"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aStepTheLessonDoesNotHaveOrStepWithSeveralLessonsIsAUsageError() {
        assertThat(run("run", "forward", "--step", "99")).isEqualTo(2);
        assertThat(errors()).startsWith("workshop: --step 99: lesson forward has steps 1 to ");
        assertThat(run("run", "forward", "neuron", "--step", "1")).isEqualTo(2);
        assertThat(errors().lines()).hasSize(2);
    }

    @Test
    void pauseWaitsForEnterAfterEveryStepWhenStdinIsATerminal(@TempDir Path dir) {
        RunCommand command = new RunCommand();
        command.in = new ByteArrayInputStream("\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        command.inIsTerminal = true;
        int steps = LessonSource.stepSources(Lessons.find("forward").orElseThrow()).size();

        assertThat(execute(command, "forward", "--pause", "--out", dir.toString())).isZero();

        // before: one more wait after the last step, which has no next step
        assertThat(output().split(java.util.regex.Pattern.quote(PauseSink.PROMPT), -1)).hasSize(steps);
        assertThat(output().indexOf(PauseSink.PROMPT)).as("the first wait comes after step 1's output")
                .isGreaterThan(output().indexOf("3.1 ")).isLessThan(output().indexOf("3.2 "));
    }

    @Test
    void pauseWaitsBetweenLessonsButNotAfterTheLastStep(@TempDir Path dir) {
        RunCommand command = new RunCommand();
        command.in = new ByteArrayInputStream("\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        command.inIsTerminal = true;
        int steps = LessonSource.stepSources(Lessons.find("forward").orElseThrow()).size()
                + LessonSource.stepSources(Lessons.find("neuron").orElseThrow()).size();

        assertThat(execute(command, "neuron", "forward", "--pause", "--out", dir.toString())).isZero();

        assertThat(output().split(java.util.regex.Pattern.quote(PauseSink.PROMPT), -1)).hasSize(steps);
        assertThat(output().lastIndexOf(PauseSink.PROMPT)).isLessThan(output().lastIndexOf("3."));
    }

    @Test
    void theClosingLineNamesThePlotsFolderOnlyWhenPlotsWereWritten(@TempDir Path dir) {
        assertThat(run("run", "forward", "--step", "1", "--out", dir.toString())).isZero();
        // before: "…; plots in DIR/03-forward", a folder that was never made
        assertThat(output()).contains("Lesson 3 (forward) finished in ").contains("; step 1 draws no plot")
                .doesNotContain("plots in");
        assertThat(dir.resolve("03-forward")).doesNotExist();
        assertThat(run("run", "forward", "--step", "3", "--out", dir.toString())).isZero();
        assertThat(output()).contains("; plots in " + dir.resolve("03-forward"));
    }

    /** The options scripts/workshop-jvm.sh gives java, with {@code WORKSHOP_JAVA_OPTS} set to {@code userOptions}. */
    private static List<String> launcherOptions(String userOptions) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c",
                "source ../scripts/workshop-jvm.sh && printf '%s\\n' \"${workshop_jvm_options[@]}\"");
        bash.environment().put("WORKSHOP_JAVA_OPTS", userOptions);
        Process p = bash.redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(printed).isZero();
        return printed.lines().toList();
    }

    @Test
    void theLaunchersYoungGenerationGivesWayToAHeapTheUserSizes() throws Exception {
        assertThat(launcherOptions("")).contains("-Xmn64m", "-XX:+UseSerialGC");
        // before: -Xmn64m with -Xmx40m, and the JVM warned about NewSize on every run
        assertThat(launcherOptions("-Xmx40m")).doesNotContain("-Xmn64m").contains("-XX:+UseSerialGC");
        assertThat(launcherOptions("-Dx=1 -Xmn8m")).doesNotContain("-Xmn64m");
        assertThat(launcherOptions("-Dfoo=-Xmx")).contains("-Xmn64m");
    }

    @Test
    void aFolderWhereNoFileCanBeMadeIsSaidSoWithoutNamingTheProbe() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux /proc");
        // before: "no such file or folder: /proc/.write-test.1.tmp-23570", though /proc exists
        assertThat(Workshop.prepareOutputFolder(Path.of("/proc"))).contains("files cannot be created in it");
    }

    @Test
    void dataForLessonsThatReadNoneIsAUsageError(@TempDir Path dir) {
        // before: --data was silently ignored
        assertThat(run("run", "planar", "--data", dir.toString(), "--out", dir.toString())).isEqualTo(2);
        assertThat(errors()).startsWith("workshop: --data " + dir + ": only the mnist lesson reads a data folder")
                .hasLineCount(1);
    }

    @Test
    void pauseWithoutATerminalSaysSoAndDoesNotWait(@TempDir Path dir) {
        RunCommand command = new RunCommand();
        command.in = new ByteArrayInputStream(new byte[0]);
        command.inIsTerminal = false;

        assertThat(execute(command, "forward", "--pause", "--step", "1", "--out", dir.toString())).isZero();

        assertThat(errors()).isEqualTo("workshop: --pause: standard input is not a terminal, so not waiting between "
                + "steps" + System.lineSeparator());
        assertThat(output()).doesNotContain(PauseSink.PROMPT);
    }

    @Test
    void showWithoutADisplaySaysSoInOneLineAndStillWritesThePngs(@TempDir Path dir) {
        assertThat(run("run", "forward", "--step", "3", "--show", "--out", dir.toString())).isZero();
        assertThat(errors()).startsWith("workshop: no display: writing PNGs only").hasLineCount(1);
        assertThat(dir.resolve("03-forward/step03-cross-entropy-loss.png")).isNotEmptyFile();
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithAHintAndExit1() {
        Failing.planted = new IllegalStateException("planted failure");
        assertThat(run("fail")).isEqualTo(1);
        assertThat(errors()).isEqualTo("workshop: fail failed: planted failure (run with --debug for the stack "
                + "trace)" + System.lineSeparator());
    }

    @Test
    void debugPrintsTheStackTrace() {
        Failing.planted = new IllegalStateException("planted failure");
        assertThat(run("fail", "--debug")).isEqualTo(1);
        assertThat(errors()).startsWith("workshop: fail failed: planted failure" + System.lineSeparator())
                .contains("java.lang.IllegalStateException: planted failure")
                .contains("at dev.backprop.lessons.WorkshopTests.debugPrintsTheStackTrace");
    }

    @Test
    void outOfMemoryIsOneLineThatSaysHowToGiveJavaMoreMemory() {
        Failing.planted = new OutOfMemoryError("Matrix (50000, 50000) needs 18.6 GiB");
        assertThat(run("fail")).isEqualTo(1);
        assertThat(errors()).startsWith("workshop: fail failed: out of memory (Matrix (50000, 50000) needs 18.6 GiB)")
                .contains("WORKSHOP_JAVA_OPTS=\"-Xmx8g\"").hasLineCount(1);
    }

    @Test
    void aJdkExceptionWithoutAMessageIsNamedByItsType() {
        Failing.planted = new NullPointerException();
        assertThat(run("fail")).isEqualTo(1);
        assertThat(errors()).startsWith("workshop: fail failed: NullPointerException (run with --debug");
    }

    @Test
    void writeFailuresSayWhy() {
        assertThat(Workshop.reason(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(Workshop.reason(new java.nio.file.FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("is a directory");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "no /dev/full here");
        try {
            Files.write(Path.of("/dev/full"), new byte[1]);
            throw new AssertionError("writing /dev/full succeeded");
        } catch (IOException e) {
            assertThat(Workshop.reason(e)).isEqualTo("no space left on device");
        }
    }

    @Test
    void anUnavailableBackendFallsBackToTheCpuWithAReason() {
        var backend = Workshop.chooseBackend("no-such-backend",
                new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        assertThat(backend).isSameAs(Backends.defaultCpu());
        assertThat(errors()).contains("no backend called 'no-such-backend'").contains("falling back to the CPU");
    }
}
