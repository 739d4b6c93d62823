package dev.backprop.exercises;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code exercises} and {@code check} commands, until they are registered in the top-level {@code workshop}
 * command: {@code ./workshop exercises ...} and {@code ./workshop check ...} land here.
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
