package dev.backprop.exercises.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionResult;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.Grader;
import dev.backprop.exercises.MethodCell;
import dev.backprop.exercises.WorksheetNotebook;
import dev.backprop.exercises.Workspace;
import dev.backprop.exercises.sets.Sets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grading a worksheet's cells as the kernel hands them over: the methods a notebook declares, by name, put back into
 * the exercise class. The cells are read from the exported notebooks themselves.
 */
class WorksheetGradingTests {

    private static final Grader GRADER = new Grader(new Workspace(Path.of("").toAbsolutePath()));

    static Stream<ExerciseSet> sets() {
        return Sets.all().stream();
    }

    /** The methods a notebook's cells declare, by name, as the kernel would report them after Run All. */
    static Map<String, String> methodCells(String notebook) throws Exception {
        Map<String, String> methods = new LinkedHashMap<>();
        for (JsonNode cell : new ObjectMapper().readTree(notebook).get("cells")) {
            StringBuilder source = new StringBuilder();
            cell.get("source").forEach(line -> source.append(line.asText()));
            if (cell.get("cell_type").asText().equals("code")) {
                MethodCell.name(source.toString()).ifPresent(name -> methods.put(name, source.toString()));
            }
        }
        return methods;
    }

    private static String check(String set, String function, Map<String, String> cells) {
        ExerciseSet s = Sets.find(set);
        return Worksheets.check(GRADER, s, s.function(function), cells);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyGradingCellOfTheAnswerKeyPrintsPass(ExerciseSet set) throws Exception {
        Map<String, String> cells = methodCells(WorksheetNotebook.answerKey(GRADER, set));

        for (FunctionSpec f : set.functions()) {
            assertThat(Worksheets.check(GRADER, set, f, cells)).isEqualTo("✓ PASS    " + f.workshopName() + "\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyGradingCellOfTheStudentWorksheetPrintsFailOrBlockedAndWhy(ExerciseSet set) throws Exception {
        Map<String, String> cells = methodCells(WorksheetNotebook.student(GRADER, set));

        for (FunctionSpec f : set.functions()) {
            String printed = Worksheets.check(GRADER, set, f, cells);
            assertThat(printed).as(f.workshopName()).startsWith(f.dependsOn().isEmpty()
                    ? "✗ FAIL    " + f.workshopName() + "\n    " : "");
            assertThat(printed).as(f.workshopName()).matches("(?s)(✗ FAIL    |– BLOCKED ).*\n    \\S.*");
        }
    }

    @Test
    void aCellThatDoesNotCompileGetsTheCompilersMessageWithTheLineOfTheCell() throws Exception {
        Map<String, String> cells = new HashMap<>(methodCells(WorksheetNotebook.answerKey(GRADER,
                Sets.find("activations"))));
        String cell = cells.get("sigmoidBackward");
        assertThat(cell.lines().toList().get(3)).isEqualTo("    Matrix s = sigmoid(Z);");
        cells.put("sigmoidBackward", cell.replace("sigmoid(Z);", "sigmod(Z);"));

        assertThat(check("activations", "sigmoid_backward", cells)).isEqualTo("""
                ✗ FAIL    sigmoid_backward
                    does not compile: line 4 of the cell of sigmoidBackward: cannot find symbol (symbol: method \
                sigmod(dev.backprop.core.matrix.Matrix))
                """);
        assertThat(check("activations", "softmax", cells)).as("the other functions are still graded")
                .isEqualTo("✓ PASS    softmax\n");
    }

    @Test
    void anExceptionInACellNamesTheLineOfTheCell() throws Exception {
        Map<String, String> cells = new HashMap<>(methodCells(WorksheetNotebook.answerKey(GRADER,
                Sets.find("activations"))));
        cells.put("sigmoid", "Matrix sigmoid(Matrix Z) {\n    Matrix A = Z.dot(Z);\n    return A;\n}");

        assertThat(check("activations", "sigmoid", cells)).startsWith("✗ FAIL    sigmoid\n    sigmoid threw ")
                .endsWith("(line 2 of the cell of sigmoid)\n");
    }

    @Test
    void aHelperOfTheStudentsOwnThatAFunctionCallsIsGradedWithItAndOtherCellsAreLeftOut() throws Exception {
        Map<String, String> cells = new HashMap<>(methodCells(WorksheetNotebook.answerKey(GRADER,
                Sets.find("activations"))));
        cells.put("sigmoid", "Matrix sigmoid(Matrix Z) {\n    return reciprocal(Z.negate().exp().plus(1));\n}");
        cells.put("reciprocal", "/** 1 / M. */\nMatrix reciprocal(Matrix M) {\n    return M.rdiv(1);\n}");
        cells.put("scratch", "int scratch() {\n    return notDefinedAnywhere;\n}");

        assertThat(check("activations", "sigmoid", cells)).isEqualTo("✓ PASS    sigmoid\n");

        cells.put("reciprocal", "Matrix reciprocal(Matrix M) {\n    return M.rdiv(\"1\");\n}");
        assertThat(check("activations", "sigmoid", cells)).startsWith("✗ FAIL    sigmoid\n    does not compile: "
                + "line 2 of the cell of reciprocal: ");
    }

    @Test
    void aFunctionWhoseCellHasNotRunIsGradedAsItsStubAndSaysSo() {
        assertThat(check("activations", "tanh", Map.of())).startsWith("✗ FAIL    tanh\n")
                .endsWith("    (no cell declares tanh yet: this graded its stub)\n");
    }

    @Test
    void aBlockedFunctionSaysWhichFunctionBlocksIt() throws Exception {
        Map<String, String> cells = new HashMap<>(methodCells(WorksheetNotebook.answerKey(GRADER,
                Sets.find("evaluation"))));
        cells.remove("recall");

        assertThat(check("evaluation", "f1_score", cells)).isEqualTo("""
                – BLOCKED f1_score
                    BLOCKED by recall (it calls recall; fix that first)
                """);
    }

    @Test
    void gradingAFunctionGradesWhatItCallsAndNothingElse() {
        ExerciseSet set = Sets.find("evaluation");

        var result = GRADER.grade(set, GRADER.stubSource(set), "stub", "f1_score");

        assertThat(result.results()).extracting(FunctionResult::function)
                .containsExactly("precision", "recall", "f1_score");
    }

    @Test
    void withNoCellsTheClassIsTheStub() {
        ExerciseSet set = Sets.find("two-layer");

        assertThat(WorksheetSource.of(GRADER.stubSource(set), Map.of()).source()).isEqualTo(GRADER.stubSource(set));
    }

    @Test
    void theCellsCheckFromTheKernelsMethodsAndPrintsTheResult() throws Exception {
        Map<String, String> cells = methodCells(WorksheetNotebook.answerKey(GRADER, Sets.find("evaluation")));
        Supplier<Map<String, String>> kernel = () -> cells;
        NotebookSources.use(kernel);
        try {
            assertThat(printed(() -> Worksheets.worksheet("evaluation"))).isEqualTo(
                    "evaluation — Model evaluation: 4 functions, each graded by the check(...) cell under it\n");
            assertThat(printed(() -> Worksheets.check("precision"))).isEqualTo("✓ PASS    precision\n");
        } finally {
            NotebookSources.stopUsing(kernel);
        }
    }

    /** What {@code action} printed on standard output. */
    private static String printed(Runnable action) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void misuseIsOneLineThatSaysWhatToDo() {
        assertThatThrownBy(() -> Worksheets.worksheet("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown exercise set 'nope' (one of: activations, two-layer,");
        printed(() -> Worksheets.worksheet("evaluation"));
        assertThatThrownBy(() -> Worksheets.check("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("worksheet evaluation has no function 'nope' (one of: confusion_matrix, precision,"
                        + " recall, f1_score)");
        assertThatThrownBy(() -> Worksheets.check("precision")).as("outside the workshop's kernel")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs in the workshop's kernel \"Java (Backprop Workshop)\"")
                .hasMessageEndingWith("elsewhere: ./workshop check evaluation precision");
    }
}
