package dev.backprop.exercises;

import dev.backprop.exercises.sets.Sets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./workshop check SET [FUNCTION]}: compile what changed and grade it. */
@Command(name = "check", description = "Compile your exercise file and grade it, function by function.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SET", description = "The set, by name or number (e.g. two-layer or 2),"
            + " or 'all'.")
    String setName;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FUNCTION",
            description = "Only this function, by its workshop name (e.g. forward_propagation).")
    String function;

    @Option(names = "--hint", description = "Show the next hint for the first failing function (or FUNCTION).")
    boolean hint;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write per-check results (name, status, score, output) as Gradescope-style JSON.")
    Path json;

    @Option(names = "--solutions", description = "Grade the reference solutions instead (for instructors).")
    boolean solutions;

    @Override
    public Integer call() {
        List<ExerciseSet> sets = setName.equals("all") ? Sets.all() : List.of(ExercisesCommand.set(spec, setName));
        if (function != null && sets.size() == 1 && sets.get(0).function(function) == null) {
            throw new ParameterException(spec.commandLine(), "set " + sets.get(0).name() + " has no function '"
                    + function + "' (one of: " + String.join(", ", sets.get(0).functions().stream()
                    .map(FunctionSpec::workshopName).toList()) + ")");
        }
        Workspace workspace = Workspace.current();
        Grader grader = new Grader(workspace);
        PrintWriter out = spec.commandLine().getOut();
        List<SetResult> results = new ArrayList<>();
        boolean allPassed = true;
        for (ExerciseSet set : sets) {
            SetResult result = grader.grade(set, solutions);
            results.add(result);
            String only = function == null ? null : set.function(function).workshopName();
            out.print(Report.text(result, only));
            allPassed &= only == null ? result.passed() == result.results().size() : result.result(only).passed();
            if (hint) {
                FunctionResult failing = result.results().stream()
                        .filter(r -> only == null ? r.status() == FunctionResult.Status.FAIL : r.function().equals(only))
                        .findFirst().orElse(null);
                if (failing == null) {
                    out.println("no hint needed: nothing fails");
                } else {
                    out.print(Hints.next(workspace, set, set.function(failing.function())));
                }
            }
        }
        if (json != null) {
            Report.writeJson(json, results);
            out.println("wrote " + json);
        }
        out.flush();
        return allPassed ? 0 : 1;
    }
}
