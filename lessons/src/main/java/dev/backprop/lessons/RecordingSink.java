package dev.backprop.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * The headless sink: remembers everything a lesson wrote, step by step, for tests and exporters. Nothing is shown.
 */
public final class RecordingSink implements LessonSink {

    /** One step with what it printed and plotted. */
    public record RecordedStep(Step step, StringBuilder text, List<Plot> plots) {

        /** Everything the step printed. */
        public String printed() {
            return text.toString();
        }
    }

    private final List<RecordedStep> steps = new ArrayList<>();
    private Throwable failure;

    @Override
    public void stepStarted(Lesson lesson, Step step) {
        steps.add(new RecordedStep(step, new StringBuilder(), new ArrayList<>()));
    }

    @Override
    public void text(String text) {
        if (steps.isEmpty()) {
            throw new IllegalStateException("text printed before the first step: " + text);
        }
        steps.get(steps.size() - 1).text().append(text).append('\n');
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        steps.get(steps.size() - 1).plots().add(plot);
    }

    @Override
    public void lessonFinished(Lesson lesson, Throwable failure) {
        this.failure = failure;
    }

    public List<RecordedStep> steps() {
        return steps;
    }

    /** The exception the lesson ended with, or null. */
    public Throwable failure() {
        return failure;
    }

    /** Everything printed, all steps together. */
    public String printed() {
        StringBuilder all = new StringBuilder();
        steps.forEach(s -> all.append(s.printed()));
        return all.toString();
    }

    /** Every plot of every step. */
    public List<Plot> plots() {
        return steps.stream().flatMap(s -> s.plots().stream()).toList();
    }
}
