package dev.backprop.notebooks;

import dev.backprop.lessons.Lesson;
import dev.backprop.lessons.Lessons;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line behind {@code ./workshop notebooks}:
 * <pre>
 * ./workshop notebooks [--out DIR] [&lt;number|name&gt;... | all]
 * </pre>
 * Writes one notebook per lesson, {@code DIR/NN-name.ipynb} ({@code DIR} defaults to {@code notebooks}); with no
 * lesson named, every lesson. A usage error (unknown lesson or option) prints one line and exits with 2; an output
 * folder that cannot be written, or a lesson that fails, prints one line and exits with 1. A failed lesson leaves no
 * notebook behind, and the others are still written.
 */
public final class ExportNotebooks {

    static final String USAGE = "usage: ./workshop notebooks [--out DIR] [<number|name>... | all]";

    /** A mistake on the command line: exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** What to export, and where. */
    record Options(List<Lesson> lessons, Path out) {
    }

    private ExportNotebooks() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, Lessons.all(), System.out, System.err));
    }

    /** Runs a command line, choosing lessons from {@code catalog}, and returns the exit code. */
    static int execute(String[] args, List<Lesson> catalog, PrintStream out, PrintStream err) {
        Options options;
        try {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                out.println(USAGE);
                return 0;
            }
            options = parse(args, catalog);
        } catch (UsageException e) {
            err.println("notebooks: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        Optional<String> unwritable = checkWritable(options.out());
        if (unwritable.isPresent()) {
            err.println("notebooks: cannot write to the output folder " + options.out() + ": " + unwritable.get());
            return 1;
        }
        int failures = 0;
        for (Lesson lesson : options.lessons()) {
            try {
                Path file = LessonNotebook.write(lesson, options.out());
                out.printf("wrote %s (%d bytes)%n", file, Files.size(file));
            } catch (Exception | Error e) {
                err.println("notebooks: lesson " + lesson.name() + " failed, no notebook written: " + oneLine(e));
                failures++;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    static Options parse(String[] args, List<Lesson> catalog) throws UsageException {
        Set<Lesson> lessons = new LinkedHashSet<>();
        Path out = Path.of("notebooks");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--out")) {
                if (++i >= args.length || args[i].startsWith("-")) {
                    throw new UsageException("--out needs a folder");
                }
                out = Path.of(args[i]);
            } else if (a.equals("all")) {
                lessons.addAll(catalog);
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "'");
            } else {
                lessons.add(catalog.stream()
                        .filter(l -> l.name().equals(a) || String.valueOf(l.number()).equals(a))
                        .findFirst()
                        .orElseThrow(() -> new UsageException("unknown lesson '" + a + "' (./workshop list shows them)")));
            }
        }
        return new Options(List.copyOf(lessons.isEmpty() ? catalog : lessons), out);
    }

    /** Creates the folder if needed and tries writing a file into it; says why it cannot, if it cannot. */
    private static Optional<String> checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test-", ".tmp");
            Files.delete(probe);
            return Optional.empty();
        } catch (FileAlreadyExistsException e) {
            return Optional.of(e.getFile() + " exists and is not a folder");
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (FileSystemException e) {
            return Optional.of(e.getReason() != null ? e.getReason() : e.toString());
        } catch (IOException | SecurityException e) {
            return Optional.of(e.toString());
        }
    }

    private static String oneLine(Throwable e) {
        List<String> causes = new ArrayList<>();
        for (Throwable t = e; t != null && causes.size() < 3; t = t.getCause()) {
            causes.add(t.toString());
        }
        return String.join("; caused by ", causes).replaceAll("\\s*\\R\\s*", " ");
    }
}
