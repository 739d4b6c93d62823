package dev.backprop.lessons;

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

    /** The lesson ended: normally when {@code failure} is null, else with that exception. */
    default void lessonFinished(Lesson lesson, Throwable failure) {
    }
}
