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
 * syntax error) counts when its text reads as a method declaration.
 */
final class NotebookMethods implements Supplier<Map<String, String>> {

    private final JShell jshell;

    NotebookMethods(JShell jshell) {
        this.jshell = jshell;
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
                methods.put(method.name(), method.source());
            } else if (snippet.kind() == Snippet.Kind.ERRONEOUS) {
                MethodCell.name(snippet.source()).ifPresent(name -> methods.put(name, snippet.source()));
            }
        });
        return methods;
    }
}
