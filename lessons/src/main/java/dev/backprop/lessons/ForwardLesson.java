package dev.backprop.lessons;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.UnaryOp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** <i>Intro to Deep Learning</i>: forward propagation by hand, then the same computation vectorised over a batch. */
public final class ForwardLesson implements Lesson {

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String name() {
        return "forward";
    }

    @Override
    public String title() {
        return "Forward propagation by hand";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The first hidden unit", """
                The "go to class" example of *Intro to Deep Learning* (the Machine Intelligence Community deck):
                should you go to class? The features are $x = [0.4, 2, 17]$ (difficulty of the material,
                assignments due, days until the midterm). The first hidden unit has weights
                $w = [0.5, 0.1, 0.0058]$ and bias $b = 0.2$:

                $z_1^{[1]} = 0.5 \\times 0.4 + 0.1 \\times 2 + 0.0058 \\times 17 + 0.2$
                """);
        double[] x = {0.4, 2, 17};
        double[] w = {0.5, 0.1, 0.0058};
        double b = 0.2;
        double z = w[0] * x[0] + w[1] * x[1] + w[2] * x[2] + b;
        log.printf("z = 0.5×0.4 + 0.1×2 + 0.0058×17 + 0.2 = %.4f (exactly %s), ≈ %.1f as the slide rounds it",
                z, z, z);

        log.step("The ReLU activation", """
                $a_1^{[1]} = g(z_1^{[1]}) = \\text{ReLU}(z) = \\max(0, z)$: a positive $z$ passes unchanged.
                """);
        double a = Math.max(0, z);
        log.printf("a = ReLU(%.4f) = %.4f", z, a);

        log.step("The second layer and the loss", """
                The output unit combines the four hidden units and applies the sigmoid:
                $\\hat{y} = \\sigma(w_1 a_1^{[1]} + w_2 a_2^{[1]} + w_3 a_3^{[1]} + w_4 a_4^{[1]} + b)$.
                The deck gives $\\hat y = 0.45$ but not the other weights, so this lesson picks the other hidden
                units and $W^{[2]}$ below and solves for the bias $b^{[2]}$ that gives 0.45.
                The student did need to go to class ($y = 1$), so the loss is
                $L(\\hat{y}, y) = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y}) = -\\log(0.45)$.
                """);
        Matrix W1 = Matrix.of(new double[][] {{0.5, 0.1, 0.0058}, {-0.3, 0.2, 0.01}, {0.1, -0.4, 0.02}, {0.2, 0.05, -0.03}});
        Matrix b1 = Matrix.column(0.2, 0.1, 0.3, 0.4);
        Matrix A1 = W1.dot(Matrix.column(x)).plus(b1).map(UnaryOp.RELU, 0);
        Matrix W2 = Matrix.row(0.8, -0.5, 0.3, 0.6);
        double logit = Math.log(0.45 / 0.55);
        double b2 = logit - W2.dot(A1).item();
        double yHat = W2.dot(A1).plus(b2).map(UnaryOp.SIGMOID, 0).item();
        log.println("A1 = ReLU(W1·x + b1) =\n" + A1);
        log.printf("b2 = %.6f, z2 = W2·A1 + b2 = %.6f, ŷ = σ(z2) = %.2f", b2, logit, yHat);
        double y = 1;
        double loss = -y * Math.log(yHat) - (1 - y) * Math.log(1 - yHat);
        log.printf("L(ŷ, y) = −(1)·log(0.45) − (1 − 1)·log(1 − 0.45) = %.6f", loss);
        log.println("ŷ < 0.5, so the network says skip: a costly mistake.");
        Matrix p = Matrix.linspace(0.01, 0.99, 99);
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("L(ŷ, 1) = −log ŷ", p.log().negate().toArray());
        curves.put("L(ŷ, 0) = −log(1 − ŷ)", p.rminus(1).log().negate().toArray());
        XYChart lossChart = Charts.functions("Cross-entropy loss: the student's ŷ = 0.45 when y = 1", "loss L",
                p.toArray(), curves);
        lossChart.setXAxisTitle("prediction ŷ");
        XYSeries point = lossChart.addSeries("ŷ = 0.45, L = 0.798508", new double[] {yHat}, new double[] {loss});
        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.CIRCLE);
        log.plot("cross-entropy-loss", lossChart);

        log.step("Vectorised over a batch of examples", """
                Stack the $m$ examples as the **columns** of $X$, shape $(n_x, m)$. Then one matrix product
                computes every unit for every example: $Z^{[1]} = W^{[1]} X + b^{[1]}$ with $W^{[1]}$ of shape
                $(n^{[1]}, n_x)$ and $b^{[1]}$ of shape $(n^{[1]}, 1)$ broadcast over the columns.
                Column 0 is the student above.
                """);
        Matrix X = Matrix.of(new double[][] {{0.4, 0.9, 0.1, 0.6}, {2, 5, 0, 3}, {17, 3, 30, 10}});
        Matrix Z1 = W1.dot(X).plus(b1);
        Matrix A1batch = Z1.map(UnaryOp.RELU, 0);
        Matrix Z2 = W2.dot(A1batch).plus(b2);
        Matrix A2 = Z2.map(UnaryOp.SIGMOID, 0);
        log.println("X  " + X.shape() + "   W1 " + W1.shape() + "   b1 " + b1.shape());
        log.println("Z1 = W1·X + b1 " + Z1.shape() + "   A1 = ReLU(Z1) " + A1batch.shape());
        log.println("W2 " + W2.shape() + "   Z2 = W2·A1 + b2 " + Z2.shape() + "   A2 = σ(Z2) " + A2.shape());
        log.println("A2 = " + A2);
        log.printf("column 0 of A2 = %.2f, the same ŷ as by hand", A2.get(0, 0));
        Matrix Y = Matrix.row(1, 0, 1, 1);
        Matrix losses = Y.times(A2.log()).plus(Y.rminus(1).times(A2.rminus(1).log())).negate();
        log.println("losses per example = " + losses);
        log.printf("cost J = (1/m) Σ L = %.6f", losses.mean());
    }
}
