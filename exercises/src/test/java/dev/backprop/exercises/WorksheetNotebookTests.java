package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backprop.exercises.sets.Sets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A set's worksheet notebook and its answer key: the cells, in order, and the same bytes every time. */
class WorksheetNotebookTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<ExerciseSet> sets() {
        return Sets.all().stream();
    }

    private static JsonNode cells(String notebook) throws Exception {
        return JSON.readTree(notebook).get("cells");
    }

    private static String source(JsonNode cell) {
        StringBuilder text = new StringBuilder();
        cell.get("source").forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void exportingTwiceGivesTheSameBytes(ExerciseSet set) {
        assertThat(WorksheetNotebook.student(Grading.GRADER, set))
                .isEqualTo(WorksheetNotebook.student(Grading.GRADER, set));
        assertThat(WorksheetNotebook.answerKey(Grading.GRADER, set))
                .isEqualTo(WorksheetNotebook.answerKey(Grading.GRADER, set));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void eachFunctionHasItsTextItsMethodAndAGradingCellUnderIt(ExerciseSet set) throws Exception {
        JsonNode cells = cells(WorksheetNotebook.student(Grading.GRADER, set));
        List<String> ids = new ArrayList<>();
        cells.forEach(c -> ids.add(c.get("id").asText()));

        assertThat(ids.get(0)).isEqualTo(set.name() + "-title");
        assertThat(ids.get(1)).isEqualTo(set.name() + "-setup");
        for (int n = 1; n <= set.functions().size(); n++) {
            FunctionSpec f = set.functions().get(n - 1);
            String prefix = set.name() + "-" + String.format("%02d", n);
            int text = ids.indexOf(prefix + "-text");
            assertThat(ids.subList(text, text + 3)).containsExactly(prefix + "-text", prefix + "-code",
                    prefix + "-check");
            assertThat(source(cells.get(text))).startsWith("## " + n + ". " + f.workshopName() + " (Java: "
                    + f.javaName() + ")").contains("Expected output");
            assertThat(source(cells.get(text + 1))).contains(" " + f.javaName() + "(")
                    .contains("// YOUR CODE STARTS HERE").doesNotContain("public static");
            assertThat(source(cells.get(text + 2))).isEqualTo("check(\"" + f.workshopName() + "\");");
        }
    }

    @Test
    void theSetupCellHasTheExerciseFilesImportsAndChoosesTheSet() throws Exception {
        ExerciseSet deep = Sets.find("deep");

        String setup = source(cells(WorksheetNotebook.student(Grading.GRADER, deep)).get(1));

        assertThat(setup).contains("import dev.backprop.core.model.DeepNetwork.LayerCache;\n",
                "import static dev.backprop.exercises.notebook.Worksheets.*;\n").endsWith("worksheet(\"deep\");");
    }

    @Test
    void theGivenMethodsOfTheClassHaveCellsBeforeTheFunctions() throws Exception {
        JsonNode cells = cells(WorksheetNotebook.student(Grading.GRADER, Sets.find("deep")));

        assertThat(cells.get(2).get("id").asText()).isEqualTo("deep-given-text");
        assertThat(source(cells.get(2))).contains("`sigmoid`, `relu`, `sigmoidBackward`, `reluBackward`");
        assertThat(source(cells.get(3))).startsWith("/** Given: A = σ(Z). */\nMatrix sigmoid(Matrix Z) {");
        assertThat(cells.get(6).get("id").asText()).isEqualTo("deep-given-4");
        assertThat(cells.get(7).get("id").asText()).isEqualTo("deep-01-text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theAnswerKeyIsTheWorksheetWithTheSolutionsInTheFunctionCells(ExerciseSet set) throws Exception {
        JsonNode student = cells(WorksheetNotebook.student(Grading.GRADER, set));
        JsonNode key = cells(WorksheetNotebook.answerKey(Grading.GRADER, set));

        assertThat(key.size()).isEqualTo(student.size());
        for (int i = 0; i < key.size(); i++) {
            String id = key.get(i).get("id").asText();
            assertThat(student.get(i).get("id").asText()).isEqualTo(id);
            if (id.endsWith("-code")) {
                assertThat(source(key.get(i))).as(id).isNotEqualTo(source(student.get(i)))
                        .contains("// YOUR CODE STARTS HERE");
            } else if (!id.endsWith("-title")) {
                assertThat(source(key.get(i))).as(id).isEqualTo(source(student.get(i)));
            }
        }
    }

    @Test
    void theNotebookIsForTheWorkshopsKernel() throws Exception {
        JsonNode nb = JSON.readTree(WorksheetNotebook.student(Grading.GRADER, Sets.find("evaluation")));

        assertThat(nb.get("nbformat").asInt()).isEqualTo(4);
        assertThat(nb.get("nbformat_minor").asInt()).isEqualTo(5);
        assertThat(nb.get("metadata").get("kernelspec").toString())
                .isEqualTo("{\"display_name\":\"Java (Backprop Workshop)\",\"language\":\"java\","
                        + "\"name\":\"backprop-workshop\"}");
        assertThat(WorksheetNotebook.fileName(Sets.find("evaluation"))).isEqualTo("08-evaluation.ipynb");
    }
}
