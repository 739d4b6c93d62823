package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * What a lesson writes to: steps, printed lines and plots, passed on to every {@link LessonSink}. It also carries
 * the {@link Backend} the lesson trains on.
 */
public final class LessonLog {

    private final Lesson lesson;
    private final List<LessonSink> sinks;
    private final Backend backend;
    private final Map<String, String> options;
    private Step step;

    public LessonLog(Lesson lesson, List<LessonSink> sinks, Backend backend) {
        this(lesson, sinks, backend, Map.of());
    }

    /** A log whose lesson also receives {@code options} from the command line, e.g. {@code data → DIR}. */
    public LessonLog(Lesson lesson, List<LessonSink> sinks, Backend backend, Map<String, String> options) {
        this.lesson = lesson;
        this.sinks = List.copyOf(sinks);
        this.backend = backend;
        this.options = Map.copyOf(options);
    }

    /** The backend chosen with {@code --backend}: where the lesson's training runs. */
    public Backend backend() {
        return backend;
    }

    /**
     * An option given to the lesson on the command line, by name: {@code data} is {@code ./workshop run mnist
     * --data DIR}'s folder. Empty when it was not given (in a notebook, always).
     */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * Begins the next step. The call is the step's boundary: in the lesson's source, the step's code runs from this
     * call to the next {@code log.step(}.
     *
     * @param title       shown as the heading, e.g. "Forward propagation"
     * @param explanation Markdown, formulas between {@code $…$}
     */
    public void step(String title, String explanation) {
        step = new Step(step == null ? 1 : step.index() + 1, title, explanation.strip());
        for (LessonSink sink : sinks) {
            sink.stepStarted(lesson, step);
        }
    }

    /** Prints a line (or several). */
    public void println(Object text) {
        for (LessonSink sink : sinks) {
            sink.text(String.valueOf(text));
        }
    }

    /** Prints a formatted line; numbers format with a dot as the decimal separator, like Python. */
    public void printf(String format, Object... args) {
        println(String.format(Locale.ROOT, format, args));
    }

    /** Reports how long something took, e.g. {@code log.elapsed("10000 iterations on cpu", 0.66)}. */
    public void elapsed(String what, double seconds) {
        for (LessonSink sink : sinks) {
            sink.elapsed(what, seconds);
        }
    }

    /** Prints a conclusion drawn from timings, which differs from run to run (see {@link #elapsed}). */
    public void measured(String text) {
        for (LessonSink sink : sinks) {
            sink.measured(text);
        }
    }

    /** Shows a chart of timings, which differs from run to run (see {@link #elapsed}). */
    public void measuredPlot(String name, Chart<?, ?> chart) {
        Plot plot = render(name, chart);
        for (LessonSink sink : sinks) {
            sink.measuredPlot(lesson, currentStep(), plot);
        }
    }

    /** Shows a chart. {@code name} names its PNG file: lower-case words and hyphens. */
    public void plot(String name, Chart<?, ?> chart) {
        Plot plot = render(name, chart);
        for (LessonSink sink : sinks) {
            sink.plot(lesson, currentStep(), plot);
        }
    }

    private Plot render(String name, Chart<?, ?> chart) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("plot name '" + name + "' must be lower-case words joined by '-'");
        }
        byte[] png;
        try {
            png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("plot " + name + ": could not render the chart", e);
        }
        return new Plot(name, chart, png);
    }

    private Step currentStep() {
        if (step == null) {
            throw new IllegalStateException(lesson.name() + ": plot before the first log.step(...)");
        }
        return step;
    }
}
