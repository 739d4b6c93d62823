package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema check has teeth: a valid notebook passes, and each planted bug, one at a time, is caught with the
 * place it is in.
 */
class JsonSchemaTests {

    private static String valid;

    @BeforeAll
    static void exportAShortLesson() throws Exception {
        valid = LessonNotebook.of(new ShortLesson()).toIpynb();
    }

    @Test
    void theVendoredSchemaIsTheOneItsNoticeNames() throws Exception {
        byte[] schema = Nbformat.schemaText().getBytes(StandardCharsets.UTF_8);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));
        assertThat(sha256).isEqualTo("523e3578ddbfcad52933d2423dc5951114ef73f48df180b6a601498ba5ca071a");
        assertThat(Nbformat.schemaText()).contains("\"description\": \"Jupyter Notebook v4.5 JSON schema.\"");
    }

    @Test
    void aNotebookOfAShortLessonIsValid() {
        assertThat(Nbformat.problems(valid)).isEmpty();
    }

    @Test
    void aCellWithoutAnIdIsInvalid() {
        assertThat(plant(nb -> cell(nb, 3).remove("id")))
                .contains("/cells/3: must be valid to one and only one schema, but 0 are valid",
                        "/cells/3: required property 'id' not found");
    }

    @Test
    void aCellIdWithASpaceIsInvalid() {
        assertThat(plant(nb -> cell(nb, 3).put("id", "two words")))
                .contains("/cells/3/id: does not match the regex pattern ^[a-zA-Z0-9-_]+$");
    }

    @Test
    void aCellIdUsedTwiceIsInvalid() {
        assertThat(plant(nb -> cell(nb, 3).put("id", cell(nb, 2).get("id"))))
                .containsExactly("cell id short-01-text is used twice");
    }

    @Test
    void aStreamWhoseTextIsANumberIsInvalid() {
        assertThat(plant(nb -> output(nb, 3, 0).put("text", 5L)))
                .contains("/cells/3: must be valid to one and only one schema, but 0 are valid")
                .anySatisfy(p -> assertThat(p).startsWith("/cells/3/outputs/0/text: "));
    }

    @Test
    void displayDataWithAnExecutionCountIsInvalid() {
        assertThat(plant(nb -> output(nb, 3, 1).put("execution_count", 1L)))
                .contains("/cells/3/outputs/1: property 'execution_count' is not defined in the schema and the schema "
                        + "does not allow additional properties");
    }

    @Test
    void aCodeCellWithoutAnExecutionCountOrWithANegativeOneIsInvalid() {
        assertThat(plant(nb -> cell(nb, 3).remove("execution_count"))).isNotEmpty();
        assertThat(plant(nb -> cell(nb, 3).put("execution_count", -1L)))
                .contains("/cells/3/execution_count: must have a minimum value of 0");
    }

    @Test
    void anOlderMinorVersionOrAnUnknownTopLevelKeyIsInvalid() {
        assertThat(plant(nb -> nb.put("nbformat_minor", 4L))).containsExactly("/nbformat_minor: must have a minimum value of 5");
        assertThat(plant(nb -> nb.put("extra", "x"))).containsExactly(
                "/: property 'extra' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void aKernelspecWithoutADisplayNameIsInvalid() {
        assertThat(plant(nb -> map(map(nb.get("metadata")).get("kernelspec")).remove("display_name")))
                .containsExactly("/metadata/kernelspec: required property 'display_name' not found");
    }

    @Test
    void repeatedTagsAreInvalid() {
        assertThat(plant(nb -> map(cell(nb, 2).get("metadata")).put("tags", List.of("a", "a"))))
                .contains("/cells/2/metadata/tags: must have only unique items in the array");
    }

    /** The problems of the valid notebook after {@code bug} changed it. */
    private static List<String> plant(Consumer<Map<String, Object>> bug) {
        Map<String, Object> notebook = map(Nbformat.parse(valid));
        bug.accept(notebook);
        return Nbformat.problems(notebook);
    }

    private static Map<String, Object> cell(Map<String, Object> notebook, int index) {
        return map(((List<?>) notebook.get("cells")).get(index));
    }

    private static Map<String, Object> output(Map<String, Object> notebook, int cell, int index) {
        return map(((List<?>) cell(notebook, cell).get("outputs")).get(index));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
