package dev.backprop.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A notebook as HTML that renders its formulas without a network: nbconvert writes the page, and its MathJax is a
 * copy of Debian's (package {@code libjs-mathjax}) in a {@code mathjax} folder beside it, set to draw formulas as
 * SVG, which needs no web fonts. The folder travels with the pages: copy both and they still work offline.
 */
final class NotebookHtml {

    /** Where Debian's {@code libjs-mathjax} installs MathJax 2. */
    static final Path DEBIAN_MATHJAX = Path.of("/usr/share/javascript/mathjax");
    /** The MathJax configuration the pages load: TeX input, AMS math, SVG output. */
    static final String CONFIG = "TeX-AMS_SVG";
    /** The parts of MathJax that configuration loads (about 2 MB of the package's 54 MB). */
    private static final List<String> PARTS = List.of("MathJax.js", "config/" + CONFIG + ".js", "jax/input/TeX",
            "jax/element", "jax/output/SVG/config.js", "jax/output/SVG/jax.js", "jax/output/SVG/autoload",
            "jax/output/SVG/fonts/TeX", "extensions");
    private static final long TIMEOUT_SECONDS = 300;

    private NotebookHtml() {
    }

    /** The Python that runs nbconvert: {@code $WORKSHOP_PYTHON}, else Debian's {@code /usr/bin/python3}. */
    static String python() {
        String chosen = System.getenv("WORKSHOP_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Why HTML cannot be written here (a missing package, with the command that installs it), or empty. */
    static Optional<String> missing(String python) {
        if (!Files.isRegularFile(DEBIAN_MATHJAX.resolve("MathJax.js"))) {
            return Optional.of("MathJax is not installed at " + DEBIAN_MATHJAX + " (apt-get install libjs-mathjax)");
        }
        try {
            Result check = run(List.of(python, "-c", "import nbconvert"), 60);
            if (check.exitCode() != 0) {
                return Optional.of(python + " has no nbconvert (apt-get install jupyter-nbconvert)");
            }
        } catch (IOException e) {
            return Optional.of("cannot run " + python + " (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /** Copies the parts of MathJax the pages load into {@code out/mathjax}, replacing an earlier copy. */
    static void copyMathJax(Path out) throws IOException {
        Path target = out.resolve("mathjax");
        Path tmp = out.resolve(".mathjax.tmp-" + ProcessHandle.current().pid());
        deleteTree(tmp);
        try {
            for (String part : PARTS) {
                Path from = DEBIAN_MATHJAX.resolve(part);
                try (Stream<Path> files = Files.walk(from)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path to = tmp.resolve(DEBIAN_MATHJAX.relativize(file).toString());
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to);
                    }
                }
            }
            deleteTree(target);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Writes {@code NAME.html} beside {@code notebook} ({@code NAME.ipynb}), whole or not at all, with MathJax loaded
     * from the {@code mathjax} folder beside it.
     *
     * @return the HTML file
     * @throws IOException naming the notebook and nbconvert's last lines when nbconvert fails
     */
    static Path write(Path notebook, String python) throws IOException {
        Path dir = notebook.toAbsolutePath().getParent();
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        Path tmp = dir.resolve("." + name + ".html.tmp-" + ProcessHandle.current().pid());
        deleteTree(tmp);
        try {
            Files.createDirectories(tmp);
            Result result = run(List.of(python, "-m", "nbconvert", "--to", "html", "--log-level", "WARN",
                    "--HTMLExporter.mathjax_url=mathjax/MathJax.js?config=" + CONFIG, "--output-dir", tmp.toString(),
                    notebook.toAbsolutePath().toString()), TIMEOUT_SECONDS);
            Path written = tmp.resolve(name + ".html");
            if (result.exitCode() != 0 || !Files.isRegularFile(written)) {
                throw new IOException("nbconvert could not convert " + notebook + " to HTML (exit code "
                        + result.exitCode() + "): " + lastLines(result.output(), 5));
            }
            Path html = dir.resolve(name + ".html");
            Files.move(written, html, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return html;
        } finally {
            deleteTree(tmp);
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException {
        Path log = Files.createTempFile("workshop-nbconvert", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(String.join(" ", command) + ": no answer after " + timeoutSeconds + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(String.join(" ", command) + ": interrupted", e);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLines(String text, int n) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
