package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Results in arrays the JVM did not zero. The tests run with the poison on: every fresh result array starts full of
 * NaN, so an element a loop leaves unwritten shows up here and in the contract suite.
 */
class OutputArraysTests {

    private static final Random RANDOM = new Random(7);
    // odd sizes: the edges of the register tiles, and more than UNINITIALIZED_FROM elements
    private static final Matrix A = random(67, 131);
    private static final Matrix B = random(131, 77);
    private static final Matrix C = random(67, 131);
    private static final Matrix ROW = random(1, 131);
    private static final Matrix COLUMN = random(67, 1);

    @Test
    void surefirePassesTheFlagAndThePoison() {
        assertThat(OutputArrays.uninitialized()).as("surefire passes --add-exports").isTrue();
        assertThat(OutputArrays.poisoned()).as("surefire sets dev.backprop.cpufast.poisonOutputs").isTrue();
    }

    @Test
    void arraysHaveTheLengthAskedForAndStartFullOfNaN() {
        for (int length : new int[] {0, 1, OutputArrays.UNINITIALIZED_FROM - 1, OutputArrays.UNINITIALIZED_FROM,
                100_003}) {
            double[] array = OutputArrays.forOverwrite(length);
            assertThat(array).hasSize(length);
            for (double v : array) {
                assertThat(v).isNaN();
            }
        }
    }

    @Test
    void everyResultIsWrittenInFull() {
        check("A·B", m -> m.apply(A).dot(m.apply(B)));
        check("A·Cᵀ", m -> m.apply(A).dot(m.apply(C).T()));
        check("Aᵀ·C", m -> m.apply(A).T().dot(m.apply(C)));
        check("A·B + column", m -> m.apply(A).dotPlus(m.apply(B), m.apply(COLUMN)));
        check("tanh", m -> m.apply(A).tanh());
        check("σ", m -> m.apply(A).map(UnaryOp.SIGMOID, 0));
        check("exp", m -> m.apply(A).exp());
        check("ln", m -> m.apply(A).abs().plus(0.5).log());
        check("square", m -> m.apply(A).square());
        check("A + C", m -> m.apply(A).plus(m.apply(C)));
        check("A ⊙ row", m -> m.apply(A).times(m.apply(ROW)));
        check("A − column", m -> m.apply(A).minus(m.apply(COLUMN)));
        check("A / 3", m -> m.apply(A).div(3));
        check("A − 0.1·C", m -> m.apply(A).minusTimes(m.apply(C), 0.1));
    }

    /** The negative control: a result read before it is written is all NaN. */
    @Test
    void aResultLeftUnwrittenIsCaught() {
        double[] unwritten = OutputArrays.forOverwrite(67 * 131);
        Matrix result = Matrix.wrap(Backends.defaultCpu(), 67, 131, unwritten);
        assertThat(result.isFinite()).isFalse();
    }

    /** {@code op} on the fast backend and on the reference loops, given a way to move an operand to each. */
    private static void check(String what, Function<Function<Matrix, Matrix>, Matrix> op) {
        Backend fast = FastCpuBackend.withThreads(2);
        double[] expected = op.apply(m -> m.to(Backends.cpu())).toArray();
        double[] actual = op.apply(m -> m.to(fast)).toArray();
        assertThat(actual).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("%s, element %d", what, i)
                    .isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
        }
    }

    private static Matrix random(int rows, int cols) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = RANDOM.nextGaussian();
        }
        return Matrix.of(rows, cols, values);
    }
}
