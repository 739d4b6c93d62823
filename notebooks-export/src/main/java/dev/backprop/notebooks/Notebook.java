package dev.backprop.notebooks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Jupyter notebook in nbformat 4.5 for the workshop's Java kernel: Markdown cells, and code cells with the outputs
 * they produced. {@link #toIpynb()} gives the {@code .ipynb} text exactly as Jupyter would save it (see
 * {@link Json}), with multi-line text split into lines the way {@code nbformat} splits it.
 *
 * @param title the notebook's title, kept in its metadata
 * @param cells in order; every cell has an id, unique in the notebook
 */
public record Notebook(String title, List<Cell> cells) {

    /** The Java release the lessons are compiled for: the language a kernel needs to run the code cells. */
    static final String JAVA_RELEASE = "17";

    /** The kernel the notebooks run in: the workshop's own, {@code ./workshop kernel install}. */
    static final String KERNEL_NAME = "backprop-workshop";
    static final String KERNEL_DISPLAY_NAME = "Java (Backprop Workshop)";

    /** nbformat 4.5: "^[a-zA-Z0-9-_]+$", 1 to 64 characters. */
    private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** A cell of the notebook. */
    public sealed interface Cell permits Markdown, Code {
        String id();
    }

    /** Text in Markdown, formulas between {@code $…$}. */
    public record Markdown(String id, String source) implements Cell {
    }

    /** Java code, shown as run, with what it printed and plotted; {@code executionCount} is its {@code In [n]}. */
    public record Code(String id, int executionCount, String source, List<Output> outputs) implements Cell {
        public Code {
            outputs = List.copyOf(outputs);
        }
    }

    /** What a code cell produced. */
    public sealed interface Output permits Stream, Image {
    }

    /** Printed text, on standard output; whole lines, each ending with a newline. */
    public record Stream(String text) implements Output {
    }

    /** A PNG picture, with a line of text for readers that cannot show it. */
    public record Image(byte[] png, String description) implements Output {
    }

    public Notebook {
        cells = List.copyOf(cells);
        Set<String> ids = new HashSet<>();
        for (Cell cell : cells) {
            if (!CELL_ID.matcher(cell.id()).matches()) {
                throw new IllegalArgumentException("cell id '" + cell.id() + "' is not 1-64 of [a-zA-Z0-9_-]");
            }
            if (!ids.add(cell.id())) {
                throw new IllegalArgumentException("cell id '" + cell.id() + "' is used twice");
            }
        }
    }

    /** The {@code .ipynb} file's text, ending with a newline as Jupyter writes it. */
    public String toIpynb() {
        return Json.write(toJson()) + "\n";
    }

    /** The notebook as JSON values: maps, lists, strings and numbers. */
    Map<String, Object> toJson() {
        // The workshop's kernel (./workshop kernel install), as the jupyter-kernel module names it
        Map<String, Object> kernelspec = Map.of("name", KERNEL_NAME, "display_name", KERNEL_DISPLAY_NAME,
                "language", "java");
        // As the IJava and JJava kernels write it
        Map<String, Object> languageInfo = Map.of("name", "java", "version", JAVA_RELEASE,
                "mimetype", "text/x-java-source", "file_extension", ".jshell",
                "codemirror_mode", "java", "pygments_lexer", "java");
        List<Object> cellsJson = new ArrayList<>();
        for (Cell cell : cells) {
            cellsJson.add(cellJson(cell));
        }
        return Map.of("nbformat", 4, "nbformat_minor", 5,
                "metadata", Map.of("kernelspec", kernelspec, "language_info", languageInfo, "title", title),
                "cells", cellsJson);
    }

    private static Map<String, Object> cellJson(Cell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", cell.id());
        json.put("metadata", Map.of());
        if (cell instanceof Markdown markdown) {
            json.put("cell_type", "markdown");
            json.put("source", lines(markdown.source()));
        } else if (cell instanceof Code code) {
            json.put("cell_type", "code");
            json.put("execution_count", code.executionCount());
            json.put("source", lines(code.source()));
            List<Object> outputs = new ArrayList<>();
            for (Output output : code.outputs()) {
                outputs.add(outputJson(output));
            }
            json.put("outputs", outputs);
        }
        return json;
    }

    private static Map<String, Object> outputJson(Output output) {
        if (output instanceof Stream stream) {
            return Map.of("output_type", "stream", "name", "stdout", "text", lines(stream.text()));
        }
        Image image = (Image) output;
        Map<String, Object> data = Map.of("image/png", Base64.getEncoder().encodeToString(image.png()),
                "text/plain", lines(image.description()));
        return Map.of("output_type", "display_data", "data", data, "metadata", Map.of());
    }

    /**
     * Text as a list of lines, each keeping its line break: Python's {@code str.splitlines(keepends=True)}, which
     * {@code nbformat} applies to sources, streams and {@code text/*} data before it writes a notebook.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (isLineBoundary(c)) {
                int end = crlf ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The characters Python's {@code str.splitlines} breaks at. */
    private static boolean isLineBoundary(char c) {
        return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85
                || c == 0x2028 || c == 0x2029;
    }
}
