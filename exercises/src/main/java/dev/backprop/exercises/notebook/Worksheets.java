package dev.backprop.exercises.notebook;

import dev.backprop.exercises.ExerciseSet;
import dev.backprop.exercises.FunctionResult;
import dev.backprop.exercises.FunctionSpec;
import dev.backprop.exercises.Grader;
import dev.backprop.exercises.Report;
import dev.backprop.exercises.SetResult;
import dev.backprop.exercises.Workspace;
import dev.backprop.exercises.sets.Sets;
import java.util.List;
import java.util.Map;

/**
 * What a worksheet's cells call, with {@code import static dev.backprop.exercises.notebook.Worksheets.*;}:
 * <pre>
 * worksheet("activations");       // the setup cell: the set the checks below grade
 * check("sigmoid_backward");      // under a function's cell: grades it, as the notebook defines it now
 * </pre>
 * {@code check} builds the set's exercise class from the stub file and the methods the notebook's cells declare
 * (the kernel tells them, see {@link NotebookSources}), grades the function and those it calls, and prints the
 * function's result as {@code ./workshop check} does. A FAIL is printed, not thrown, so that Run All shows every
 * function's result; only a misuse (an unknown set or function, no {@code worksheet} first, no workshop kernel)
 * throws, with one line that says what to do.
 */
public final class Worksheets {

    /** How the grader's messages name the notebook's code before {@link WorksheetSource} names the cell. */
    static final String DISPLAY_NAME = "the worksheet's cells";

    private static volatile ExerciseSet current;

    private Worksheets() {
    }

    /** Chooses the set that {@link #check} grades, by name or number (e.g. {@code "two-layer"} or {@code "2"}). */
    public static void worksheet(String set) {
        ExerciseSet found = Sets.find(set);
        if (found == null) {
            throw new IllegalArgumentException("unknown exercise set '" + set + "' (one of: " + String.join(", ",
                    Sets.all().stream().map(ExerciseSet::name).toList()) + ")");
        }
        current = found;
        System.out.println(found.name() + " — " + found.title() + ": " + found.functions().size()
                + " functions, each graded by the check(...) cell under it");
    }

    /** Grades one function of the worksheet's set as the notebook's cells define it, and prints the result. */
    public static void check(String function) {
        ExerciseSet set = current;
        if (set == null) {
            throw new IllegalStateException("no worksheet chosen: run the setup cell, with worksheet(\"SET\"), first");
        }
        FunctionSpec f = set.function(function);
        if (f == null) {
            throw new IllegalArgumentException("worksheet " + set.name() + " has no function '" + function
                    + "' (one of: " + String.join(", ", set.functions().stream().map(FunctionSpec::workshopName)
                    .toList()) + ")");
        }
        Map<String, String> cells = NotebookSources.methods().orElseThrow(() -> new IllegalStateException(
                "check grades the cells of a notebook, so it runs in the workshop's kernel \"Java (Backprop"
                        + " Workshop)\" (./workshop kernel install); elsewhere: ./workshop check " + set.name() + " "
                        + f.workshopName()));
        System.out.print(check(new Grader(Workspace.current()), set, f, cells));
        System.out.flush();
    }

    /**
     * What {@link #check} prints for {@code f}, graded with the methods {@code cells} declare: its result line,
     * and under it why it fails or what blocks it, with lines of the class told as lines of the cells.
     */
    static String check(Grader grader, ExerciseSet set, FunctionSpec f, Map<String, String> cells) {
        WorksheetSource source = WorksheetSource.of(grader.stubSource(set), cells);
        SetResult graded = grader.grade(set, source.source(), DISPLAY_NAME, f.workshopName());
        FunctionResult r = graded.result(f.workshopName());
        List<String> message = r.message().stream()
                .map(line -> source.explain(line, DISPLAY_NAME, set.className())).toList();
        StringBuilder out = new StringBuilder(Report.function(new FunctionResult(r.function(), r.status(), message),
                ""));
        if (!cells.containsKey(f.javaName())) {
            out.append("    (no cell declares ").append(f.javaName()).append(" yet: this graded its stub)\n");
        }
        return out.toString();
    }
}
