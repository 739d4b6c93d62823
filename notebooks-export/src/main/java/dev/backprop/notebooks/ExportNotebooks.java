package dev.backprop.notebooks;

import dev.backprop.lessons.AtomicFiles;
import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.Lessons;
import dev.backprop.lessons.Workshop;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./workshop notebooks}: writes one notebook per lesson, {@code DIR/NN-name.ipynb} ({@code DIR} defaults to
 * {@code notebooks}); with no lesson named, every lesson. An output folder that cannot be written, or a lesson that
 * fails, is reported in one line and exits with 1. A failed lesson leaves no notebook behind (and an earlier one as it
 * was), and the others are still written. With {@code --html}, each notebook also becomes {@code DIR/NN-name.html},
 * whose formulas render offline (see {@link NotebookHtml}).
 */
@Command(name = "notebooks", sortOptions = false,
        description = "Write lessons as Jupyter notebooks: each step's explanation, its Java code, and what it "
                + "printed and plotted.",
        footer = {"", "Examples:", "  ./workshop notebooks", "  ./workshop notebooks planar 3 --out /tmp/nb",
            "  ./workshop notebooks --html    (needs: apt-get install jupyter-nbconvert libjs-mathjax)"})
public final class ExportNotebooks implements Callable<Integer> {

    private final List<Lesson> catalog;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LESSON", arity = "0..*",
            description = "A lesson's number or name, or 'all' (the default: every lesson).")
    List<String> lessonNames = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", converter = Workshop.OutputFolder.class,
            description = "Where the notebooks go: DIR/NN-name.ipynb (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("notebooks");

    @Option(names = "--html", description = "Also write DIR/NN-name.html with nbconvert, its formulas drawn by a copy "
            + "of MathJax in DIR/mathjax, so the pages need no network. Needs Debian's jupyter-nbconvert and "
            + "libjs-mathjax.")
    boolean html;

    /** Exports the workshop's lessons. */
    public ExportNotebooks() {
        this(Lessons.all());
    }

    /** Exports lessons chosen from {@code catalog}. */
    ExportNotebooks(List<Lesson> catalog) {
        this.catalog = List.copyOf(catalog);
    }

    /** Runs {@code ./workshop notebooks ARGS} on lessons from {@code catalog}; returns the exit code. */
    static int execute(String[] args, List<Lesson> catalog, PrintStream out, PrintStream err) {
        return Workshop.execute(new ExportNotebooks(catalog), args, out, err);
    }

    @Override
    public Integer call() {
        List<Lesson> lessons = lessons();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> unwritable = Workshop.prepareOutputFolder(out);
        if (unwritable.isPresent()) {
            err.println("workshop: cannot write to the output folder " + out + ": " + unwritable.get());
            return 1;
        }
        try {
            AtomicFiles.removeOrphans(out);
        } catch (IOException e) {
            err.println("workshop: cannot clean up " + out + ": " + Workshop.reason(e));
            return 1;
        }
        String python = NotebookHtml.python();
        if (html) {
            Optional<String> missing = NotebookHtml.missing(python);
            if (missing.isPresent()) {
                err.println("workshop: --html: " + missing.get());
                return 1;
            }
            try {
                NotebookHtml.copyMathJax(out);
            } catch (IOException e) {
                err.println("workshop: --html: cannot copy MathJax into " + out + ": " + Workshop.reason(e));
                return 1;
            }
        }
        int failures = 0;
        for (Lesson lesson : lessons) {
            try {
                Path file = LessonNotebook.write(lesson, out);
                stdout.printf("wrote %s (%d bytes)%n", file, Files.size(file));
                if (html) {
                    Path page = NotebookHtml.write(file, python);
                    stdout.printf("wrote %s (%d bytes)%n", page, Files.size(page));
                }
                stdout.flush();
            } catch (Exception | Error e) {
                failures++;
                Workshop.failed(spec, "lesson " + lesson.name() + " failed, no notebook written", e);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The lessons named on the command line; every lesson when none is. */
    List<Lesson> lessons() {
        return lessonNames.isEmpty() ? catalog : Workshop.chooseLessons(spec, lessonNames, catalog);
    }
}
