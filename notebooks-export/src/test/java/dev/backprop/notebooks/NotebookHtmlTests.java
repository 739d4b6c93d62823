package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.lessons.Lesson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./workshop notebooks --html}: pages whose formulas are typeset by a local MathJax, not one on the network. */
class NotebookHtmlTests {

    @Test
    void aPythonWithoutNbconvertIsNamedWithThePackageToInstall() {
        assumeTrue(Files.isRegularFile(NotebookHtml.DEBIAN_MATHJAX.resolve("MathJax.js")), "libjs-mathjax installed");

        assertThat(NotebookHtml.missing("/nonexistent/python3")).hasValueSatisfying(reason ->
                assertThat(reason).contains("/nonexistent/python3"));
    }

    @Test
    void withoutMathJaxTheReasonNamesItsDebianPackage() {
        assumeTrue(!Files.isRegularFile(NotebookHtml.DEBIAN_MATHJAX.resolve("MathJax.js")), "libjs-mathjax missing");

        assertThat(NotebookHtml.missing(NotebookHtml.python())).hasValueSatisfying(reason ->
                assertThat(reason).contains("apt-get install libjs-mathjax"));
    }

    @Test
    void htmlLoadsMathJaxFromTheFolderBesideIt(@TempDir Path dir) throws Exception {
        assumeTrue(NotebookHtml.missing(NotebookHtml.python()).isEmpty(), "jupyter-nbconvert and libjs-mathjax");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = ExportNotebooks.execute(new String[] {"short", "--html", "--out", dir.toString()},
                List.<Lesson>of(new ShortLesson()), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("42-short.html");
        String html = Files.readString(dir.resolve("42-short.html"));
        assertThat(html).contains("src=\"mathjax/MathJax.js?config=" + NotebookHtml.CONFIG + "\"")
                .contains("$y = x^2$")
                .doesNotContain("cdnjs", "cdn.jsdelivr", "cdn.mathjax");
        assertThat(dir.resolve("mathjax/MathJax.js")).isRegularFile();
        assertThat(dir.resolve("mathjax/config/" + NotebookHtml.CONFIG + ".js")).isRegularFile();
        assertThat(dir.resolve("mathjax/jax/output/SVG/jax.js")).isRegularFile();
        assertThat(dir.resolve("mathjax/jax/input/TeX/jax.js")).isRegularFile();
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("42-short.ipynb", "42-short.html", "mathjax");
        }
    }
}
