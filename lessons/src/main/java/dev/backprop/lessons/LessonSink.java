package dev.backprop.lessons;

import java.util.Locale;

/**
 * Where a lesson's output goes: the console, PNG files, windows, a recording for tests, a notebook. A lesson never
 * talks to a sink directly; it writes to its {@link LessonLog}, which passes each event to every sink.
 */
public interface LessonSink {

    default void lessonStarted(Lesson lesson) {
    }

    default void stepStarted(Lesson lesson, Step step) {
    }

    /** Printed text, one or more whole lines without the final newline. */
    default void text(String text) {
    }

    default void plot(Lesson lesson, Step step, Plot plot) {
    }

    /**
     * A wall-clock time, e.g. "10000 iterations on cpu" took {@code seconds}. It differs from run to run, so a sink
     * that must give the same output every time (a notebook) can leave it out; the others print it.
     */
    default void elapsed(String what, double seconds) {
        text(seconds < 0.1 ? String.format(Locale.ROOT, "%s in %.3f ms", what, seconds * 1000)
                : String.format(Locale.ROOT, "%s in %.2f s", what, seconds));
    }

    /** A conclusion drawn from timings (it too differs from run to run); printed like any text by default. */
    default void measured(String text) {
        text(text);
    }

    /** A chart of timings; shown like any plot by default. */
    default void measuredPlot(Lesson lesson, Step step, Plot plot) {
        plot(lesson, step, plot);
    }

    /** The lesson ended: normally when {@code failure} is null, else with that exception. */
    default void lessonFinished(Lesson lesson, Throwable failure) {
    }
}
