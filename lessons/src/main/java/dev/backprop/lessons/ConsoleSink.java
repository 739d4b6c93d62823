package dev.backprop.lessons;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * Prints a lesson as it runs: headings, explanations, printed lines, and where each plot was written. The
 * explanations' LaTeX and Markdown are rendered for a console by {@link TerminalText}: Unicode formulas, and
 * emphasis in ANSI bold when the output is a terminal.
 */
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
    private final boolean ansi;

    /** Prints to {@code out}, with ANSI bold only when {@code out} is the standard output of a terminal. */
    public ConsoleSink(PrintStream out) {
        this.ansi = out == System.out && isTerminal();
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

    /** Prints to {@code out} (the command line's standard output), with ANSI bold when that is a terminal. */
    public ConsoleSink(PrintWriter out) {
        this(out, isTerminal());
    }

    /** Prints to {@code out}, with emphasis in ANSI bold when {@code ansi}, else plain. */
    public ConsoleSink(PrintWriter out, boolean ansi) {
        this.ansi = ansi;
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

    /**
     * Whether standard output is a terminal that shows ANSI bold: a console exists (Java's test for both standard
     * input and output being terminals), {@code TERM} is not {@code dumb}, and {@code NO_COLOR} is unset.
     */
    static boolean isTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM")) && System.getenv("NO_COLOR") == null;
    }

    @Override
    public void lessonStarted(Lesson lesson) {
        String heading = "Lesson " + lesson.number() + " · " + TerminalText.render(lesson.title(), false);
        out.println();
        out.println(heading);
        out.println("=".repeat(heading.length()));
    }

    @Override
    public void stepStarted(Lesson lesson, Step step) {
        String heading = lesson.number() + "." + step.index() + " " + TerminalText.render(step.title(), false);
        out.println();
        out.println(heading);
        out.println("-".repeat(heading.length()));
        out.println(TerminalText.render(step.explanation(), ansi));
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
