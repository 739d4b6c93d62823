package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.exercises.sets.Sets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The exercises and check commands, run in a copy of the module's sources. */
class CommandLineTests {

    @TempDir
    Path module;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void copyTheSources() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        for (String root : new String[] {"src/solution", "src/student"}) {
            try (Stream<Path> files = Files.walk(here.resolve(root))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = module.resolve(here.relativize(f));
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        System.setProperty("backprop.exercises.dir", module.toString());
    }

    @AfterEach
    void forgetTheWorkspace() {
        System.clearProperty("backprop.exercises.dir");
    }

    private int run(String... args) {
        CommandLine cl = ExercisesMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path studentFile() {
        return Workspace.current().student("TwoLayerNetworkExercise");
    }

    @Test
    void thereIsNoVersionOptionThatPrintsNothing() {
        assertThat(run("exercises", "--version")).isEqualTo(2);
        assertThat(run("check", "-V", "two-layer")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkGradesTheStudentFileAndEndsWithTheSummaryLine() {
        assertThat(run("check", "two-layer")).isEqualTo(1);
        assertThat(out.toString()).contains("✗ FAIL    layer_sizes").contains("– BLOCKED predict")
                .endsWith("two-layer: 0/8 passed\n");
    }

    @Test
    void checkSaysWhatBlocksABlockedFunctionAsTheWorksheetsCheckDoes() {
        assertThat(run("check", "activations")).isEqualTo(1);
        assertThat(out.toString()).contains("""
                  ✗ FAIL    sigmoid
                      sigmoid returned null; expected a matrix of shape (3, 4)
                  – BLOCKED sigmoid_backward
                      BLOCKED by sigmoid (it calls sigmoid; fix that first)
                  ✗ FAIL    tanh
                """);
    }

    @Test
    void exercisesEndsItsListingWithWhatTheMarksMean() {
        assertThat(run("exercises")).isZero();
        assertThat(out.toString()).contains("       ✗ sigmoid\n       – sigmoid_backward\n").contains("""
                       – f1_score

                ✓ PASS   ✗ FAIL   – BLOCKED: it calls a function that does not pass yet
                Edit the files under\s""");
    }

    @Test
    void checkOneFunctionPrintsOnlyThatFunction() {
        run("check", "two-layer", "compute_cost");
        assertThat(out.toString()).contains("compute_cost").doesNotContain("layer_sizes");
    }

    @Test
    void hintsAreRevealedOneLevelAtATime() {
        run("check", "two-layer", "forward_propagation", "--hint");
        assertThat(out.toString()).contains("hint 1/3 for forward_propagation").doesNotContain("hint 2/3");
        run("check", "two-layer", "forward_propagation", "--hint");
        assertThat(out.toString()).contains("hint 2/3 for forward_propagation").doesNotContain("hint 3/3");
    }

    @Test
    void solutionsScoreFullMarksInGradescopesJson() throws IOException {
        Path json = module.resolve("results.json");
        assertThat(run("check", "two-layer", "--solutions", "--json", json.toString())).isEqualTo(0);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("score").asDouble()).isEqualTo(8.0);
        assertThat(root.get("tests")).hasSize(8);
        JsonNode first = root.get("tests").get(0);
        assertThat(first.get("name").asText()).isEqualTo("two-layer: layer_sizes");
        assertThat(first.get("status").asText()).isEqualTo("passed");
        assertThat(first.get("max_score").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aFileThatDoesNotCompileAtAllFailsEveryFunctionButNotTheCommand() throws IOException {
        Files.writeString(studentFile(), Files.readString(studentFile()).replace("public final class", "public finl"));
        assertThat(run("check", "two-layer")).isEqualTo(1);
        assertThat(out.toString()).contains("does not compile: TwoLayerNetworkExercise.java:")
                .contains("two-layer: 0/8 passed");
    }

    @Test
    void resetRestoresTheStubs() throws IOException {
        String stub = Files.readString(studentFile());
        Files.writeString(studentFile(), stub.replace("int n_h = 0;", "int n_h = 4;"));
        assertThat(run("exercises", "reset", "two-layer")).isEqualTo(0);
        assertThat(Files.readString(studentFile())).isEqualTo(stub);
    }

    @Test
    void exportWritesAWorksheetWithFormulasStubsAndExpectedOutput() throws IOException {
        Path html = module.resolve("two-layer.html");
        assertThat(run("exercises", "export", "two-layer", "--format", "html", "--out", html.toString())).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>")
                .contains("<h2>3. forward_propagation (Java: forwardPropagation)</h2>")
                .contains("Z1 = W1 · X + b1").contains("// YOUR CODE STARTS HERE (≈ 4 lines)")
                .contains("Z1 =\n[[").contains("A2 = [[");
        assertThat(run("exercises", "export", "two-layer", "--format", "md")).isZero();
        assertThat(out.toString()).contains("## 4. compute_cost (Java: computeCost)").contains("```java");
    }

    @Test
    void exportAsANotebookGivesAWorksheetForTheKernelAndWithAnswersItsAnswerKey() throws IOException {
        Path ipynb = module.resolve("two-layer.ipynb");
        Path key = module.resolve("two-layer-key.ipynb");
        assertThat(run("exercises", "export", "two-layer", "--format", "ipynb", "--out", ipynb.toString())).isZero();
        assertThat(run("exercises", "export", "two-layer", "--format", "ipynb", "--answers", "--out", key.toString()))
                .isZero();

        JsonNode nb = new ObjectMapper().readTree(ipynb.toFile());
        assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
        assertThat(nb.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(nb.get("metadata").get("kernelspec").get("name").asText()).isEqualTo("backprop-workshop");
        JsonNode cells = nb.get("cells");
        assertThat(cells).hasSize(2 + 2 + 3 * 8);   // title, setup; the given sigmoid; each function's three cells
        assertThat(cells.get(11).get("id").asText()).isEqualTo("two-layer-03-code");
        assertThat(cells.get(11).get("source").toString()).contains("Cache forwardPropagation(Matrix X")
                .contains("// YOUR CODE STARTS HERE (≈ 4 lines)").contains("Matrix Z1 = null;");
        assertThat(cells.get(12).get("source").get(0).asText()).isEqualTo("check(\"forward_propagation\");");
        assertThat(new ObjectMapper().readTree(key.toFile()).get("cells").get(11).get("source").toString())
                .contains("Matrix Z1 = W1.dot(X).plus(b1);");
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        assertThat(run("check", "nope")).isEqualTo(2);
        assertThat(err.toString()).startsWith("workshop: unknown exercise set 'nope'").hasLineCount(1);
        assertThat(run("check", "two-layer", "no_such_function")).isEqualTo(2);
        assertThat(run("exercises", "export", "two-layer", "--format", "pdf")).isEqualTo(2);
    }

    @Test
    void checkAllWithAFunctionGradesItInEverySetThatHasIt() {
        // before: "NullPointerException: Cannot invoke \"dev.backprop.exercises.FunctionSpec.workshopName()\" because
        // the return value of \"dev.backprop.exercises.ExerciseSet.function(String)\" is null", exit 1
        assertThat(run("check", "all", "compute_cost")).isEqualTo(1);
        assertThat(out.toString()).contains("two-layer — ").contains("deep — ").doesNotContain("activations — ")
                .contains("✗ FAIL    compute_cost").doesNotContain("layer_sizes").endsWith("deep: 0/9 passed\n");
        assertThat(err.toString()).isEmpty();

        out.getBuffer().setLength(0);
        assertThat(run("check", "all", "compute_cost", "--solutions")).isZero();
        assertThat(out.toString()).contains("two-layer — ").contains("deep — ").contains("✓ PASS    compute_cost");

        assertThat(run("check", "all", "no_such_function")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("workshop: no set has a function 'no_such_function' (./workshop exercises"
                + " lists them)\n");
    }

    @Test
    void checkAllWithHintRevealsOneHintForTheFirstSetWhereSomethingFails() throws IOException {
        // before: a hint for the first failing function of every set, 8 hints revealed and recorded at once
        assertThat(run("check", "all", "--hint")).isEqualTo(1);
        assertThat(out.toString().split("hint 1/", -1)).hasSize(2);
        assertThat(out.toString()).contains("hint 1/2 for sigmoid: ");
        assertThat(Files.readString(Workspace.current().hintState())).isEqualTo("activations.sigmoid=1\n");

        out.getBuffer().setLength(0);
        assertThat(run("check", "all", "compute_cost", "--hint")).isEqualTo(1);
        assertThat(out.toString().split("hint 1/", -1)).hasSize(2);
        assertThat(out.toString()).contains(" for compute_cost: ");
        assertThat(Files.readString(Workspace.current().hintState()))
                .isEqualTo("activations.sigmoid=1\ntwo-layer.compute_cost=1\n");
    }

    @Test
    void withNothingFailingCheckAllWithHintSaysSoOnce() {
        Grader grader = new Grader(Workspace.current());
        for (ExerciseSet set : Sets.all()) {
            Workspace.write(Workspace.current().student(set.className()),
                    Regions.answerKeyFile(grader.solutionSource(set)));
        }
        // before: "no hint needed: nothing fails" once per set, 8 times
        assertThat(run("check", "all", "--hint")).isZero();
        assertThat(out.toString().split("no hint needed", -1)).hasSize(2);
        assertThat(out.toString()).endsWith("evaluation: 4/4 passed\nno hint needed: nothing fails\n");
    }

    @Test
    void hintIsRefusedWithSolutions() {
        // before: exit 0, and the student's first hint for sigmoid used up on the reference solution
        assertThat(run("check", "1", "sigmoid", "--solutions", "--hint")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("workshop: --hint cannot be used with --solutions: hints are for your"
                + " own code\n");
        assertThat(out.toString()).isEmpty();
        assertThat(Workspace.current().hintState()).doesNotExist();
    }

    @Test
    void anErrorOutsideTheRegionOfAFunctionFailsThatFunctionOnly() throws IOException {
        Files.writeString(studentFile(), Files.readString(studentFile()).replace("Matrix predictions = null;",
                "return forwardPropagation(X, parameters).A2().gt(0.5);"));
        // before: all 8 functions "does not compile: TwoLayerNetworkExercise.java:173: cannot find symbol (symbol:
        // variable predictions)"
        assertThat(run("check", "two-layer")).isEqualTo(1);
        assertThat(out.toString()).contains("""
                  ✗ FAIL    predict
                      does not compile: TwoLayerNetworkExercise.java:173: cannot find symbol (symbol: variable \
                predictions)
                """);
        assertThat(out.toString().split("does not compile", -1)).hasSize(2);
        assertThat(out.toString()).contains("✗ FAIL    layer_sizes\n      n_x is 0, expected 5\n");
    }

    @Test
    void fileOptionsRefuseAValueThatLooksLikeAnOptionAndAnEmptyName() {
        // before: exit 0, "wrote -x" (a file -x in the current folder); for '': exit 1, "cannot write : is a folder,
        // not a file"
        assertThat(run("exercises", "export", "two-layer", "--out", "-x")).isEqualTo(2);
        assertThat(run("check", "two-layer", "--json", "-x")).isEqualTo(2);
        assertThat(run("exercises", "export", "two-layer", "--out", "")).isEqualTo(2);
        assertThat(run("check", "two-layer", "--json", "")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("""
                workshop: Invalid value for option '--out': '-x' looks like an option, not a file (for a file of that \
                name, write ./-x)
                workshop: Invalid value for option '--json': '-x' looks like an option, not a file (for a file of that \
                name, write ./-x)
                workshop: Invalid value for option '--out': an empty file name; name a file, or leave the option out
                workshop: Invalid value for option '--json': an empty file name; name a file, or leave the option out
                """);
        assertThat(out.toString()).isEmpty();
        assertThat(Path.of("-x")).doesNotExist();
    }

    @Test
    void aMissingStudentFileIsNamedOnceWithHowToGetItBack() throws IOException {
        Files.delete(studentFile());
        // before: "cannot read F: F", and through ./workshop "; caused by no such file or folder: F" after it
        assertThat(run("check", "two-layer")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("workshop: " + studentFile() + " is missing: ./workshop exercises reset"
                + " two-layer writes it again, with the untouched stubs\n");
    }

    @Test
    void theListingShowsEverySetAndItsFunctions() {
        assertThat(run("exercises")).isZero();
        assertThat(out.toString()).contains("2  two-layer").contains("0/8 passed").contains("✗ forward_propagation")
                .contains("8  evaluation");
    }
}
