package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Student files generated from marked solution regions. */
class RegionsTests {

    private static final String SOLUTION = """
            class X {
                static int f(int a) {
                    // SOLUTION STARTS
                    //> int b = 0;
                    int b = a + 1;
                    // a comment does not count
                    b = b * 2;
                    // SOLUTION ENDS
                    return b;
                }
            }
            """;

    @Test
    void theSolutionBecomesItsStubLinesBetweenTheStudentMarkers() {
        assertThat(Regions.studentFile(SOLUTION)).isEqualTo("""
                class X {
                    static int f(int a) {
                        // YOUR CODE STARTS HERE (≈ 2 lines)
                        int b = 0;
                        // YOUR CODE ENDS HERE
                        return b;
                    }
                }
                """);
    }

    @Test
    void aRegionKnowsTheMethodItSitsIn() {
        List<Regions.Region> regions = Regions.ofStudent(Regions.studentFile(SOLUTION));
        assertThat(regions).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("f");
            assertThat(r.stub()).containsExactly("        int b = 0;");
            assertThat(r.contains(4)).isTrue();
            assertThat(r.contains(6)).isFalse();
        });
    }

    @Test
    void theSolutionAsAStudentFileKeepsTheCodeAndDropsTheStubLines() {
        String finished = Regions.solutionAsStudent(SOLUTION);
        assertThat(finished).contains("// YOUR CODE STARTS HERE").contains("int b = a + 1;").doesNotContain("//>");
    }

    @Test
    void aRegionThatDoesNotCompileIsReplacedByItsStubKeepingTheLineNumbers() {
        String student = Regions.studentFile(SOLUTION).replace("int b = 0;", "int b = oops(\n        a;");
        String fixed = Regions.withRegionsStubbed(student, Regions.ofStudent(student),
                Regions.ofStudent(Regions.studentFile(SOLUTION)), Set.of(0), "does not compile");
        assertThat(fixed).contains("if (true) { throw new IllegalStateException(\"does not compile\"); } int b = 0;")
                .doesNotContain("oops");
        assertThat(fixed.lines().count()).isEqualTo(student.lines().count());
        assertThat(fixed.lines().toList().indexOf("        return b;"))
                .isEqualTo(student.lines().toList().indexOf("        return b;"));
    }

    @Test
    void anUnclosedRegionNamesItsLine() {
        assertThatThrownBy(() -> Regions.ofSolution("class X {\n  // SOLUTION STARTS\n}\n"))
                .hasMessage("line 2: '// SOLUTION STARTS' has no '// SOLUTION ENDS'");
    }
}
