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
            description = "Only this function, by its workshop name (e.g. forward_propagation); with 'all', in"
                    + " every set that has it.")
    String function;

    @Option(names = "--hint", description = "Show the next hint for the first failing function (or FUNCTION), in"
            + " the first set where something fails.")
    boolean hint;

    @Option(names = "--json", paramLabel = "FILE", converter = PathValues.File.class,
            description = "Also write per-check results (name, status, score, output) as Gradescope-style JSON.")
    Path json;

    @Option(names = "--solutions", description = "Grade the reference solutions instead (for instructors).")
    boolean solutions;

    @Override
    public Integer call() {
        if (hint && solutions) {
            throw new ParameterException(spec.commandLine(), "--hint cannot be used with --solutions: hints are for"
                    + " your own code");
        }
        List<ExerciseSet> sets = sets();
        Workspace workspace = Workspace.current();
        Grader grader = new Grader(workspace);
        PrintWriter out = spec.commandLine().getOut();
        List<SetResult> results = new ArrayList<>();
        boolean allPassed = true;
        for (ExerciseSet set : sets) {
            SetResult result = grader.grade(set, solutions);
            results.add(result);
            String only = only(set);
            out.print(Report.text(result, only));
            allPassed &= only == null ? result.passed() == result.results().size() : result.result(only).passed();
        }
        if (hint) {
            out.print(hint(workspace, results));
        }
        if (json != null) {
            Report.writeJson(json, results);
            out.println("wrote " + json);
        }
        out.flush();
        return allPassed ? 0 : 1;
    }

    /** The sets to grade: SET, or with 'all' every set (every set that has FUNCTION, when it is given). */
    private List<ExerciseSet> sets() {
        if (!setName.equals("all")) {
            ExerciseSet set = ExercisesCommand.set(spec, setName);
            if (function != null && set.function(function) == null) {
                throw new ParameterException(spec.commandLine(), "set " + set.name() + " has no function '"
                        + function + "' (one of: " + String.join(", ", set.functions().stream()
                        .map(FunctionSpec::workshopName).toList()) + ")");
            }
            return List.of(set);
        }
        List<ExerciseSet> sets = Sets.all().stream().filter(s -> function == null || s.function(function) != null)
                .toList();
        if (sets.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no set has a function '" + function
                    + "' (./workshop exercises lists them)");
        }
        return sets;
    }

    /** FUNCTION's workshop name in this set, or null when every function is graded. */
    private String only(ExerciseSet set) {
        return function == null ? null : set.function(function).workshopName();
    }

    /**
     * One hint, the next one for the first failing function of the first set where something fails (for FUNCTION
     * when it is given and does not pass), or that no hint is needed.
     */
    private String hint(Workspace workspace, List<SetResult> results) {
        for (SetResult result : results) {
            String only = only(result.set());
            FunctionResult failing = result.results().stream()
                    .filter(r -> only == null ? r.status() == FunctionResult.Status.FAIL
                            : r.function().equals(only) && !r.passed())
                    .findFirst().orElse(null);
            if (failing != null) {
                return Hints.next(workspace, result.set(), result.set().function(failing.function()));
            }
        }
        return "no hint needed: nothing fails\n";
    }
}
