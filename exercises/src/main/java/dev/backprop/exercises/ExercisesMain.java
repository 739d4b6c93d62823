package dev.backprop.exercises;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code exercises} and {@code check} commands on their own, without the rest of the workshop (the module's tests
 * run them so). {@code ./workshop} registers the same two commands in its own command line, which adds
 * {@code -h/--help} and {@code --debug} to each.
 */
@Command(name = "workshop", description = "Workshop exercises and their grader.",
        subcommands = {ExercisesCommand.class, CheckCommand.class})
public final class ExercisesMain implements Runnable {

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with one-line errors and exit code 2 for bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ExercisesMain());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("workshop: " + ex.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("workshop: " + ex.getMessage());
            return 1;
        });
        return cl;
    }
}
