package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.Reference;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.exercises.sets.Sets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference solutions of the sets the engine has no functions for (optimization, regularization, evaluation)
 * return numpy's (and scikit-learn's) values, from scripts/exercises_reference.py, to the last few ulps.
 */
class ExerciseReferenceTests {

    private static final Reference NUMPY = Reference.load("/dev/backprop/exercises/exercises_reference.txt");

    static Stream<String> functions() {
        return Stream.of("optimization", "regularization", "evaluation")
                .flatMap(s -> Sets.find(s).functions().stream().map(f -> s + "/" + f.workshopName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void theReferenceSolutionReturnsNumpysValues(String setAndFunction) throws StudentFailure {
        ExerciseSet set = Sets.find(setAndFunction.substring(0, setAndFunction.indexOf('/')));
        FunctionSpec f = set.function(setAndFunction.substring(setAndFunction.indexOf('/') + 1));
        Object result = Grader.call(Grading.GRADER.reference(set), f, f.newInputs());
        int compared = 0;
        for (Part part : f.partsOf(result)) {
            String key = f.workshopName() + "." + part.name().replaceAll("[^A-Za-z0-9_]", "");
            if (part.value() instanceof Integer) {
                continue;
            }
            Matrix expected = NUMPY.matrix(key);
            Matrix actual = part.value() instanceof Double d ? Matrix.of(1, 1, d) : (Matrix) part.value();
            assertThat(actual.shape()).as(key).isEqualTo(expected.shape());
            assertThat(Reference.maxUlps(actual, expected)).as(key + "\n" + actual + "\nnumpy:\n" + expected)
                    .isLessThanOrEqualTo(64);
            compared++;
        }
        assertThat(compared).as(setAndFunction).isPositive();
    }
}
