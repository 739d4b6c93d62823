package dev.backprop.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Matrix;
import org.junit.jupiter.api.Test;

/** The grader's comparison: numpy's allclose, and the diagnoses of a wrong value or shape. */
class CompareTests {

    private static final Matrix E = Matrix.of(new double[][] {{1, -2, 3}, {0.5, 4, -1}});

    private static String problem(Matrix actual) {
        return String.join("\n", Compare.problem("dW", actual, E, 3));
    }

    @Test
    void isCloseIsNumpysAllcloseTolerance() {
        assertThat(Compare.isClose(1.0 + 1e-6, 1.0)).isTrue();
        assertThat(Compare.isClose(1.0 + 2e-5, 1.0)).isFalse();
        assertThat(Compare.isClose(5e-9, 0.0)).isTrue();
        assertThat(Compare.isClose(Double.NaN, Double.NaN)).isFalse();
    }

    @Test
    void aRightValueHasNoProblem() {
        assertThat(Compare.problem("dW", E.plus(1e-9), E, 3)).isEmpty();
    }

    @Test
    void wrongValuesAreCountedAndTheFirstIsNamedWithBothArraysPrintedLikeNumpy() {
        Matrix A = Matrix.of(new double[][] {{1, -2, 3}, {0.5, 5, -2}});
        assertThat(problem(A)).startsWith("dW has the wrong values: 2 of 6 elements differ (numpy's allclose:"
                + " rtol=1e-05, atol=1e-08); the first is dW[1, 1]: expected 4., got 5.")
                .contains("expected dW =\n    [[ 1.  -2.   3. ]\n     [ 0.5  4.  -1. ]]");
    }

    @Test
    void aConstantFactorIsNamed() {
        assertThat(problem(E.times(3))).contains("diagnosis: dW is m = 3 times too large: is the 1/m missing?");
        assertThat(problem(E.div(3))).contains("m = 3 times too small");
        assertThat(problem(E.negate())).contains("has the sign flipped");
        assertThat(problem(E.times(2))).contains("2 times too large");
        assertThat(problem(E.times(0.7))).contains("is 0.7 times the expected one");
    }

    @Test
    void aTransposeIsNamed() {
        assertThat(problem(E.T().contiguous())).contains("dW has shape (3, 2), expected (2, 3)")
                .contains("dW is transposed: it equals the expected dW.T");
    }

    @Test
    void aRowWhereAColumnBelongsIsTheKeepdimsMistake() {
        Matrix column = Matrix.column(1, 2, 3, 4);
        assertThat(String.join("\n", Compare.problem("db1", Matrix.row(1, 2, 3, 4), column, 3)))
                .contains("db1 has shape (1, 4), expected (4, 1)").contains("without keepdims=True");
    }

    @Test
    void aSumOverTheWrongAxisLeavesOneColumnPerExample() {
        assertThat(String.join("\n", Compare.problem("db2", Matrix.row(1, 2, 3), Matrix.column(6), 3)))
                .contains("one column per example (m = 3): it was summed over axis 0");
    }

    @Test
    void nullAndNotFiniteAreNamed() {
        assertThat(String.join("\n", Compare.problem("A2", null, E, 3))).isEqualTo(
                "A2 is null; expected a matrix of shape (2, 3)");
        assertThat(problem(E.plus(Double.NaN))).contains("holds NaN or ∞");
        assertThat(String.join("\n", Compare.problem("cost", Double.NaN, 0.69, 3))).contains("not a finite number");
    }
}
