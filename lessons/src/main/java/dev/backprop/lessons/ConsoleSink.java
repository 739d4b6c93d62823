package dev.backprop.lessons;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Prints a lesson as it runs: headings, explanations, printed lines, and where each plot was written. */
public final class ConsoleSink implements LessonSink {

    /** Where the lines go: a {@link PrintStream} or a {@link PrintWriter}, as the caller has one. */
    private interface Lines {
        void println(String line);

        default void println() {
            println("");
        }

        void flush();
    }

    private final Lines out;

    public ConsoleSink(PrintStream out) {
        this.out = new Lines() {
            @Override
            public void println(String line) {
                out.println(line);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    public ConsoleSink(PrintWriter out) {
        this.out = new Lines() {
            @Override
            public void println(String line) {
                out.println(line);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }

    @Override
    public void lessonStarted(Lesson lesson) {
        String heading = "Lesson " + lesson.number() + " · " + lesson.title();
        out.println();
        out.println(heading);
        out.println("=".repeat(heading.length()));
    }

    @Override
    public void stepStarted(Lesson lesson, Step step) {
        String heading = lesson.number() + "." + step.index() + " " + step.title();
        out.println();
        out.println(heading);
        out.println("-".repeat(heading.length()));
        out.println(step.explanation());
        out.println();
    }

    @Override
    public void text(String text) {
        out.println(text);
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        out.println("[plot] " + plot.name());
    }

    @Override
    public void lessonFinished(Lesson lesson, Throwable failure) {
        out.flush();
    }
}
