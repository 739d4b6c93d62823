package dev.backprop.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.lessons.Workshop;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The one top-level command, {@code ./workshop}: its commands, its help, and a description for every option. */
class WorkshopMainTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int workshop(String... args) {
        return Workshop.execute(new WorkshopMain(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommand() {
        assertThat(workshop("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: workshop")
                .contains("list").contains("run").contains("notebooks").contains("WORKSHOP_JAVA_OPTS");
    }

    @Test
    void noCommandPrintsTheUsageAndExitsWith2() {
        assertThat(workshop()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Usage: workshop");
    }

    @Test
    void anUnknownCommandIsOneLineAndExit2() {
        assertThat(workshop("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("workshop: unknown command 'frobnicate'")
                .hasLineCount(1);
    }

    @Test
    void helpOfACommandIsReachedThroughTheTopLevel() {
        assertThat(workshop("help", "notebooks")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: workshop notebooks");
        assertThat(workshop("run", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: workshop run");
    }

    @Test
    void everyCommandAndEveryOptionAndParameterHasADescription() {
        CommandLine top = Workshop.commandLine(new WorkshopMain(), new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<String> undescribed = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>(List.of(top.getCommandSpec()));
        top.getSubcommands().values().forEach(c -> commands.add(c.getCommandSpec()));
        for (CommandSpec command : commands) {
            if (command.usageMessage().description().length == 0) {
                undescribed.add(command.qualifiedName());
            }
            List<ArgSpec> args = new ArrayList<>(command.options());
            args.addAll(command.positionalParameters());
            for (ArgSpec arg : args) {
                if (arg.description().length == 0 || String.join("", arg.description()).isBlank()) {
                    undescribed.add(command.qualifiedName() + " " + arg.paramLabel() + " " + arg);
                }
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(4);
        assertThat(undescribed).isEmpty();
    }
}
