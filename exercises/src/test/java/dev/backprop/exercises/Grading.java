package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.exercises.sets.Sets;
import java.nio.file.Path;

/** Grades a set's reference solution with one planted change, as the tests' mutants. */
final class Grading {

    static final Grader GRADER = new Grader(new Workspace(Path.of("").toAbsolutePath()));

    private Grading() {
    }

    /** The reference of the set as a finished student file, with {@code from} (found exactly once) replaced. */
    static String mutant(ExerciseSet set, String from, String to) {
        String source = Regions.solutionAsStudent(GRADER.solutionSource(set));
        assertThat(source.split(java.util.regex.Pattern.quote(from), -1)).as("occurrences of %s", from).hasSize(2);
        return source.replace(from, to);
    }

    /** Like {@link #grade(String, String, String)}, replacing the first {@code from} inside the method. */
    static SetResult gradeIn(String setName, String javaName, String from, String to) {
        ExerciseSet set = Sets.find(setName);
        String source = Regions.solutionAsStudent(GRADER.solutionSource(set));
        int method = source.indexOf(" " + javaName + "(");
        while (method >= 0 && !source.substring(source.lastIndexOf('\n', method), method).contains("static")) {
            method = source.indexOf(" " + javaName + "(", method + 1);
        }
        assertThat(method).as("method %s", javaName).isNotNegative();
        int at = source.indexOf(from, method);
        assertThat(at).as("%s in %s", from, javaName).isNotNegative();
        String mutant = source.substring(0, at) + to + source.substring(at + from.length());
        return GRADER.grade(set, mutant, set.className() + ".java");
    }

    static SetResult grade(String setName, String from, String to) {
        ExerciseSet set = Sets.find(setName);
        return GRADER.grade(set, mutant(set, from, to), set.className() + ".java");
    }

    static String message(FunctionResult r) {
        return String.join("\n", r.message());
    }
}
