package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.notebooks.Notebook.Code;
import dev.backprop.notebooks.Notebook.Image;
import dev.backprop.notebooks.Notebook.Markdown;
import dev.backprop.notebooks.Notebook.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookTests {

    @Test
    void splitsTextIntoLinesAsPythonsSplitlinesKeepends() {
        // "a\nb\r\nc\rd\u2028e\x0bf\x1cg\x85h\n\n".splitlines(True)
        assertThat(Notebook.lines("a\nb\r\nc\rd\u2028e\u000bf\u001cg\u0085h\n\n"))
                .containsExactly("a\n", "b\r\n", "c\r", "d\u2028", "e\u000b", "f\u001c", "g\u0085", "h\n", "\n");
        assertThat(Notebook.lines("")).isEmpty();
        assertThat(Notebook.lines("no newline")).containsExactly("no newline");
    }

    @Test
    void writesAValidNotebookForTheWorkshopsKernel() {
        Notebook notebook = new Notebook("T", List.of(new Markdown("m", "# T\n\ntext"),
                new Code("c", 1, "int x = 1;\nlog.println(x);", List.of(new Stream("1\n"),
                        new Image(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "<a picture>")))));
        String ipynb = notebook.toIpynb();

        assertThat(Nbformat.problems(ipynb)).isEmpty();
        assertThat(ipynb).endsWith("}\n")
                .contains("\"kernelspec\": {\n   \"display_name\": \"Java (Backprop Workshop)\",\n"
                        + "   \"language\": \"java\",\n   \"name\": \"backprop-workshop\"\n  }")
                .contains("\"mimetype\": \"text/x-java-source\"", "\"file_extension\": \".jshell\"",
                        "\"codemirror_mode\": \"java\"", "\"pygments_lexer\": \"java\"", "\"version\": \"17\"")
                .contains("\"image/png\": \"iVBORw==\"", "\"text/plain\": [\n       \"<a picture>\"\n      ]")
                .contains("\"source\": [\n    \"int x = 1;\\n\",\n    \"log.println(x);\"\n   ]")
                .contains("\"execution_count\": 1", "\"name\": \"stdout\"", "\"output_type\": \"display_data\"");
    }

    @Test
    void cellIdsAreValidAndUnique() {
        assertThatThrownBy(() -> new Notebook("T", List.of(new Markdown("same", ""), new Markdown("same", ""))))
                .hasMessageContaining("'same' is used twice");
        assertThatThrownBy(() -> new Notebook("T", List.of(new Markdown("has space", ""))))
                .hasMessageContaining("not 1-64 of [a-zA-Z0-9_-]");
        assertThatThrownBy(() -> new Notebook("T", List.of(new Markdown("x".repeat(65), ""))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
