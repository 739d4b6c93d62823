package dev.backprop.lessons;

/**
 * A lesson of the workshop: a sequence of titled steps, each explained, run, printed and plotted through a
 * {@link LessonLog}. In the source, every step begins with {@code log.step("title", ...)}; that call is the step's
 * boundary both when the lesson runs and when its source is cut into notebook cells.
 */
public interface Lesson {

    /** The lesson's number in the workshop, 1, 2, ... */
    int number();

    /** The short name {@code ./workshop run NAME} takes, e.g. {@code planar}. */
    String name();

    /** The title, e.g. "Planar data classification with one hidden layer". */
    String title();

    /** Runs every step, writing what it computes to {@code log}. */
    void run(LessonLog log) throws Exception;
}
