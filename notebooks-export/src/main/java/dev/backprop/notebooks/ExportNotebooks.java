package dev.backprop.notebooks;

import dev.backprop.core.data.AtomicFiles;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.Grader;
import dev.backprop.exercises.Workspace;
import dev.backprop.exercises.sets.Sets;
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
 * {@code notebooks}); with no lesson named (or {@code all}), every lesson, and every exercise set's worksheet and
 * answer key ({@link WorksheetFiles}). An output folder that cannot be written, or a lesson that fails, is reported
 * in one line and exits with 1. A failed lesson leaves no notebook behind (and an earlier one as it was), and the
 * others are still written. With {@code --html}, each lesson's notebook also becomes {@code DIR/NN-name.html}, whose
 * formulas render offline (see {@link NotebookHtml}).
 */
@Command(name = "notebooks", sortOptions = false,
        description = "Write lessons as Jupyter notebooks: each step's explanation, its Java code, and what it "
                + "printed and plotted. With no lesson named, also every exercise set as a worksheet that runs in "
                + "the workshop's kernel, DIR/worksheets/NN-set.ipynb, and its answer key, "
                + "DIR/answer-keys/NN-set.ipynb.",
        footer = {"", "Examples:", "  ./workshop notebooks", "  ./workshop notebooks planar 3 --out /tmp/nb",
            "  ./workshop notebooks --html", "      (needs: apt-get install jupyter-nbconvert libjs-mathjax)",
            "Notebooks and worksheets run in the kernel \"Java (Backprop Workshop)\":",
            "  ./workshop kernel install"})
public final class ExportNotebooks implements Callable<Integer> {

    private final List<Lesson> catalog;
    private final List<ExerciseSet> worksheets;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LESSON", arity = "0..*",
            description = "A lesson's number or name, or 'all' (the default: every lesson).")
    List<String> lessonNames = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", converter = Workshop.Folder.class,
            description = "Where the notebooks go: DIR/NN-name.ipynb (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("notebooks");

    @Option(names = "--html", description = "Also write DIR/NN-name.html with nbconvert, its formulas drawn by a copy "
            + "of MathJax in DIR/mathjax, so the pages need no network. Needs Debian's jupyter-nbconvert and "
            + "libjs-mathjax.")
    boolean html;

    /** Exports the workshop's lessons, and its exercise sets as worksheets. */
    public ExportNotebooks() {
        this(Lessons.all(), Sets.all());
    }

    /** Exports lessons chosen from {@code catalog}, and no worksheets. */
    ExportNotebooks(List<Lesson> catalog) {
        this(catalog, List.of());
    }

    /** Exports lessons chosen from {@code catalog}, and (when every lesson is) the sets' worksheets. */
    ExportNotebooks(List<Lesson> catalog, List<ExerciseSet> worksheets) {
        this.catalog = List.copyOf(catalog);
        this.worksheets = List.copyOf(worksheets);
    }

    /** Runs {@code ./workshop notebooks ARGS} on lessons from {@code catalog}; returns the exit code. */
    static int execute(String[] args, List<Lesson> catalog, PrintStream out, PrintStream err) {
        return execute(args, catalog, List.of(), out, err);
    }

    /** As {@link #execute(String[], List, PrintStream, PrintStream)}, with these sets' worksheets. */
    static int execute(String[] args, List<Lesson> catalog, List<ExerciseSet> worksheets, PrintStream out,
                       PrintStream err) {
        return Workshop.execute(new ExportNotebooks(catalog, worksheets), args, out, err);
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
            WorksheetFiles.removeOrphans(out);
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
                // a file that cannot be written is not the lesson's failure
                Workshop.failed(spec, (e instanceof IOException ? "the notebook of lesson " + lesson.name()
                        + " could not be written" : "lesson " + lesson.name() + " failed, no notebook written"), e);
            }
        }
        List<ExerciseSet> sets = worksheets();
        Grader grader = sets.isEmpty() ? null : new Grader(Workspace.current());
        for (ExerciseSet set : sets) {
            try {
                for (Path file : WorksheetFiles.write(grader, set, out)) {
                    stdout.printf("wrote %s (%d bytes)%n", file, Files.size(file));
                }
                stdout.flush();
            } catch (Exception | Error e) {
                failures++;
                Workshop.failed(spec, (e instanceof IOException ? "the worksheet " + set.name()
                        + " could not be written" : "worksheet " + set.name() + " failed, no notebook written"), e);
            }
        }
        return failures == 0 ? 0 : 1;
    }

    /** The lessons named on the command line; every lesson when none is. */
    List<Lesson> lessons() {
        return lessonNames.isEmpty() ? catalog : Workshop.chooseLessons(spec, lessonNames, catalog);
    }

    /** The sets whose worksheets are written: all of them when every lesson is, none when some lessons are named. */
    List<ExerciseSet> worksheets() {
        return lessonNames.isEmpty() || lessonNames.contains("all") ? worksheets : List.of();
    }
}
