package dev.backprop.notebooks;

import dev.backprop.core.data.AtomicFiles;
import dev.backprop.core.matrix.Backends;
import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonRunner;
import dev.backprop.lessons.LessonSource;
import dev.backprop.lessons.LessonSource.StepSource;
import dev.backprop.lessons.Step;
import dev.backprop.notebooks.Notebook.Cell;
import dev.backprop.notebooks.Notebook.Code;
import dev.backprop.notebooks.Notebook.Markdown;
import dev.backprop.notebooks.OutputRecorder.RecordedStep;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lesson as a notebook that reads like the lesson: a heading with its number and title, a setup cell, then for
 * every step a Markdown cell (the step's title and explanation) and a code cell with the step's Java source, cut from
 * the lesson's own source file by {@link LessonSource}, whose outputs are what that step printed and plotted when it
 * ran. Works for any {@link Lesson}, not only the workshop's.
 * <p>
 * The notebook runs top to bottom in the workshop's kernel ({@code ./workshop kernel install}): the setup cell holds
 * the lesson file's imports, its helper methods, and the {@code log} every step writes to, which in the kernel prints
 * under the cell and shows plots inline; each step's cell then uses only what the cells above it define.
 */
public final class LessonNotebook {

    private LessonNotebook() {
    }

    /** The file a lesson's notebook is written to, e.g. {@code 05-planar.ipynb}. */
    public static String fileName(Lesson lesson) {
        return String.format("%02d-%s.ipynb", lesson.number(), lesson.name());
    }

    /**
     * Runs {@code lesson} on the CPU backend and returns its notebook.
     *
     * @throws Exception what the lesson threw; or {@link IllegalStateException} when the steps that ran do not match
     *                   the steps in its source
     */
    public static Notebook of(Lesson lesson) throws Exception {
        OutputRecorder recorder = new OutputRecorder();
        LessonRunner.run(lesson, List.of(recorder), Backends.cpu());
        List<RecordedStep> ran = recorder.steps();
        List<StepSource> sources = LessonSource.stepSources(lesson);
        if (ran.size() != sources.size()) {
            throw new IllegalStateException(lesson.name() + " ran " + ran.size() + " steps but its source has "
                    + sources.size() + " log.step(...) calls");
        }
        String id = cellIdPrefix(lesson);
        String heading = "Lesson " + lesson.number() + " · " + lesson.title();
        List<Cell> cells = new ArrayList<>();
        cells.add(new Markdown(id + "-title", "# " + heading + "\n\n" + introduction(lesson, recorder)));
        cells.add(new Code(id + "-setup", 1, setup(lesson), List.of()));
        for (int k = 0; k < ran.size(); k++) {
            Step step = ran.get(k).step();
            StepSource source = sources.get(k);
            if (!source.title().equals(step.title())) {
                throw new IllegalStateException(lesson.name() + ": step " + step.index() + " ran as '" + step.title()
                        + "' but its source says '" + source.title() + "'");
            }
            String number = String.format("%02d", step.index());
            cells.add(new Markdown(id + "-" + number + "-text", "## " + lesson.number() + "." + step.index() + " "
                    + step.title() + "\n\n" + step.explanation()));
            cells.add(new Code(id + "-" + number + "-code", step.index() + 1, source.code(), ran.get(k).outputs()));
        }
        return new Notebook(heading, cells);
    }

    /**
     * Writes the lesson's notebook into {@code dir} and returns the file. The lesson runs first; the notebook is
     * written to a temporary file in {@code dir} and then moved over the old one, so the file is either whole or, when
     * the lesson or the write fails, as it was before.
     */
    public static Path write(Lesson lesson, Path dir) throws Exception {
        return write(of(lesson), dir.resolve(fileName(lesson)));
    }

    /** Writes {@code notebook} to {@code file} through a temporary file beside it and an atomic move. */
    static Path write(Notebook notebook, Path file) throws IOException {
        AtomicFiles.write(file, notebook.toIpynb().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    /**
     * The first code cell: the lesson file's imports (and its own package's), its helpers as top-level declarations
     * (JShell has no class around them), and {@code log}, which the kernel's {@code Jupyter.log} makes.
     */
    static String setup(Lesson lesson) {
        StringBuilder code = new StringBuilder("// Setup: what the steps below use. Run it first (or Run All).\n");
        LessonSource.imports(lesson).forEach(line -> code.append(line).append('\n'));
        code.append("import ").append(lesson.getClass().getPackageName()).append(".*;\n");
        code.append("import dev.backprop.kernel.Jupyter;\n\n");
        String helpers = LessonSource.helpers(lesson);
        if (!helpers.isEmpty()) {
            // JShell declares at the top level, where 'private' and 'static' mean nothing (it warns about them)
            code.append("// The lesson's helpers\n")
                    .append(helpers.replaceAll("(?m)^(?:(?:private|protected|public|static) )+", "")).append("\n\n");
        }
        code.append("// log.println(...) prints under the cell, log.plot(...) shows the chart there\n");
        code.append("LessonLog log = Jupyter.log(new ").append(lesson.getClass().getSimpleName()).append("());");
        return code.toString();
    }

    private static String introduction(Lesson lesson, OutputRecorder recorder) {
        String intro = "The workshop's lesson `" + lesson.name() + "` as a notebook: each step's explanation, its Java "
                + "code from `" + lesson.getClass().getSimpleName() + ".java`, and below the code what the step "
                + "printed and plotted when it ran on the CPU. To run it cell by cell, open it in Jupyter with the "
                + "kernel \"" + Notebook.KERNEL_DISPLAY_NAME + "\" (`./workshop kernel install`), run the setup cell "
                + "first, then change a number and run a cell again; to run the whole lesson: `./workshop run "
                + lesson.name() + "`.";
        if (recorder.omittedElapsedTime()) {
            intro += "\n\nElapsed times are left out (\"" + OutputRecorder.ELAPSED_OMITTED + "\"), so that every "
                    + "export of this lesson gives the same notebook.";
        }
        return intro;
    }

    /** The lesson's name as the start of a cell id: letters, digits, '-' and '_', at most 40 characters. */
    private static String cellIdPrefix(Lesson lesson) {
        String id = lesson.name().replaceAll("[^a-zA-Z0-9_-]", "-");
        return id.isEmpty() ? "lesson-" + lesson.number() : id.substring(0, Math.min(id.length(), 40));
    }
}
