package dev.backprop.notebooks;

import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.LessonSink;
import dev.backprop.lessons.Plot;
import dev.backprop.lessons.Step;
import dev.backprop.notebooks.Notebook.Image;
import dev.backprop.notebooks.Notebook.Output;
import dev.backprop.notebooks.Notebook.Stream;
import java.util.ArrayList;
import java.util.List;

/**
 * The sink a notebook is recorded with: for each step, its outputs in the order the lesson produced them, lines
 * printed one after another joined into one stream (as Jupyter joins them), and each plot as a PNG image in between.
 * <p>
 * Departs from the lesson's console output in one place: an {@linkplain #elapsed elapsed time} is written as
 * {@value #ELAPSED_OMITTED}, so that exporting a lesson twice gives the same notebook.
 */
final class OutputRecorder implements LessonSink {

    static final String ELAPSED_OMITTED = "in [elapsed time omitted]";

    /** A step as it ran: the step, and what it printed and plotted, in order. */
    record RecordedStep(Step step, List<Output> outputs) {
    }

    private final List<RecordedStep> steps = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();
    private boolean omittedElapsedTime;

    @Override
    public void stepStarted(Lesson lesson, Step step) {
        endStream();
        steps.add(new RecordedStep(step, new ArrayList<>()));
    }

    @Override
    public void text(String text) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("text printed before the first step: " + text);
        }
        printed.append(text).append('\n');
    }

    @Override
    public void elapsed(String what, double seconds) {
        omittedElapsedTime = true;
        text(what + " " + ELAPSED_OMITTED);
    }

    @Override
    public void measured(String text) {
        omittedElapsedTime = true;
        text("[a conclusion from timings: measured when the lesson runs, omitted here]");
    }

    @Override
    public void measuredPlot(Lesson lesson, Step step, Plot plot) {
        omittedElapsedTime = true;
        text("[a chart of timings, \"" + plot.chart().getTitle() + "\": run ./workshop run " + lesson.name()
                + " to measure it on your machine]");
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        endStream();
        String description = String.format("<%s: \"%s\", %d×%d PNG>", plot.name(), plot.chart().getTitle(),
                plot.chart().getWidth(), plot.chart().getHeight());
        current().outputs().add(new Image(plot.png(), description));
    }

    @Override
    public void lessonFinished(Lesson lesson, Throwable failure) {
        endStream();
    }

    /** Every step, in order, with its outputs. */
    List<RecordedStep> steps() {
        return steps;
    }

    /** Whether an elapsed time was left out of the printed text. */
    boolean omittedElapsedTime() {
        return omittedElapsedTime;
    }

    private RecordedStep current() {
        return steps.get(steps.size() - 1);
    }

    private void endStream() {
        if (!printed.isEmpty()) {
            current().outputs().add(new Stream(printed.toString()));
            printed.setLength(0);
        }
    }
}
