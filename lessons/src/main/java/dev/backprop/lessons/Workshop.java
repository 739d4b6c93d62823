package dev.backprop.lessons;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line behind {@code ./workshop}:
 * <pre>
 * ./workshop list
 * ./workshop run &lt;number|name&gt;... | all  [--out DIR] [--show] [--backend cpu|opencl]
 * </pre>
 * A usage error (unknown lesson, command or option) prints one line and exits with 2; a lesson that fails prints
 * one line and exits with 1.
 */
public final class Workshop {

    static final String USAGE = "usage: ./workshop list | ./workshop run <number|name>...|all "
            + "[--out DIR] [--show] [--backend cpu|opencl]";

    /** A mistake on the command line: exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What {@code run} was asked to do. */
    record RunOptions(List<Lesson> lessons, Path out, boolean show, String backend) {
    }

    private Workshop() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs a command line and returns the exit code. */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
                out.println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            switch (args[0]) {
                case "list" -> {
                    if (args.length > 1) {
                        throw new UsageException("list takes no arguments, got '" + args[1] + "'");
                    }
                    for (Lesson lesson : Lessons.all()) {
                        out.printf("%2d  %-18s %s%n", lesson.number(), lesson.name(), lesson.title());
                    }
                    return 0;
                }
                case "run" -> {
                    return run(parseRun(args), out, err);
                }
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
        } catch (UsageException e) {
            err.println("workshop: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
    }

    static RunOptions parseRun(String[] args) throws UsageException {
        List<Lesson> lessons = new ArrayList<>();
        Path out = Path.of("out");
        boolean show = false;
        String backend = "cpu";
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--show" -> show = true;
                case "--backend" -> backend = value(args, ++i, "--backend");
                case "all" -> lessons.addAll(Lessons.all());
                default -> {
                    if (a.startsWith("-")) {
                        throw new UsageException("unknown option '" + a + "'");
                    }
                    lessons.add(Lessons.find(a).orElseThrow(() -> new UsageException("unknown lesson '" + a
                            + "' (./workshop list shows them)")));
                }
            }
        }
        if (lessons.isEmpty()) {
            throw new UsageException("run needs a lesson number, name or 'all'");
        }
        if (!backend.equals("cpu") && !backend.equals("opencl")) {
            throw new UsageException("unknown backend '" + backend + "' (cpu or opencl)");
        }
        return new RunOptions(lessons, out, show, backend);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int run(RunOptions options, PrintStream out, PrintStream err) {
        try {
            Files.createDirectories(options.out());
            if (!Files.isWritable(options.out())) {
                err.println("workshop: cannot write to " + options.out());
                return 1;
            }
        } catch (IOException e) {
            err.println("workshop: cannot create the output folder " + options.out() + ": " + reason(e));
            return 1;
        }
        Backend backend = chooseBackend(options.backend(), out, err);
        out.println("Backend: " + backend.description());
        List<LessonSink> sinks = new ArrayList<>(List.of(new ConsoleSink(out), new PngSink(options.out(), out)));
        if (options.show()) {
            if (WindowSink.displayAvailable()) {
                sinks.add(new WindowSink());
            } else {
                err.println("workshop: --show needs a display; writing PNG files only");
            }
        }
        for (Lesson lesson : options.lessons()) {
            long start = System.nanoTime();
            try {
                LessonRunner.run(lesson, sinks, backend);
            } catch (Exception | Error e) {
                err.println("workshop: lesson " + lesson.name() + " failed: " + e);
                return 1;
            }
            out.printf("%nLesson %d (%s) finished in %.1f s; plots in %s%n", lesson.number(), lesson.name(),
                    (System.nanoTime() - start) / 1e9, PngSink.lessonDir(options.out(), lesson));
        }
        return 0;
    }

    /** Why a file operation failed, in words: the exception's own text names only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return "a file is in the way (" + e.getMessage() + ")";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder (" + e.getMessage() + ")";
        }
        String detail = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return e.getClass().getSimpleName() + ": " + detail;
    }

    /** The backend by name; when it cannot start, says why and falls back to the CPU. */
    static Backend chooseBackend(String name, PrintStream out, PrintStream err) {
        try {
            return Backends.byName(name);
        } catch (BackendUnavailableException e) {
            err.println("workshop: " + e.getMessage());
            err.println("workshop: falling back to the CPU backend");
            return Backends.cpu();
        }
    }
}
