package dev.backprop.lessons;

import dev.backprop.core.data.OneHot;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** <i>Introduction to Deep Learning</i>: tensors, their shapes, and the matrix operations every network is made of. */
public final class TensorsLesson implements Lesson {

    @Override
    public int number() {
        return 1;
    }

    @Override
    public String name() {
        return "tensors";
    }

    @Override
    public String title() {
        return "Tensors and matrix basics";
    }

    @Override
    public void run(LessonLog log) {
        log.step("Ones and zeros", """
                A tensor is a multi-dimensional array with a shape. Here every tensor is a 2-D `Matrix` of doubles,
                like a numpy array: `np.ones((3, 4))` and `np.zeros((2, 2))`.
                """);
        Matrix ones = Matrix.ones(3, 4);
        Matrix zeros = Matrix.zeros(2, 2);
        log.println("ones(3, 4), shape " + ones.shape() + ":\n" + ones);
        log.println("zeros(2, 2), shape " + zeros.shape() + ":\n" + zeros);

        log.step("Random normal and uniform", """
                `np.random.randn` draws from the **normal** distribution: it peaks in the middle and falls off
                towards both ends (a bell curve). `np.random.uniform` draws from the **uniform** distribution: every
                value in the range is equally likely, so its histogram looks like a rectangle.
                """);
        NumpyRandom random = new NumpyRandom(42);
        log.println("np.random.seed(42); np.random.randn(2, 3):\n" + random.randn(2, 3));
        log.println("np.random.uniform(-1, 1, (2, 3)):\n" + Matrix.of(2, 3, random.uniform(-1, 1, 6)));
        double[] normal = random.randn(10_000);
        double[] uniform = random.uniform(-3, 3, 10_000);
        log.printf("10 000 normal samples: mean %.3f, std %.3f, %.1f %% within one std",
                mean(normal), std(normal), 100.0 * Arrays.stream(normal).filter(v -> Math.abs(v) < 1).count() / 1e4);
        log.printf("10 000 uniform samples on [-3, 3): mean %.3f, std %.3f (the flat distribution: √(6²/12) = %.3f)",
                mean(uniform), std(uniform), Math.sqrt(36.0 / 12));
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put("normal: randn", normal);
        samples.put("uniform on [-3, 3)", uniform);
        log.plot("normal-vs-uniform", Charts.histogram("Normal vs uniform distribution (10 000 samples each)",
                "value", 30, -3, 3, samples));

        log.step("A 3-axis tensor of shape [3, 2, 5]", """
                `tf.constant` of shape [3, 2, 5] holds 3 · 2 · 5 = 30 numbers: axis 0 has 3 blocks, each block
                has 2 rows (axis 1) of 5 columns (axis 2). In memory the numbers lie one after another, the last
                axis fastest (row-major, C order): element [i, j, k] is number $i \\cdot 10 + j \\cdot 5 + k$.
                Our matrices are the 2-axis case; a 3-axis tensor is a stack of them.
                """);
        StringBuilder tensor = new StringBuilder("[");
        for (int i = 0; i < 3; i++) {
            double[] block = new double[10];
            for (int k = 0; k < 10; k++) {
                block[k] = i * 10 + k;
            }
            String printed = Matrix.of(2, 5, block).toString().replace(".", "").replace("\n", "\n ");
            tensor.append(i == 0 ? "" : "\n\n ").append(printed);
        }
        log.println("shape (3, 2, 5):\n" + tensor.append("]"));
        log.println("block 1 (axis 0 = 1) is a matrix of shape (2, 5); element [1, 1, 3] = " + (1 * 10 + 1 * 5 + 3));

        log.step("Add, multiply and matmul", """
                Addition and `np.multiply` work **element by element**: both operands have the same shape.
                The matrix product `np.dot` (`tf.matmul`) combines a **row** of the first with a **column** of the
                second: $(2, 3) \\cdot (3, 2) \\to (2, 2)$ and $C_{ij} = \\sum_k A_{ik} B_{kj}$.
                """);
        Matrix p = Matrix.of(new double[][] {{4, 8}, {3, 7}});
        Matrix q = Matrix.of(new double[][] {{1, 0}, {5, 2}});
        log.println("[[4, 8], [3, 7]] + [[1, 0], [5, 2]] =\n" + p.plus(q));
        log.println("[[4, 8], [3, 7]] * [[1, 0], [5, 2]] (element by element) =\n" + p.times(q));
        Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {3, 2, 1}});
        Matrix b = Matrix.of(new double[][] {{1, 2}, {3, 2}, {2, 7}});
        Matrix c = a.dot(b);
        double[][] A = a.toArray2D();
        double[][] B = b.toArray2D();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                log.printf("C[%d][%d] = (%.0f*%.0f) + (%.0f*%.0f) + (%.0f*%.0f) = %.0f", i, j,
                        A[i][0], B[0][j], A[i][1], B[1][j], A[i][2], B[2][j], c.get(i, j));
            }
        }
        log.println("[[1, 2, 3], [3, 2, 1]] · [[1, 2], [3, 2], [2, 7]] =\n" + c);

        log.step("One-hot encoding", """
                A class label becomes a column with a single 1 in the row of its class and 0 everywhere else.
                Labels [0, 2, 1, 3, 2] with 4 classes give a (4, 5) matrix: one column per example.
                """);
        int[] labels = {0, 2, 1, 3, 2};
        Matrix oneHot = OneHot.encode(labels, 4);
        log.println("labels " + Arrays.toString(labels) + " → one-hot, shape " + oneHot.shape() + ":\n" + oneHot);
        log.println("and back with argmax over each column: " + Arrays.toString(OneHot.decode(oneHot)));
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double std(double[] v) {
        double mean = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(Double.NaN));
    }
}
