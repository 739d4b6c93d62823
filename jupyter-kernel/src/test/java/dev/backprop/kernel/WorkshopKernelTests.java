package dev.backprop.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.backprop.core.matrix.Matrix;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's cells, run without Jupyter: values, state, errors, images and interrupts. */
class WorkshopKernelTests {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static WorkshopKernel kernel;

    @BeforeAll
    static void startKernel() {
        kernel = WorkshopKernel.create();
    }

    @AfterAll
    static void stopKernel() {
        kernel.onShutdown(false);
    }

    private static String text(DisplayData data) {
        return (String) data.getData(MIMEType.TEXT_PLAIN);
    }

    @Test
    void stateIsKeptAcrossCells() {
        kernel.eval("int n_h = 4;\ndouble learningRate = 1.2;");
        kernel.eval("n_h = n_h + 1;");

        assertThat(text(kernel.eval("n_h * learningRate"))).isEqualTo("6.0");
    }

    @Test
    void aMatrixIsShownAsNumpyPrintsIt() {
        kernel.eval("import dev.backprop.core.matrix.Matrix;");

        DisplayData shown = kernel.eval("Matrix W1 = Matrix.of(new double[][] {{0.5, -1.25}, {2, 3}});\nW1");

        assertThat(text(shown)).isEqualTo(Matrix.of(new double[][] {{0.5, -1.25}, {2, 3}}).toString())
                .isEqualTo("[[ 0.5  -1.25]\n [ 2.    3.  ]]");
    }

    @Test
    void aCellEndingInAStatementShowsNothing() {
        assertThat(kernel.eval("int unused = 3;")).isNull();
    }

    @Test
    void anExceptionNamesItsClassMessageAndTheLineOfTheCell() {
        CellError error = catchThrowableOfType(CellError.class, () -> kernel.eval("""
                int[] v = new int[2];
                int k = 1;

                v[k + 2] = 5;
                """));

        assertThat(error.ename()).isEqualTo("ArrayIndexOutOfBoundsException");
        assertThat(error.evalue()).contains("Index 3 out of bounds for length 2");
        assertThat(error.traceback()).contains("    at line 4 of this cell: v[k + 2] = 5;")
                .noneMatch(line -> line.contains("REPL") || line.contains("jdk.internal"));
    }

    @Test
    void anExceptionFromTheEngineSaysWhereItWasThrownAndWhichLineCalledIt() {
        CellError error = catchThrowableOfType(CellError.class, () -> kernel.eval("""
                var A = dev.backprop.core.matrix.Matrix.zeros(2, 3);
                var B = dev.backprop.core.matrix.Matrix.zeros(2, 3);
                var C = A.dot(B);
                """));

        assertThat(error.ename()).endsWith("Exception");
        assertThat(error.evalue()).contains("(2,3)");
        assertThat(error.traceback()).anyMatch(line -> line.startsWith("    thrown in dev.backprop.core.matrix"))
                .contains("    at line 3 of this cell: var C = A.dot(B);");
    }

    @Test
    void anExceptionInAMethodDeclaredAfterAnotherSnippetNamesTheLineThatThrew() {
        kernel.eval("import dev.backprop.core.matrix.Matrix;");

        CellError error = catchThrowableOfType(CellError.class, () -> kernel.eval("""
                int a = 1;
                Matrix g2(Matrix X) {
                    Matrix Y = X.plus(1);
                    return Y.dot(Y);
                }
                g2(Matrix.ones(2, 3))
                """));

        // before: "    at line 2 of this cell: Matrix g2(Matrix X) {"
        assertThat(error.traceback()).containsSubsequence("    at line 4 of this cell: return Y.dot(Y);",
                "    at line 6 of this cell: g2(Matrix.ones(2, 3))");
    }

    @Test
    void anExceptionInALoopAfterAnotherSnippetNamesTheLineThatThrew() {
        CellError error = catchThrowableOfType(CellError.class, () -> kernel.eval("""
                int b = 1;
                for (int i = 0; i < 2; i++) {
                    var Z = dev.backprop.core.matrix.Matrix.ones(2, 3);
                    Z = Z.dot(Z);
                }
                """));

        // before: "    at line 2 of this cell: for (int i = 0; i < 2; i++) {"
        assertThat(error.traceback()).contains("    at line 4 of this cell: Z = Z.dot(Z);")
                .noneMatch(line -> line.contains("line 2 of this cell"));
    }

    @Test
    void anExceptionInAMethodAnEarlierCellDeclaredNamesTheLineOfThatCell() {
        kernel.eval("import dev.backprop.core.matrix.Matrix;");
        kernel.eval("""
                Matrix k1(Matrix X) {
                    return X;
                }
                Matrix k2(Matrix X) {
                    Matrix Y = X.plus(1);
                    return Y.dot(Y);
                }
                """);

        CellError error = catchThrowableOfType(CellError.class, () -> kernel.eval("k2(Matrix.ones(2, 3))"));

        // before: "    in k2(...), line 1 of a snippet an earlier cell defined"
        assertThat(error.traceback()).containsSubsequence(
                "    in k2(...), line 6 of an earlier cell: return Y.dot(Y);",
                "    at line 1 of this cell: k2(Matrix.ones(2, 3))");
    }

    @Test
    void aCompileErrorAfterBlankLinesNamesTheLineOfTheCell() {
        CellError error = catchThrowableOfType(CellError.class,
                () -> kernel.eval("\n\nint fine = 1;\n\nvoid wrong() {\n    String s = fine;\n}"));

        assertThat(error.evalue()).startsWith("line 6: incompatible types");
        assertThat(error.traceback()).contains("        String s = fine;");
    }

    @Test
    void aCompileErrorNamesTheLineOfTheCell() {
        CellError error = catchThrowableOfType(CellError.class,
                () -> kernel.eval("int ok = 1;\nint bad = undefinedName + 1;"));

        assertThat(error.ename()).isEqualTo("CompileError");
        assertThat(error.evalue()).startsWith("line 2: cannot find symbol");
        assertThat(error.traceback()).contains("    int bad = undefinedName + 1;");
    }

    @Test
    void aChartTheCellEndsWithIsAPngImage() {
        kernel.eval("import dev.backprop.lessons.Charts;");

        DisplayData shown = kernel.eval("Charts.functions(\"f\", \"y\", new double[] {0, 1}, "
                + "java.util.Map.of(\"x\", new double[] {0, 1}))");

        byte[] png = Base64.getDecoder().decode((String) shown.getData(MIMEType.IMAGE_PNG));
        assertThat(png).startsWith(PNG_SIGNATURE).hasSizeGreaterThan(1000);
    }

    @Test
    void anEndlessLoopIsInterruptedAndTheKernelGoesOn() throws Exception {
        kernel.eval("int before = 41;");
        CompletableFuture<CellError> endless = CompletableFuture.supplyAsync(
                () -> catchThrowableOfType(CellError.class,
                        () -> kernel.eval("long spins = 0;\nwhile (true) { spins++; }")));
        Thread.sleep(1000);   // let the loop start; the assertion below does not depend on how long it ran
        assertThat(endless).isNotDone();

        kernel.interrupt();

        CellError error = endless.get(10, TimeUnit.SECONDS);
        assertThat(error.ename()).isEqualTo("KeyboardInterrupt");
        assertThat(text(kernel.eval("before + 1"))).isEqualTo("42");
        assertThat(text(kernel.eval("spins > 0"))).isEqualTo("true");
    }

    @Test
    void interruptingWhenNothingRunsChangesNothing() {
        kernel.interrupt();

        assertThat(text(kernel.eval("1 + 1"))).isEqualTo("2");
    }
}
