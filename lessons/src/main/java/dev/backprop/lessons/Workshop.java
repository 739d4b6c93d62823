package dev.backprop.lessons;

import dev.backprop.core.data.AtomicFiles;
import dev.backprop.core.data.PathNames;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * What every {@code ./workshop} command shares: how a command line is parsed and run (with picocli), how mistakes and
 * failures are reported, and the pieces several commands use (lessons by number or name, an output folder).
 * <p>
 * Exit codes: 0 when the command did its work; 2 for a mistake on the command line, reported in one line that names
 * the bad option or value; 1 when the command failed, reported in one line that says what failed and why. The user
 * never sees a stack trace unless they ask for it with {@code --debug}, which every command accepts, as it accepts
 * {@code --help}: {@link #commandLine} adds both to each command it finds.
 */
public final class Workshop {

    /** The environment variable the {@code workshop} script passes to {@code java}, e.g. {@code -Xmx8g}. */
    public static final String JAVA_OPTS = "WORKSHOP_JAVA_OPTS";

    static final String DEBUG = "--debug";
    static final String DEBUG_HINT = "run with " + DEBUG + " for the stack trace";

    private Workshop() {
    }

    /** Runs {@code command} (a picocli {@code @Command}) on the process's standard streams; returns the exit code. */
    public static int execute(Object command, String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        CommandLine commandLine;
        try {
            commandLine = commandLine(command, new PrintWriter(System.out, true), err);
        } catch (RuntimeException | Error e) {
            // a command that cannot even be set up: a bug, but still one line (and the trace with --debug)
            err.println("workshop: could not start: " + messageOf(e)
                    + (List.of(args).contains(DEBUG) ? "" : " (" + DEBUG_HINT + ")"));
            if (List.of(args).contains(DEBUG)) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
        return execute(commandLine, args);
    }

    /** Runs {@code command} with its output captured in UTF-8 (for tests); returns the exit code. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        return execute(commandLine(command, writer(out), writer(err)), args);
    }

    /**
     * The command line for {@code command} and its subcommands: output to {@code out} and {@code err}, usage errors
     * and failures in one line, and {@code --help} and {@code --debug} on every command.
     */
    public static CommandLine commandLine(Object command, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(command);
        addCommonOptions(commandLine);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, args) -> usageError(e));
        commandLine.setExecutionExceptionHandler(
                (e, failed, parseResult) -> failed(failed.getCommandSpec(), failed.getCommandName() + " failed", e));
        return commandLine;
    }

    /** Parses and runs; an {@link Error} (which picocli passes through) is reported like any failure. */
    static int execute(CommandLine commandLine, String[] args) {
        try {
            return commandLine.execute(args);
        } catch (Error e) {
            CommandLine failed = deepest(commandLine);
            return failed(failed.getCommandSpec(), failed.getCommandName() + " failed", e);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /**
     * Reports a failure in one line, {@code workshop: WHAT: why (run with --debug for the stack trace)}, and with
     * {@code --debug} the stack trace under it. An {@link OutOfMemoryError} says how to give Java more memory instead.
     *
     * @param what e.g. "lesson planar failed"
     * @return 1, the exit code of a failed command
     */
    public static int failed(CommandSpec spec, String what, Throwable e) {
        PrintWriter err = spec.commandLine().getErr();
        if (e instanceof OutOfMemoryError) {
            err.println("workshop: " + what + ": out of memory (" + messageOf(e) + "); Java may use at most "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB here. Give it more with "
                    + JAVA_OPTS + "=\"-Xmx8g\" ./workshop ...");
        } else {
            err.println("workshop: " + what + ": " + messageOf(e) + (debug(spec) ? "" : " (" + DEBUG_HINT + ")"));
        }
        if (debug(spec)) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** Whether {@code --debug} was given to this command or to one of those around it. */
    static boolean debug(CommandSpec spec) {
        for (ParseResult r = spec.root().commandLine().getParseResult(); r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    /** An exception's message in words; the exception's type only where the message alone would not say it. */
    static String messageOf(Throwable e) {
        if (e instanceof FileSystemException fs && (fs.getOtherFile() != null || fs.getFile() != null)) {
            // a move names its source (our temporary file) first: the file the user asked for is the other one
            String file = fs.getOtherFile() != null ? fs.getOtherFile() : fs.getFile();
            String reason = reason(fs);
            return reason.contains(file) ? reason : file + ": " + reason;
        }
        if (e instanceof IOException io) {
            return reason(io);
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage().strip();
        boolean explains = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException || e instanceof OutOfMemoryError
                || e.getClass().getName().startsWith("dev.backprop.");
        String text = message == null ? e.getClass().getSimpleName()
                : explains ? message : e.getClass().getSimpleName() + ": " + message;
        if (e.getCause() != null && e.getCause() != e && (message == null || !message.contains(messageOf(e.getCause())))) {
            text += "; caused by " + messageOf(e.getCause());
        }
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    /** Why a file operation failed, in words: "permission denied", "is a directory", "no space left on device". */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder";
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file or folder: " + f.getFile();
        }
        String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (why == null || why.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
    }

    /**
     * Creates {@code dir} if needed and writes a test file into it.
     *
     * @return why files cannot be written there, or empty when they can
     */
    public static Optional<String> prepareOutputFolder(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = AtomicFiles.temporaryFor(dir.resolve("write-test"));
            Files.write(probe, new byte[0]);
            Files.delete(probe);
            return Optional.empty();
        } catch (NoSuchFileException e) {
            // the folder is there (createDirectories said so), yet a file in it cannot be made: /proc, say
            return Optional.of(Files.isDirectory(dir) ? "files cannot be created in it" : reason(e));
        } catch (IOException e) {
            return Optional.of(reason(e));
        } catch (SecurityException e) {
            return Optional.of("permission denied");
        }
    }

    /**
     * The lessons named on the command line, by number or name, or all of {@code catalog} for {@code all}, in the
     * order given and each once.
     *
     * @throws ParameterException naming the first unknown lesson (exit code 2)
     */
    public static List<Lesson> chooseLessons(CommandSpec spec, List<String> names, List<Lesson> catalog) {
        Set<Lesson> chosen = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals("all")) {
                chosen.addAll(catalog);
                continue;
            }
            chosen.add(catalog.stream()
                    .filter(l -> l.name().equals(name) || String.valueOf(l.number()).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ParameterException(spec.commandLine(),
                            "unknown lesson '" + name + "' (./workshop list shows them)")));
        }
        return new ArrayList<>(chosen);
    }

    /**
     * The backend by name; when it cannot start, says why and falls back to the CPU backend a plain
     * {@code --backend cpu} gets.
     */
    public static Backend chooseBackend(String name, PrintWriter err) {
        try {
            return Backends.byName(name);
        } catch (BackendUnavailableException e) {
            err.println("workshop: " + e.getMessage());
            err.println("workshop: falling back to the CPU backend");
            return Backends.defaultCpu();
        }
    }

    /**
     * The value of an option that names a folder, to write into ({@code --out DIR}) or to read ({@code --data DIR}),
     * checked by {@link PathNames}.
     */
    public static final class Folder implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            return pathOf(value, "folder");
        }
    }

    /** The value of an option that names a file ({@code --save FILE.npz}), checked by {@link PathNames}. */
    public static final class FileName implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            return pathOf(value, "file");
        }
    }

    private static Path pathOf(String value, String kind) {
        try {
            return PathNames.of(value, kind);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    private static int usageError(ParameterException e) {
        CommandLine where = e.getCommandLine();
        String message = usageMessage(e);
        where.getErr().println("workshop: " + message + (message.endsWith(")") ? ""
                : " (./" + where.getCommandSpec().qualifiedName() + " --help shows the usage)"));
        where.getErr().flush();
        return 2;
    }

    private static String usageMessage(ParameterException e) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            if (arg.startsWith("-")) {
                return "unknown option '" + arg + "'";
            }
            return e.getCommandLine().getSubcommands().isEmpty() ? "unexpected argument '" + arg + "'"
                    : "unknown command '" + arg + "'";
        }
        String message = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        return message.isEmpty() ? message : message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    private static void addCommonOptions(CommandLine commandLine) {
        CommandSpec spec = commandLine.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help and exit.").build());
        }
        if (spec.findOption(DEBUG) == null) {
            spec.addOption(OptionSpec.builder(DEBUG).arity("0")
                    .description("On a failure, print the stack trace too.").build());
        }
        commandLine.getSubcommands().values().forEach(Workshop::addCommonOptions);
    }

    private static CommandLine deepest(CommandLine commandLine) {
        ParseResult result = commandLine.getParseResult();
        if (result == null) {
            return commandLine;
        }
        while (result.subcommand() != null) {
            result = result.subcommand();
        }
        return result.commandSpec().commandLine();
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
