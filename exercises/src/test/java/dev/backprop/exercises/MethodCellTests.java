package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A method of the exercise class as a JShell cell, and back. */
class MethodCellTests {

    private static final String SOURCE = """
            final class X {
                /** Adds. */
                public static int add(int a,
                                      int b) {
                    return a + b;
                }
            }
            """;

    @Test
    void theCellHasNeitherTheClassModifiersNorTheClassIndentAndAWrappedSignatureStaysAligned() {
        List<String> lines = SOURCE.lines().toList();

        String cell = MethodCell.of(lines, SourceMethods.of(SOURCE).get(0));

        assertThat(cell).isEqualTo("""
                /** Adds. */
                int add(int a,
                        int b) {
                    return a + b;
                }""");
    }

    @Test
    void aCellBecomesAPublicStaticMemberWhateverModifiersItWroteKeepingItsLines() {
        String cell = "/** Adds. */\nprivate static final int add(int a, int b) {\n\n    return a + b;\n}";

        assertThat(MethodCell.toClassMember(cell)).isEqualTo("""
                    /** Adds. */
                    public static int add(int a, int b) {

                        return a + b;
                    }
                """);
    }

    @Test
    void theModifiersGoAfterACommentThatEndsOnTheDeclarationsLine() {
        assertThat(MethodCell.toClassMember("/* a\n comment */ static int one() { return 1; }"))
                .isEqualTo("    /* a\n     comment */ public static int one() { return 1; }\n");
    }

    @Test
    void theNameOfAMethodIsReadFromACellThatDoesNotParse() {
        assertThat(MethodCell.name("/** Doc. */\nMatrix sigmoid(Matrix Z) {\n    return Z +;\n}")).hasValue("sigmoid");
        assertThat(MethodCell.name("// a comment\n/* and\n another */ List<String> wrongGradients(int a) {"))
                .hasValue("wrongGradients");
        assertThat(MethodCell.name("public static double[] cost (Matrix AL) {")).hasValue("cost");
        assertThat(MethodCell.name("return f(x);")).isEmpty();
        assertThat(MethodCell.name("int x = f(3);")).isEmpty();
        assertThat(MethodCell.name("// only a comment")).isEmpty();
    }
}
