package dev.backprop.lessons;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./workshop list}: every lesson with its number, name and title. */
@Command(name = "list", description = "List the lessons: number, name and title.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Lesson lesson : Lessons.all()) {
            out.printf("%2d  %-18s %s%n", lesson.number(), lesson.name(), lesson.title());
        }
        out.flush();
        return 0;
    }
}
