package dev.backprop.kernel;

import dev.backprop.exercises.PathValues;
import dev.backprop.lessons.Workshop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./workshop kernel install [--user | --prefix DIR]} and {@code ./workshop kernel remove}: the workshop's
 * Jupyter kernel, "Java (Backprop Workshop)", made known to Jupyter (or forgotten).
 */
@Command(name = "kernel", description = "Install or remove the Jupyter kernel \"" + WorkshopKernel.DISPLAY_NAME + "\" ("
                + WorkshopKernel.NAME + "), in which the lesson notebooks and the exercise worksheets run.",
        subcommands = {KernelCommand.Install.class, KernelCommand.Remove.class})
public final class KernelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "kernel: say 'install' or 'remove'");
    }

    /** Where the kernelspec goes: the user's Jupyter folder (the default), or a prefix. */
    static final class Location {
        @Option(names = "--user", description = {"The user's Jupyter data folder (the default).",
            "On Linux: ~/.local/share/jupyter"})
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR", converter = PathValues.Folder.class,
                description = "DIR/share/jupyter, as for 'jupyter kernelspec install --prefix DIR' (for a virtual"
                        + " environment, or a temporary JUPYTER_PATH).")
        Path prefix;

        static Path kernels(Location location) {
            return location == null || location.prefix == null ? Kernelspec.userKernels(System.getenv())
                    : Kernelspec.kernelsUnderPrefix(location.prefix);
        }
    }

    @Command(name = "install",
            description = "Write the kernelspec: Jupyter then starts the kernel with this Java and this build of "
                    + "the workshop. Run it again after moving the workshop or changing Java.")
    static final class Install implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ArgGroup(exclusive = true)
        Location location;

        @Override
        public Integer call() {
            Path kernels = Location.kernels(location);
            try {
                Path dir = Kernelspec.install(kernels,
                        Kernelspec.kernelJson(Kernelspec.currentJava(), Kernelspec.currentClasspath(),
                                Kernelspec.currentExercises()));
                spec.commandLine().getOut().println("installed the kernel " + WorkshopKernel.NAME + " (\""
                        + WorkshopKernel.DISPLAY_NAME + "\") in " + dir);
                return 0;
            } catch (IOException e) {
                return Workshop.failed(spec, "kernel install failed", e);
            }
        }
    }

    @Command(name = "remove", description = "Remove the kernelspec.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean help;

        @ArgGroup(exclusive = true)
        Location location;

        @Override
        public Integer call() {
            Path kernels = Location.kernels(location);
            try {
                Path removed = Kernelspec.remove(kernels);
                if (removed == null) {
                    spec.commandLine().getErr().println("workshop: kernel remove: no kernel " + WorkshopKernel.NAME
                            + " in " + kernels);
                    return 1;
                }
                spec.commandLine().getOut().println("removed the kernel " + WorkshopKernel.NAME + " from " + removed);
                return 0;
            } catch (IOException e) {
                return Workshop.failed(spec, "kernel remove failed", e);
            }
        }
    }

    /** The command line, with bad input reported in one line and exit code 2. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new KernelCommand());
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(e.getMessage() + " (see ./workshop kernel --help)");
            return 2;
        });
        return commandLine;
    }

    /** The command on its own; {@code ./workshop kernel} reaches it through the top-level {@code workshop} command. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
