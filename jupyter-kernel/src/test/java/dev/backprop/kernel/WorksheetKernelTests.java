package dev.backprop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.Grader;
import dev.backprop.exercises.WorksheetNotebook;
import dev.backprop.exercises.Workspace;
import dev.backprop.exercises.sets.Sets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An exercise worksheet run in the kernel cell by cell, as Run All runs it: the answer key's grading cells print
 * PASS, the student's FAIL or BLOCKED, and a stub cell changed to the right answer and run again, with its grading
 * cell, turns FAIL into PASS.
 */
class WorksheetKernelTests {

    /** The smallest set: four functions, f1_score calling precision and recall. */
    private static final ExerciseSet SET = Sets.find("evaluation");
    private static final Path EXERCISES = Path.of("../exercises").toAbsolutePath().normalize();

    private static WorkshopKernel kernel;
    private static Grader grader;

    @BeforeAll
    static void startKernel() {
        // as ./workshop and the kernelspec do: the grader finds the exercise sources here
        System.setProperty("backprop.exercises.dir", EXERCISES.toString());
        grader = new Grader(new Workspace(EXERCISES));
        kernel = WorkshopKernel.create();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
        System.clearProperty("backprop.exercises.dir");
    }

    /** Runs every code cell of the notebook in order; returns what each printed, by cell id. */
    private static Map<String, String> runAll(String notebook) {
        Map<String, String> printed = new LinkedHashMap<>();
        for (JsonElement element : JsonParser.parseString(notebook).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = element.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                printed.put(cell.get("id").getAsString(), run(source(cell)));
            }
        }
        return printed;
    }

    private static String source(JsonObject cell) {
        StringBuilder text = new StringBuilder();
        cell.getAsJsonArray("source").forEach(line -> text.append(line.getAsString()));
        return text.toString();
    }

    /** Runs one cell and returns what it printed. */
    private static String run(String code) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            kernel.eval(code);
        } finally {
            System.setOut(out);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> grading(Map<String, String> printed) {
        Map<String, String> checks = new LinkedHashMap<>(printed);
        checks.keySet().removeIf(id -> !id.endsWith("-check"));
        return checks;
    }

    @Test
    void everyGradingCellOfTheAnswerKeyPrintsPass() {
        Map<String, String> printed = runAll(WorksheetNotebook.answerKey(grader, SET));

        assertThat(printed.get("evaluation-setup")).isEqualTo(
                "evaluation — Model evaluation: 4 functions, each graded by the check(...) cell under it\n");
        assertThat(grading(printed)).containsExactly(
                Map.entry("evaluation-01-check", "✓ PASS    confusion_matrix\n"),
                Map.entry("evaluation-02-check", "✓ PASS    precision\n"),
                Map.entry("evaluation-03-check", "✓ PASS    recall\n"),
                Map.entry("evaluation-04-check", "✓ PASS    f1_score\n"));
    }

    @Test
    void theStudentsWorksheetFailsThenAStubChangedToTheAnswerAndRunAgainPasses() {
        Map<String, String> printed = grading(runAll(WorksheetNotebook.student(grader, SET)));

        assertThat(printed).hasSize(4);
        assertThat(printed.get("evaluation-02-check")).startsWith("✗ FAIL    precision\n    ");
        assertThat(printed.get("evaluation-04-check")).startsWith("– BLOCKED f1_score\n    BLOCKED by precision");
        assertThat(printed.values()).allSatisfy(p -> assertThat(p).doesNotContain("PASS"));

        String stub = source(cell(WorksheetNotebook.student(grader, SET), "evaluation-02-code"));
        String answer = source(cell(WorksheetNotebook.answerKey(grader, SET), "evaluation-02-code"));
        assertThat(stub).isNotEqualTo(answer);
        run(answer);

        assertThat(run("check(\"precision\");")).isEqualTo("✓ PASS    precision\n");
        assertThat(run("check(\"f1_score\");")).as("recall still fails")
                .startsWith("– BLOCKED f1_score\n    BLOCKED by recall");
    }

    @Test
    void aCellThatDoesNotCompileIsGradedAsWrittenNotAsItsEarlierVersion() {
        runAll(WorksheetNotebook.answerKey(grader, SET));
        String answer = source(cell(WorksheetNotebook.answerKey(grader, SET), "evaluation-03-code"));

        CellError error = catchThrowableOfType(CellError.class, () -> run(answer.replaceFirst("return ", "return (")));

        assertThat(error.ename()).as("the cell itself shows the error").isEqualTo("CompileError");

        assertThat(run("check(\"recall\");")).startsWith("✗ FAIL    recall\n    does not compile: line ")
                .contains(" of the cell of recall: ");
    }

    @Test
    void aCompileErrorInAMethodBelowOtherCodeOfItsCellIsGradedWithTheLineOfTheCell() {
        runAll(WorksheetNotebook.answerKey(grader, SET));
        String broken = source(cell(WorksheetNotebook.answerKey(grader, SET), "evaluation-03-code"))
                .replaceFirst("return ", "return (");
        catchThrowableOfType(CellError.class, () -> run(broken));
        int alone = lineOfTheCell(run("check(\"recall\");"));

        catchThrowableOfType(CellError.class, () -> run("\n\n" + broken));
        int afterBlankLines = lineOfTheCell(run("check(\"recall\");"));
        catchThrowableOfType(CellError.class, () -> run("int[] unusedAbove = {\n    0};\n" + broken));
        int belowTwoLines = lineOfTheCell(run("check(\"recall\");"));

        assertThat(afterBlankLines).isEqualTo(alone + 2);
        // before: alone + 1 (the lines counted from the end of the snippet above)
        assertThat(belowTwoLines).isEqualTo(alone + 2);
    }

    /** N of the first "line N of the cell of recall" a check printed. */
    private static int lineOfTheCell(String printed) {
        Matcher m = Pattern.compile("line (\\d+) of the cell of recall").matcher(printed);
        assertThat(m.find()).as(printed).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static JsonObject cell(String notebook, String id) {
        for (JsonElement element : JsonParser.parseString(notebook).getAsJsonObject().getAsJsonArray("cells")) {
            if (element.getAsJsonObject().get("id").getAsString().equals(id)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no cell " + id);
    }
}
