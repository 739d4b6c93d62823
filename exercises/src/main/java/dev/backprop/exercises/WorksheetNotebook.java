package dev.backprop.exercises;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set as a worksheet that runs: a Jupyter notebook (nbformat 4.5) for the workshop's kernel, "Java (Backprop
 * Workshop)". After the title and a setup cell (the exercise file's imports and {@code worksheet("SET")}), each
 * function has a Markdown cell (its task, formulas and the expected output on the grader's inputs), a code cell
 * with the method, and a grading cell, {@code check("workshop_name");}, which grades what the cells above define
 * and prints PASS, or FAIL and why, or BLOCKED (see {@code dev.backprop.exercises.notebook.Worksheets}).
 *
 * <p>The student's worksheet holds the stubs; the answer key, for instructors, the reference solutions between
 * the same markers. Cell ids come from the set's name and the function's number, keys are sorted and nothing
 * depends on the time, so exporting twice gives the same bytes, written as Jupyter itself saves a notebook.
 */
public final class WorksheetNotebook {

    /** The workshop's kernel, as {@code ./workshop kernel install} names it (module jupyter-kernel). */
    static final String KERNEL_NAME = "backprop-workshop";
    static final String KERNEL_DISPLAY_NAME = "Java (Backprop Workshop)";

    /** Jupyter's own layout: {@code json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False)}. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter(" ", "\n"))
                    .withArrayIndenter(new DefaultIndenter(" ", "\n")))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private WorksheetNotebook() {
    }

    /** The file a set's worksheet (and its answer key) is written to, e.g. {@code 01-activations.ipynb}. */
    public static String fileName(ExerciseSet set) {
        return String.format(Locale.ROOT, "%02d-%s.ipynb", set.number(), set.name());
    }

    /** The student's worksheet: the stubs in the function cells. */
    public static String student(Grader grader, ExerciseSet set) {
        return notebook(grader, set, false);
    }

    /** The answer key: the reference solutions in the function cells. */
    public static String answerKey(Grader grader, ExerciseSet set) {
        return notebook(grader, set, true);
    }

    private static String notebook(Grader grader, ExerciseSet set, boolean answers) {
        String source = answers ? Regions.answerKeyFile(grader.solutionSource(set)) : grader.stubSource(set);
        List<String> lines = source.lines().toList();
        List<SourceMethods.Method> methods = SourceMethods.of(source);
        String id = set.name();
        String title = "Exercise set " + set.number() + ": " + set.title() + (answers ? " (answer key)" : "");
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(markdown(id + "-title", "# " + title + "\n\n" + set.introduction() + "\n\n"
                + (answers ? answerKeyIntroduction(set) : studentIntroduction(set))));
        cells.add(code(id + "-setup", setup(set, lines)));
        List<SourceMethods.Method> given = methods.stream().filter(m -> set.functions().stream()
                .noneMatch(f -> f.javaName().equals(m.name()))).toList();
        if (!given.isEmpty()) {
            cells.add(markdown(id + "-given-text", "## Given\n\nWritten for you, and called by the functions below: "
                    + String.join(", ", given.stream().map(m -> "`" + m.name() + "`").toList())
                    + ". Run these cells as they are."));
            for (int k = 0; k < given.size(); k++) {
                cells.add(code(id + "-given-" + (k + 1), MethodCell.of(lines, given.get(k))));
            }
        }
        int n = 1;
        for (FunctionSpec f : set.functions()) {
            SourceMethods.Method method = SourceMethods.find(methods, f.javaName());
            if (method == null) {
                throw new IllegalStateException(set.className() + " has no method " + f.javaName());
            }
            String number = String.format(Locale.ROOT, "%02d", n);
            cells.add(markdown(id + "-" + number + "-text", text(grader, set, f, n)));
            cells.add(code(id + "-" + number + "-code", MethodCell.of(lines, method)));
            cells.add(code(id + "-" + number + "-check", "check(\"" + f.workshopName() + "\");"));
            n++;
        }
        Map<String, Object> notebook = new LinkedHashMap<>();
        notebook.put("cells", cells);
        notebook.put("metadata", Map.of(
                "kernelspec", Map.of("name", KERNEL_NAME, "display_name", KERNEL_DISPLAY_NAME, "language", "java"),
                "language_info", Map.of("name", "java", "version", "17", "mimetype", "text/x-java-source",
                        "file_extension", ".jshell", "codemirror_mode", "java", "pygments_lexer", "java"),
                "title", title));
        notebook.put("nbformat", 4);
        notebook.put("nbformat_minor", 5);
        try {
            return JSON.writeValueAsString(notebook) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the worksheet of " + set.name(), e);
        }
    }

    private static String studentIntroduction(ExerciseSet set) {
        return "Run the setup cell first. Then, function by function: write your code in its cell between"
                + " `// YOUR CODE STARTS HERE` and `// YOUR CODE ENDS HERE`, run the cell, and run the `check(...)`"
                + " cell under it. It grades the function as your cells define it and prints PASS, or FAIL and what"
                + " is wrong, or BLOCKED while a function it calls does not pass yet. Change the cell, run both"
                + " again, until it passes.\n\nThe notebook runs in the kernel \"" + KERNEL_DISPLAY_NAME
                + "\" (`./workshop kernel install`). Your cells are not saved into " + set.className()
                + ".java: `./workshop check " + set.name() + "` grades that file.";
    }

    private static String answerKeyIntroduction(ExerciseSet set) {
        return "The answer key, for instructors: the students' worksheet with each function's cell filled in with"
                + " the reference solution, so that every `check(...)` cell prints PASS when it runs in the kernel \""
                + KERNEL_DISPLAY_NAME + "\". `./workshop check " + set.name() + " --solutions` grades the same"
                + " solutions from the command line.";
    }

    /** The exercise file's imports, the graders' {@code worksheet} and {@code check}, and the set they grade. */
    private static String setup(ExerciseSet set, List<String> lines) {
        StringBuilder code = new StringBuilder("// Setup: what the cells below use. Run it first (or Run All).\n");
        lines.stream().filter(l -> l.startsWith("import ")).forEach(l -> code.append(l).append('\n'));
        code.append("import static dev.backprop.exercises.notebook.Worksheets.*;\n\n");
        code.append("// the set that check(\"function\") grades\n");
        code.append("worksheet(\"").append(set.name()).append("\");");
        return code.toString();
    }

    private static String text(Grader grader, ExerciseSet set, FunctionSpec f, int n) {
        StringBuilder md = new StringBuilder("## " + n + ". " + f.workshopName() + " (Java: " + f.javaName() + ")\n\n");
        md.append(f.task()).append("\n\n");
        if (!f.formula().isEmpty()) {
            md.append("```\n").append(f.formula()).append("\n```\n\n");
        }
        md.append("Expected output, for the inputs ").append(String.join(", ", f.argNames()))
                .append(" the grader uses:\n\n```\n").append(grader.expectedOutput(set, f)).append("\n```");
        return md.toString();
    }

    private static Map<String, Object> markdown(String id, String source) {
        return Map.of("cell_type", "markdown", "id", id, "metadata", Map.of(), "source", lines(source));
    }

    private static Map<String, Object> code(String id, String source) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("cell_type", "code");
        cell.put("execution_count", null);
        cell.put("id", id);
        cell.put("metadata", Map.of());
        cell.put("outputs", List.of());
        cell.put("source", lines(source));
        return cell;
    }

    /** Text as nbformat stores it: a list of lines, each but the last keeping its line break. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            lines.add(i < split.length - 1 ? split[i] + "\n" : split[i]);
        }
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
