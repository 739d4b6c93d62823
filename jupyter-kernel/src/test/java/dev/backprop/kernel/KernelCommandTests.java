package dev.backprop.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./workshop kernel install | remove}: the kernelspec Jupyter finds, and one line for bad input. */
class KernelCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = KernelCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void installWritesAKernelspecThatStartsTheKernelOnThisClassPath(@TempDir Path prefix) throws Exception {
        assertThat(run("install", "--prefix", prefix.toString())).isZero();

        Path dir = prefix.resolve("share/jupyter/kernels/backprop-workshop");
        assertThat(out.toString()).isEqualTo("installed the kernel backprop-workshop (\"Java (Backprop Workshop)\") in "
                + dir + System.lineSeparator());
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (Backprop Workshop)");
        assertThat(spec.get("language").getAsString()).isEqualTo("java");
        assertThat(spec.get("interrupt_mode").getAsString()).as("interrupts come as messages, not SIGINT")
                .isEqualTo("message");
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertThat(argv.subList(0, 4)).containsExactly("bash", "-c", Kernelspec.DROP_INCUBATOR_WARNING,
                "backprop-workshop-kernel");
        assertThat(argv.get(4)).endsWith("java");
        assertThat(argv).endsWith("dev.backprop.kernel.KernelMain", "{connection_file}");
        String classpath = argv.get(argv.indexOf("-cp") + 1);
        assertThat(classpath).contains("jjava-jupyter", "jupyter-kernel").doesNotContain("./");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("kernel.json"));
        }
    }

    @Test
    void theKernelspecPassesOnTheExercisesFolderSoThatWorksheetsAreGradedFromAnyFolder() {
        Path java = Path.of("/jdk/bin/java");
        List<Path> classpath = List.of(Path.of("/w/a.jar"));

        String with = Kernelspec.kernelJson(java, classpath, Path.of("/w/exercises"));
        String without = Kernelspec.kernelJson(java, classpath, null);

        List<String> argv = JsonParser.parseString(with).getAsJsonObject().getAsJsonArray("argv").asList().stream()
                .map(e -> e.getAsString()).toList();
        assertThat(argv).contains("-Dbackprop.exercises.dir=/w/exercises");
        assertThat(argv.indexOf("-Dbackprop.exercises.dir=/w/exercises")).as("a JVM option, before the class")
                .isLessThan(argv.indexOf("dev.backprop.kernel.KernelMain"));
        assertThat(without).doesNotContain("backprop.exercises.dir");
    }

    @Test
    void theKernelsJvmLosesItsIncubatorWarningAndNothingElse() throws Exception {
        String warning = "WARNING: Using incubator modules: jdk.incubator.vector";
        assertThat(stderrThroughTheFilter("echo '" + warning + "' >&2; echo 'Exception in cell 3' >&2; "
                + "printf 'no newline' >&2; exit 3")).isEqualTo("Exception in cell 3\nno newline (exit 3)");
        assertThat(stderrThroughTheFilter("echo 'the first line' >&2; echo '" + warning + "' >&2"))
                .as("only a first line is the JVM's warning").isEqualTo("the first line\n" + warning + "\n (exit 0)");
        assertThat(stderrThroughTheFilter("echo 'the first line' >&2; (sleep 0.3; echo 'written late' >&2) &"))
                .as("what is written after the command exits").isEqualTo("the first line\nwritten late\n (exit 0)");
        assertThat(stderrThroughTheFilter("printf 'half a line' >&2")).isEqualTo("half a line (exit 0)");
        assertThat(stderrThroughTheFilter("true")).isEqualTo(" (exit 0)");
    }

    /**
     * What {@code bash -c command} writes on stderr when the kernelspec's filter starts it, and its exit status. Java
     * closes a child's pipes as soon as the child exits, and the filter may still be writing then, so the filter's
     * output goes through a pipeline into {@code cat}: the shell Java waits for ends only after every writer has.
     */
    private static String stderrThroughTheFilter(String command) throws Exception {
        String pipeline = "bash -c \"$0\" kernel bash -c \"$1\" 2>&1 >/dev/null | cat; exit \"${PIPESTATUS[0]}\"";
        Process process = new ProcessBuilder("bash", "-c", pipeline, Kernelspec.DROP_INCUBATOR_WARNING, command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String err = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return err + " (exit " + process.waitFor() + ")";
    }

    @Test
    void removeDeletesTheKernelspecAndSaysWhenThereIsNone(@TempDir Path prefix) {
        run("install", "--prefix", prefix.toString());
        Path kernels = prefix.resolve("share/jupyter/kernels");

        assertThat(run("remove", "--prefix", prefix.toString())).isZero();
        assertThat(kernels.resolve("backprop-workshop")).doesNotExist();
        assertThat(kernels).exists();

        assertThat(run("remove", "--prefix", prefix.toString())).isEqualTo(1);
        // before: "kernel remove: no kernel …", without the "workshop: " every other command's errors start with
        assertThat(err.toString()).isEqualTo("workshop: kernel remove: no kernel backprop-workshop in " + kernels
                + System.lineSeparator());
    }

    @Test
    void aPrefixThatIsAFileIsNamedInOneLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("somefile"), "");
        // before: "kernel install: cannot write the kernelspec under …: java.nio.file.FileSystemException: …: Not a
        // directory"
        assertThat(run("install", "--prefix", file.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("workshop: kernel install failed: " + file + " is not a folder (run with"
                + " --debug for the stack trace)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPrefixThatLooksLikeAnOptionOrIsEmptyIsABadValue() {
        // before: exit 0, the kernel installed under ./-x/share/jupyter, or for '' under ./share/jupyter
        assertThat(run("install", "--prefix", "-x")).isEqualTo(2);
        assertThat(run("install", "--prefix", "")).isEqualTo(2);
        assertThat(run("remove", "--prefix", "-x")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(String.join(System.lineSeparator(),
                "Invalid value for option '--prefix': '-x' looks like an option, not a folder (for a folder of that"
                        + " name, write ./-x) (see ./workshop kernel --help)",
                "Invalid value for option '--prefix': an empty folder name; name a folder, or leave the option out"
                        + " (see ./workshop kernel --help)",
                "Invalid value for option '--prefix': '-x' looks like an option, not a folder (for a folder of that"
                        + " name, write ./-x) (see ./workshop kernel --help)", ""));
        assertThat(out.toString()).isEmpty();
        assertThat(Path.of("-x")).doesNotExist();
        assertThat(Path.of("share")).doesNotExist();
    }

    @Test
    void theHelpSaysWhatEveryCommandsHelpSaysAndKeepsThePathWhole() {
        // before: "Shows this help.", and "~/." at the end of a line with "local/share/jupyter" on the next
        assertThat(run("install", "--help")).isZero();
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains(" On Linux: ~/.local/share/jupyter\n").doesNotContain("Shows this help")
                .contains("-h, --help         Show this help and exit.\n")
                .contains("-h, --help   Show this help and exit.\n");
    }

    @Test
    void theUserKernelsFolderIsWhereJupyterLooks() {
        assertThat(Kernelspec.userKernels(Map.of("JUPYTER_DATA_DIR", "/data/jupyter")))
                .isEqualTo(Path.of("/data/jupyter/kernels"));
        if (!System.getProperty("os.name").toLowerCase().contains("mac")
                && !System.getProperty("os.name").toLowerCase().contains("win")) {
            assertThat(Kernelspec.userKernels(Map.of("XDG_DATA_HOME", "/xdg")))
                    .isEqualTo(Path.of("/xdg/jupyter/kernels"));
            assertThat(Kernelspec.userKernels(Map.of()))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".local/share/jupyter/kernels"));
        }
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        assertThat(run("install", "--user", "--prefix", "/tmp/x")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive").endsWith("(see ./workshop kernel --help)"
                + System.lineSeparator()).hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run("uninstall")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1);

        err.getBuffer().setLength(0);
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("kernel: say 'install' or 'remove' (see ./workshop kernel --help)"
                + System.lineSeparator());
    }
}
