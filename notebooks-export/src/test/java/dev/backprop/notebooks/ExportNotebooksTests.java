package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.sets.Sets;
import dev.backprop.lessons.Lesson;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, on a catalog of test lessons: what it writes, and one line and an exit code for each mistake. */
class ExportNotebooksTests {

    private static final List<Lesson> CATALOG = List.of(new ShortLesson(), new FailingLesson());

    /** What a run printed and returned. */
    record Result(int exitCode, String out, String err) {
    }

    private static Result export(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExportNotebooks.execute(args, CATALOG, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void writesTheLessonsNamedByNameOrNumber(@TempDir Path dir) throws Exception {
        Result byName = export("--out", dir.toString(), "short");
        Result byNumber = export("42", "--out", dir.resolve("again").toString());

        assertThat(byName.exitCode()).isZero();
        assertThat(byName.err()).isEmpty();
        assertThat(byName.out()).matches("wrote .*42-short\\.ipynb \\(\\d+ bytes\\)\\R");
        assertThat(byNumber.exitCode()).isZero();
        assertThat(files(dir.resolve("again"))).containsExactly(dir.resolve("again/42-short.ipynb"));
        assertThat(Files.mismatch(dir.resolve("42-short.ipynb"), dir.resolve("again/42-short.ipynb"))).isEqualTo(-1);
    }

    private static ExportNotebooks parse(String... args) {
        ExportNotebooks command = new ExportNotebooks(CATALOG);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void withNoLessonNamedExportsEveryLessonIntoNotebooks() {
        ExportNotebooks options = parse();

        assertThat(options.lessons()).isEqualTo(CATALOG);
        assertThat(options.out).isEqualTo(Path.of("notebooks"));
        assertThat(parse("all", "short").lessons()).isEqualTo(CATALOG);
    }

    @Test
    void withEveryLessonTheWorksheetsAndAnswerKeysAreWrittenTooButNotWithSomeLessons(@TempDir Path dir)
            throws Exception {
        List<ExerciseSet> evaluation = List.of(Sets.find("evaluation"));
        System.setProperty("backprop.exercises.dir", Path.of("../exercises").toAbsolutePath().normalize().toString());
        try {
            Result every = exportWithWorksheets(evaluation, "--out", dir.resolve("every").toString());
            Result some = exportWithWorksheets(evaluation, "--out", dir.resolve("some").toString(), "short");

            assertThat(every.exitCode()).as(every.err()).isZero();
            assertThat(every.out()).contains("worksheets" + File.separator + "08-evaluation.ipynb (",
                    "answer-keys" + File.separator + "08-evaluation.ipynb (");
            try (Stream<Path> files = Files.walk(dir.resolve("every"))) {
                assertThat(files.filter(Files::isRegularFile).map(f -> dir.resolve("every").relativize(f).toString())
                        .sorted()).containsExactly("42-short.ipynb", "answer-keys/08-evaluation.ipynb",
                        "worksheets/08-evaluation.ipynb");
            }
            assertThat(some.exitCode()).isZero();
            assertThat(dir.resolve("some/worksheets")).doesNotExist();
        } finally {
            System.clearProperty("backprop.exercises.dir");
        }
    }

    @Test
    void aWorksheetThatCannotBeWrittenIsReportedInOneLine(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("answer-keys/08-evaluation.ipynb/a-folder-in-the-way"));
        System.setProperty("backprop.exercises.dir", Path.of("../exercises").toAbsolutePath().normalize().toString());
        try {
            Result result = exportWithWorksheets(List.of(Sets.find("evaluation")), "--out", dir.toString(), "all");

            assertThat(result.exitCode()).isEqualTo(1);
            // before: "worksheet evaluation failed, no notebook written", as if the worksheet had failed
            assertThat(result.err()).startsWith("workshop: the worksheet evaluation could not be written: ")
                    .contains("08-evaluation.ipynb: is a folder, not a file").hasLineCount(1);
        } finally {
            System.clearProperty("backprop.exercises.dir");
        }
    }

    private static Result exportWithWorksheets(List<ExerciseSet> sets, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ExportNotebooks.execute(args, List.of(new ShortLesson()), sets,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLessonThatFailsIsReportedInOneLineAndTheOthersAreStillWritten(@TempDir Path dir) throws Exception {
        Result result = export("--out", dir.toString(), "failing", "short");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("workshop: lesson failing failed, no notebook written: "
                + "planted failure in step 2 (run with --debug for the stack trace)" + System.lineSeparator());
        assertThat(files(dir)).containsExactly(dir.resolve("42-short.ipynb"));
    }

    @Test
    void aNotebookLeftHalfWrittenByAKilledExportIsRemovedByTheNextOne(@TempDir Path dir) throws Exception {
        Path orphan = Files.writeString(dir.resolve(".42-short.ipynb.tmp-99999999"), "{\"cells\": [");

        assertThat(export("--out", dir.toString(), "short").exitCode()).isZero();

        assertThat(orphan).doesNotExist();
        assertThat(files(dir)).containsExactly(dir.resolve("42-short.ipynb"));
    }

    @Test
    void aNotebookThatCannotBeWrittenSaysWhichAndWhyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("42-short.ipynb/a-folder-in-the-way"));

        Result result = export("--out", dir.toString(), "short");

        assertThat(result.exitCode()).isEqualTo(1);
        // before: "lesson short failed, no notebook written", though the lesson ran
        assertThat(result.err()).startsWith("workshop: the notebook of lesson short could not be written: "
                + dir.resolve("42-short.ipynb") + ": is a folder, not a file").hasLineCount(1);
        assertThat(files(dir)).containsExactly(dir.resolve("42-short.ipynb"));
    }

    @Test
    void anUnknownLessonIsAUsageErrorInOneLine(@TempDir Path dir) throws Exception {
        Result result = export("--out", dir.resolve("nb").toString(), "short", "nosuch");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("workshop: unknown lesson 'nosuch' (./workshop list shows them)")
                .hasLineCount(1);
        assertThat(dir.resolve("nb")).as("nothing is written").doesNotExist();
    }

    @Test
    void anUnknownOptionOrAMissingFolderIsAUsageError() {
        assertThat(export("--show")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("workshop: unknown option '--show'").hasLineCount(1);
        });
        assertThat(export("short", "--out")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).startsWith("workshop: missing required parameter for option '--out'").hasLineCount(1);
        });
        assertThat(export("short", "--out", "-x")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("'-x' looks like an option, not a folder").hasLineCount(1);
        });
        assertThat(export("--help")).satisfies(r -> {
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).startsWith("Usage: notebooks").contains("--out=DIR");
        });
    }

    @Test
    void anOutputFolderThatIsAFileIsAnErrorInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        Result result = export("--out", file.toString(), "short");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("workshop: cannot write to the output folder " + file + ": " + file
                + " exists and is not a folder" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anOutputFolderInsideAFileIsAnErrorInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

        Result result = export("--out", file.resolve("notebooks").toString(), "short");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("workshop: cannot write to the output folder " + file.resolve("notebooks"))
                .hasLineCount(1);
    }

    @Test
    void aReadOnlyOutputFolderIsAnErrorInOneLine(@TempDir Path dir) throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(readOnly), "the user can write anywhere (root)");

            Result result = export("--out", readOnly.toString(), "short");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("workshop: cannot write to the output folder " + readOnly
                    + ": permission denied" + System.lineSeparator());
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }
}
