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

    static SetResult grade(String setName, String from, String to) {
        ExerciseSet set = Sets.find(setName);
        return GRADER.grade(set, mutant(set, from, to), set.className() + ".java");
    }

    static String message(FunctionResult r) {
        return String.join("\n", r.message());
    }
}
