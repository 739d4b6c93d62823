package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.exercises.sets.Sets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every set: the reference scores 100 %, the untouched stubs all FAIL, the committed stubs are up to date. */
class ExerciseSetsTests {

    static Stream<ExerciseSet> sets() {
        return Sets.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theReferenceSolutionPassesEveryFunction(ExerciseSet set) {
        SetResult result = Grading.GRADER.grade(set, true);
        assertThat(result.results()).allSatisfy(r -> assertThat(r.status()).as(r.function() + ": "
                + Grading.message(r)).isEqualTo(FunctionResult.Status.PASS));
        assertThat(result.summary()).isEqualTo(set.name() + ": " + set.functions().size() + "/"
                + set.functions().size() + " passed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyUntouchedStubFailsOrIsBlockedWithAMessage(ExerciseSet set) {
        SetResult result = Grading.GRADER.grade(set, Grading.GRADER.stubSource(set), set.className() + ".java");
        assertThat(result.results()).hasSize(set.functions().size()).allSatisfy(r -> {
            assertThat(r.status()).as(r.function()).isNotEqualTo(FunctionResult.Status.PASS);
            assertThat(r.message()).as(r.function()).isNotEmpty();
        });
        assertThat(result.results().get(0).status()).isEqualTo(FunctionResult.Status.FAIL);
        assertThat(result.passed()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theCommittedStudentFileIsTheStubGeneratedFromTheSolution(ExerciseSet set) {
        String committed = Workspace.read(Grading.GRADER.workspace().student(set.className()));
        assertThat(committed).as("exercises/src/student/java/.../%s.java is stale: regenerate it from the solution"
                + " with ./workshop exercises reset %s", set.className(), set.name())
                .isEqualTo(Grading.GRADER.stubSource(set));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void theStudentFileReadsAsPlainTextWithoutHtmlEntities(ExerciseSet set) {
        // students read the comments in an editor (and in the worksheets' cells), not as rendered Javadoc:
        // Z > 0, not Z &gt; 0
        assertThat(Grading.GRADER.stubSource(set).lines()).as("%s.java", set.className())
                .noneMatch(line -> line.matches(".*&(#\\d+|#x\\p{XDigit}+|[A-Za-z]+);.*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void noSolutionCodeAppearsInTheStudentFile(ExerciseSet set) {
        String stub = Grading.GRADER.stubSource(set);
        var regions = Regions.ofSolution(Grading.GRADER.solutionSource(set));
        assertThat(regions).isNotEmpty();
        for (Regions.Region r : regions) {
            for (String line : r.solution()) {
                String code = line.trim();
                if (code.length() > 3 && !code.equals("}") && !code.startsWith("//")) {
                    assertThat(stub).as("solution line of %s", r.method()).doesNotContain(code);
                }
            }
        }
        assertThat(stub).doesNotContain(Regions.SOLUTION_STARTS).doesNotContain(Regions.STUB_PREFIX);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void noHintPrintsALineOfTheSolution(ExerciseSet set) {
        for (Regions.Region r : Regions.ofSolution(Grading.GRADER.solutionSource(set))) {
            for (String line : r.solution()) {
                int eq = line.indexOf(" = ");
                String rhs = (eq < 0 ? line : line.substring(eq + 3)).trim();
                if (rhs.length() > 8) {
                    assertThat(set.functions()).allSatisfy(f -> assertThat(f.hints()).as(f.workshopName())
                            .noneMatch(h -> h.contains(rhs.replaceAll(";$", ""))));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyBackwardFunctionHasAGradientCheck(ExerciseSet set) {
        assertThat(set.functions()).filteredOn(f -> f.workshopName().contains("backward")
                        || set.name().equals("losses"))
                .allSatisfy(f -> assertThat(f.gradientCheck).as(f.workshopName()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void everyFunctionHasAtLeastTwoHintsAndAFormula(ExerciseSet set) {
        assertThat(set.functions()).allSatisfy(f -> {
            assertThat(f.hints()).as(f.workshopName()).hasSizeBetween(2, 3);
            assertThat(f.formula()).as(f.workshopName()).isNotBlank();
        });
    }
}
