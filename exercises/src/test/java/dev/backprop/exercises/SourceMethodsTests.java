package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The methods of a class's source and their lines, as javac's parser finds them. */
class SourceMethodsTests {

    private static final String SOURCE = """
            package p;

            final class X {

                private X() {
                }

                /**
                 * Braces in a comment: { { {
                 */
                public static String f(int a) {
                    return "}" + a;
                }

                public static int wrapped(int a,
                                          int b) {
                    return a + b;
                }

                int notStatic() {
                    return 0;
                }
            }
            """;

    @Test
    void aMethodSpansItsJavadocToItsClosingBraceWhateverBracesItsCommentsAndStringsHold() {
        List<SourceMethods.Method> methods = SourceMethods.of(SOURCE);

        assertThat(methods).extracting(SourceMethods.Method::name).containsExactly("f", "wrapped");
        assertThat(methods.get(0)).isEqualTo(new SourceMethods.Method("f", 7, 10, 10, 12));
    }

    @Test
    void aWrappedSignatureEndsOnTheLineOfTheBodysBrace() {
        assertThat(SourceMethods.find(SourceMethods.of(SOURCE), "wrapped"))
                .isEqualTo(new SourceMethods.Method("wrapped", 14, 14, 15, 17));
    }
}
