package dev.backprop.kernel;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonLog;
import dev.backprop.lessons.LessonSink;
import dev.backprop.lessons.Plot;
import dev.backprop.lessons.Step;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a notebook cell calls to show things in the notebook. A lesson's notebook starts with
 * {@code LessonLog log = Jupyter.log(new PlanarLesson());}, so its cells print and plot with the same
 * {@code log.println(...)} and {@code log.plot(...)} the lesson uses, and the output appears under the cell.
 */
public final class Jupyter {

    private Jupyter() {
    }

    /** A log for {@code lesson}'s cells, training on the CPU: lines print under the cell, plots show inline. */
    public static LessonLog log(Lesson lesson) {
        return log(lesson, Backends.cpu());
    }

    /** A log for {@code lesson}'s cells whose {@code log.backend()} is {@code backend}. */
    public static LessonLog log(Lesson lesson, Backend backend) {
        LessonLog log = new LessonLog(lesson, List.of(new NotebookSink()), backend);
        // a LessonLog plots only inside a step; in a notebook, each Markdown cell has already said which step it is
        log.step(lesson.title(), "");
        return log;
    }

    /** Shows {@code chart} under the cell, as a PNG image. */
    public static void show(Chart<?, ?> chart) {
        display(ChartRendering.png(chart), "<chart: \"" + chart.getTitle() + "\">");
    }

    private static void display(byte[] png, String description) {
        BaseKernel kernel = WorkshopKernel.running();
        if (kernel == null) {
            System.out.println(description);  // not in a notebook (a test, a plain JShell): say what it would show
        } else {
            kernel.display(ChartRendering.image(png, description));
        }
    }

    /** Lines to the cell's stdout, plots to {@code image/png} outputs. */
    private static final class NotebookSink implements LessonSink {

        @Override
        public void text(String text) {
            System.out.println(text);
        }

        @Override
        public void plot(Lesson lesson, Step step, Plot plot) {
            display(plot.png(), String.format("<%s: \"%s\", %d×%d PNG>", plot.name(), plot.chart().getTitle(),
                    plot.chart().getWidth(), plot.chart().getHeight()));
        }
    }
}
