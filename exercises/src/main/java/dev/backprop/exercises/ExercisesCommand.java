package dev.backprop.exercises;

import dev.backprop.exercises.sets.Sets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ./workshop exercises}: the sets, their functions and which pass; {@code reset}; {@code export}. */
@Command(name = "exercises", description = "List the exercise sets, their functions and which pass.",
        subcommands = {ExercisesCommand.Reset.class, ExercisesCommand.Export.class})
public final class ExercisesCommand implements Callable<Integer> {

    /** What the listing's marks mean, printed under it. */
    static final String LEGEND = Report.mark(FunctionResult.Status.PASS) + " PASS   "
            + Report.mark(FunctionResult.Status.FAIL) + " FAIL   "
            + Report.mark(FunctionResult.Status.BLOCKED) + " BLOCKED: it calls a function that does not pass yet";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = Workspace.current();
        Grader grader = new Grader(workspace);
        for (ExerciseSet set : Sets.all()) {
            SetResult result = grader.grade(set, false);
            out.printf("%d  %-15s %-36s %d/%d passed   %s.java%n", set.number(), set.name(), set.title(),
                    result.passed(), result.results().size(), set.className());
            for (FunctionResult r : result.results()) {
                out.printf("       %s %s%n", Report.mark(r.status()), r.function());
            }
        }
        out.println();
        out.println(LEGEND);
        out.println("Edit the files under " + workspace.moduleDir().resolve("src/student/java")
                + ", then: ./workshop check SET [FUNCTION] [--hint]");
        out.flush();
        return 0;
    }

    static ExerciseSet set(CommandSpec spec, String name) {
        ExerciseSet set = Sets.find(name);
        if (set == null) {
            throw new ParameterException(spec.commandLine(), "unknown exercise set '" + name + "' (one of: "
                    + String.join(", ", Sets.all().stream().map(ExerciseSet::name).toList()) + ")");
        }
        return set;
    }

    @Command(name = "reset",
            description = "Restore a set's student file to the untouched stubs (your code in it is lost).")
    public static final class Reset implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SET", description = "The set, by name or number (e.g. two-layer or 2).")
        String setName;

        @Override
        public Integer call() {
            ExerciseSet set = set(spec, setName);
            Workspace workspace = Workspace.current();
            Path file = workspace.student(set.className());
            Workspace.write(file, new Grader(workspace).stubSource(set));
            spec.commandLine().getOut().println("reset " + file);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "export",
            description = "Export a set as a worksheet: instructions, formulas, the stubs and the expected output.",
            footer = {"", "As a notebook (ipynb), the worksheet runs in the workshop's kernel",
                "(./workshop kernel install): a check(\"function\") cell grades each function.",
                "./workshop notebooks writes every set's worksheet and answer key."})
    public static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SET", description = "The set, by name or number.")
        String setName;

        @Option(names = "--format", defaultValue = "md",
                description = "md, html or ipynb (a notebook for the workshop's kernel) (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--answers", description = "The answer key: the reference solutions instead of the stubs"
                + " (for instructors).")
        boolean answers;

        @Option(names = "--out", paramLabel = "FILE", converter = PathValues.File.class,
                description = "Write to FILE instead of printing.")
        Path out;

        @Override
        public Integer call() {
            ExerciseSet set = set(spec, setName);
            if (!format.equals("md") && !format.equals("html") && !format.equals("ipynb")) {
                throw new ParameterException(spec.commandLine(), "--format must be md, html or ipynb, not '" + format
                        + "'");
            }
            String text = Worksheet.export(new Grader(Workspace.current()), set, format, answers);
            if (out == null) {
                spec.commandLine().getOut().print(text);
            } else {
                Workspace.write(out, text);
                spec.commandLine().getOut().println("wrote " + out);
            }
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
