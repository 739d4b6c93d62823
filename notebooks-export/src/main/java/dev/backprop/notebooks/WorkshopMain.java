package dev.backprop.notebooks;

import dev.backprop.exercises.CheckCommand;
import dev.backprop.exercises.ExercisesCommand;
import dev.backprop.kernel.KernelCommand;
import dev.backprop.lessons.ListCommand;
import dev.backprop.lessons.RunCommand;
import dev.backprop.lessons.TrainCommand;
import dev.backprop.lessons.Workshop;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./workshop}, the one command line of the workshop: the {@code workshop} script always starts this class.
 * It lives in this module because this module sees every other one.
 * <p>
 * <b>Adding a command:</b> write a picocli {@code @Command} class (implementing {@code Callable<Integer>}, with a
 * description on the command and on each option) in any module this one depends on, and add it to the
 * {@code subcommands} list below. It gets {@code --help} and {@code --debug}, one-line usage errors with exit code 2,
 * and one-line failures with exit code 1 for free; {@link Workshop} has the shared parts ({@code --out} folders,
 * lessons by name, backends, reporting a failure).
 */
@Command(name = "workshop",
        description = "Backprop Workshop: lessons, notebooks and training, from the workshop's numpy code in Java.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "./workshop COMMAND --help describes a command. "
                + "Give Java more memory with " + Workshop.JAVA_OPTS + "=\"-Xmx8g\" ./workshop ..."},
        subcommands = {
            // The commands, in the order --help lists them. Register new ones here (a command from another module
            // needs that module as a dependency of this one).
            ListCommand.class,
            RunCommand.class,
            TrainCommand.class,
            ExportNotebooks.class,
            ExercisesCommand.class,
            CheckCommand.class,
            KernelCommand.class,
            HelpCommand.class,
        })
public final class WorkshopMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Workshop.execute(new WorkshopMain(), args));
    }

    /** {@code ./workshop} with no command: the usage, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
