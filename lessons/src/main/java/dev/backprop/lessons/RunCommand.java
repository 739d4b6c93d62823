package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./workshop run}: runs lessons, printing each step and writing its plots as PNG files; optionally shows the
 * plots in windows, trains on another backend, shows a single step, or pauses after each step (presentation mode).
 */
@Command(name = "run", sortOptions = false,
        description = "Run lessons: print each step and write its plots as PNG files.",
        footer = {"", "Examples:", "  ./workshop run planar", "  ./workshop run 1 3 --out /tmp/plots",
            "  ./workshop run planar --step 4    (steps 1 to 3 run unseen)",
            "  ./workshop run planar --pause     (Enter shows the next step)"})
public final class RunCommand implements Callable<Integer> {

    /**
     * The backends {@code --backend} accepts: {@code cpu} (the fast CPU path where it can start), {@code opencl},
     * and {@code cpu-reference}, the plain loops every backend is tested against.
     */
    static final class BackendNames implements Iterable<String> {
        static final List<String> ALL = List.of("cpu", "opencl", "cpu-reference");

        @Override
        public java.util.Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    /** Set by the {@code workshop} script from {@code [ -t 0 ]}: whether standard input is a terminal. */
    static final String STDIN_IS_TERMINAL = "workshop.stdin.tty";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LESSON", arity = "1..*",
            description = "A lesson's number or name (./workshop list shows them), or 'all'.")
    List<String> lessonNames = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", converter = Workshop.Folder.class,
            description = "Where the PNG files go: DIR/NN-lesson/stepSS-name.png (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out");

    @Option(names = "--show", description = "Also open each chart in a window, where a display exists.")
    boolean show;

    @Option(names = "--backend", paramLabel = "NAME", completionCandidates = BackendNames.class,
            description = "Where the lessons train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; "
                    + "cpu-reference: the plain, unoptimised loops). Without an OpenCL device the lessons say why "
                    + "and use the CPU.")
    String backend = "cpu";

    @Option(names = "--step", paramLabel = "N",
            description = "Run one lesson up to step N and show only step N.")
    Integer step;

    @Option(names = "--data", paramLabel = "DIR", converter = Workshop.Folder.class,
            description = "A folder of data for the lessons that read one: mnist trains on the four MNIST-format"
                    + " files in DIR (the full MNIST or Fashion-MNIST) instead of the bundled digits.")
    Path data;

    @Option(names = "--pause", description = "Presentation mode: wait for Enter after each step.")
    boolean pause;

    /** Standard input, for {@code --pause}; tests replace it. */
    InputStream in = System.in;

    /** Whether {@link #in} is a terminal; null to ask the script's property, then {@link System#console()}. */
    Boolean inIsTerminal;

    @Override
    public Integer call() {
        if (!BackendNames.ALL.contains(backend)) {
            throw new ParameterException(spec.commandLine(), "invalid value for option '--backend': '" + backend
                    + "' (one of " + String.join(", ", BackendNames.ALL) + ")");
        }
        List<Lesson> lessons = lessons();
        checkStep(lessons);
        if (data != null && lessons.stream().noneMatch(l -> l.name().equals("mnist"))) {
            throw new ParameterException(spec.commandLine(), "--data " + data + ": only the mnist lesson reads a"
                    + " data folder, and it is not among the lessons run");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<String> unwritable = Workshop.prepareOutputFolder(out);
        if (unwritable.isPresent()) {
            err.println("workshop: cannot create the output folder " + out + ": " + unwritable.get());
            return 1;
        }
        Backend chosen = Workshop.chooseBackend(backend, err);
        stdout.println("Backend: " + chosen.description());
        List<LessonSink> sinks = new ArrayList<>();
        if (pause) {
            if (inIsTerminal()) {
                sinks.add(new PauseSink(new BufferedReader(new InputStreamReader(in, Charset.defaultCharset())),
                        stdout));
            } else {
                err.println("workshop: --pause: standard input is not a terminal, so not waiting between steps");
            }
        }
        sinks.add(new ConsoleSink(stdout));
        PngSink pngs = new PngSink(out, stdout);
        sinks.add(pngs);
        WindowSink windows = null;
        if (show) {
            Optional<String> noDisplay = WindowSink.noDisplay();
            if (noDisplay.isPresent()) {
                err.println("workshop: " + WindowSink.NO_DISPLAY + " (" + noDisplay.get() + ")");
            } else {
                windows = new WindowSink(err);
                sinks.add(windows);
            }
        }
        for (Lesson lesson : lessons) {
            long start = System.nanoTime();
            try {
                Map<String, String> options = data == null ? Map.of() : Map.of("data", data.toString());
                if (step == null) {
                    LessonRunner.run(lesson, sinks, chosen, options);
                } else {
                    LessonRunner.run(lesson, sinks, chosen, step, options);
                }
            } catch (Exception | Error e) {
                stdout.flush();
                return Workshop.failed(spec, "lesson " + lesson.name() + " failed", e);
            }
            stdout.printf("%nLesson %d (%s) finished in %.1f s%s%n", lesson.number(), lesson.name(),
                    (System.nanoTime() - start) / 1e9, pngs.written() == 0
                            ? step != null ? "; step " + step + " draws no plot" : "; it draws no plot"
                            : "; plots in " + PngSink.lessonDir(out, lesson));
            stdout.flush();
        }
        if (windows != null) {
            try {
                windows.awaitClosed(stdout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return 0;
    }

    /** The lessons named on the command line. */
    List<Lesson> lessons() {
        return Workshop.chooseLessons(spec, lessonNames, Lessons.all());
    }

    private void checkStep(List<Lesson> lessons) {
        if (step == null) {
            return;
        }
        if (lessons.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--step needs exactly one lesson, got " + lessons.size());
        }
        Lesson lesson = lessons.get(0);
        int steps = LessonSource.stepSources(lesson).size();
        if (step < 1 || step > steps) {
            throw new ParameterException(spec.commandLine(), "--step " + step + ": lesson " + lesson.name()
                    + " has steps 1 to " + steps);
        }
    }

    private boolean inIsTerminal() {
        if (inIsTerminal != null) {
            return inIsTerminal;
        }
        String fromScript = System.getProperty(STDIN_IS_TERMINAL);
        return fromScript != null ? Boolean.parseBoolean(fromScript) : System.console() != null;
    }
}
