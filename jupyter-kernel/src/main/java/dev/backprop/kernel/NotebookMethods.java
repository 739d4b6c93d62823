package dev.backprop.kernel;

import dev.backprop.exercises.MethodCell;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;

/**
 * The methods the notebook's cells have declared, by name, as a worksheet's {@code check("...")} grades them: for
 * each name the newest declaration JShell holds, whatever its state, so that one that does not compile is graded
 * (and reported) as what the student wrote last, not as an older version. A cell JShell could not even parse (a
 * syntax error) counts when its text reads as a method declaration. Each source comes after as many line breaks as
 * its cell has lines above it, so that the grader's "line n of the cell of ..." is the line of the cell.
 */
final class NotebookMethods implements Supplier<Map<String, String>> {

    private final JShell jshell;
    private final Map<String, Cell> cellOfSnippet;

    /** The methods {@code jshell} holds; {@code cellOfSnippet} tells which cell each snippet was cut from. */
    NotebookMethods(JShell jshell, Map<String, Cell> cellOfSnippet) {
        this.jshell = jshell;
        this.cellOfSnippet = cellOfSnippet;
    }

    @Override
    public Map<String, String> get() {
        Map<String, String> methods = new LinkedHashMap<>();
        // snippets() is in the order they were declared: a later declaration replaces an earlier one of the name
        jshell.snippets().forEach(snippet -> {
            Snippet.Status status = jshell.status(snippet);
            if (status == Snippet.Status.DROPPED || status == Snippet.Status.OVERWRITTEN) {
                return;
            }
            if (snippet instanceof MethodSnippet method) {
                methods.put(method.name(), asInItsCell(snippet));
            } else if (snippet.kind() == Snippet.Kind.ERRONEOUS) {
                MethodCell.name(snippet.source()).ifPresent(name -> methods.put(name, asInItsCell(snippet)));
            }
        });
        return methods;
    }

    /** The snippet's source after a line break for each line of its cell above the snippet's first line. */
    private String asInItsCell(Snippet snippet) {
        Cell cell = cellOfSnippet.get(snippet.id());
        int above = cell == null ? 0 : Math.max(cell.line(snippet.id(), 1) - 1, 0);
        return "\n".repeat(above) + snippet.source();
    }
}
