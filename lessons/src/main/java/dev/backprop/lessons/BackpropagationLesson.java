package dev.backprop.lessons;

import dev.backprop.core.gradcheck.GradientCheck;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backpropagation is the chain rule: on the computational graph (a+b)×(c+d) of <i>Introduction to Deep
 * Learning</i>, on the "go to class" network of <i>Intro to Deep Learning</i> one partial derivative at a time, and
 * checked numerically, with DLS's gradient-checking experiment (a backward pass with planted bugs, found parameter by
 * parameter, then fixed).
 */
public final class BackpropagationLesson implements Lesson {

    /** The workshop's parameter names, in the order of its dictionaries. */
    private static final List<String> NAMES = List.of("W1", "b1", "W2", "b2", "W3", "b3");

    @Override
    public int number() {
        return 11;
    }

    @Override
    public String name() {
        return "backpropagation";
    }

    @Override
    public String title() {
        return "Backpropagation and gradient checking";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The chain rule on a computational graph", """
                *Introduction to Deep Learning* (the TensorFlow deck) draws $(a+b) \\times (c+d)$ as a computational
                graph: $t_1 = a + b$ and $t_2 = c + d$ are independent, then $f = t_1 \\times t_2$. The forward pass
                computes the values from left to right. The backward pass computes how $f$ changes with each node,
                from right to left, multiplying the local derivatives along the way (the chain rule):

                $\\frac{\\partial f}{\\partial t_1} = t_2,\\quad \\frac{\\partial f}{\\partial t_2} = t_1,$
                $\\frac{\\partial f}{\\partial a} = \\frac{\\partial f}{\\partial t_1} \\frac{\\partial t_1}{\\partial a} = t_2 \\times 1,$
                $\\frac{\\partial f}{\\partial c} = \\frac{\\partial f}{\\partial t_2} \\frac{\\partial t_2}{\\partial c} = t_1 \\times 1$

                Each derivative is checked against the slope measured by nudging the input:
                $\\frac{f(a + \\varepsilon) - f(a - \\varepsilon)}{2\\varepsilon}$.
                """);
        double a = 1;
        double b = 3;
        double c = 2;
        double d = 5;
        // forward
        double t1 = a + b;
        double t2 = c + d;
        double f = t1 * t2;
        log.printf("forward:  t1 = a + b = %.1f,  t2 = c + d = %.1f,  f = t1 × t2 = %.1f", t1, t2, f);
        // backward: ∂f/∂f = 1, then one local derivative per edge
        double df_dt1 = t2;
        double df_dt2 = t1;
        double df_da = df_dt1 * 1;
        double df_db = df_dt1 * 1;
        double df_dc = df_dt2 * 1;
        double df_dd = df_dt2 * 1;
        log.printf("backward: ∂f/∂t1 = t2 = %.1f,  ∂f/∂t2 = t1 = %.1f", df_dt1, df_dt2);
        log.printf("          ∂f/∂a = %.1f,  ∂f/∂b = %.1f,  ∂f/∂c = %.1f,  ∂f/∂d = %.1f", df_da, df_db, df_dc, df_dd);
        double h = 1e-6;
        log.printf("numerical: ∂f/∂a ≈ %.6f,  ∂f/∂b ≈ %.6f,  ∂f/∂c ≈ %.6f,  ∂f/∂d ≈ %.6f",
                ((a + h + b) * (c + d) - (a - h + b) * (c + d)) / (2 * h),
                ((a + b + h) * (c + d) - (a + b - h) * (c + d)) / (2 * h),
                ((a + b) * (c + h + d) - (a + b) * (c - h + d)) / (2 * h),
                ((a + b) * (c + d + h) - (a + b) * (c + d - h)) / (2 * h));
        log.plot("computational-graph", LearningCharts.graph("(a + b) × (c + d): values forward, gradients backward",
                new String[] {"a", "b", "c", "d", "t₁ = a + b", "t₂ = c + d", "f = t₁ × t₂"},
                new double[][] {{1.2, 8.9}, {1.2, 6.6}, {1.2, 3.4}, {1.2, 1.1}, {4.8, 7.75}, {4.8, 2.25}, {8.3, 5}},
                new int[][] {{0, 4}, {1, 4}, {2, 5}, {3, 5}, {4, 6}, {5, 6}},
                new String[] {"a = " + a, "b = " + b, "c = " + c, "d = " + d, "t₁ = " + t1, "t₂ = " + t2, "f = " + f},
                new String[] {"∂f/∂a = " + df_da, "∂f/∂b = " + df_db, "∂f/∂c = " + df_dc, "∂f/∂d = " + df_dd,
                    "∂f/∂t₁ = t₂ = " + df_dt1, "∂f/∂t₂ = t₁ = " + df_dt2, "∂f/∂f = 1"}));

        log.step("The neuron example: forward", """
                The "go to class" network of *Intro to Deep Learning* (the Machine Intelligence Community deck), as
                the forward-propagation lesson builds it: $x = [0.4, 2, 17]$, four ReLU hidden units, a sigmoid
                output, and the student did need to go ($y = 1$). Its slides chain:

                $z^{[1]} = W^{[1]}x + b^{[1]},\\quad a^{[1]} = g^{[1]}(z^{[1]}),\\quad
                z^{[2]} = W^{[2]}a^{[1]} + b^{[2]},\\quad \\hat{y} = a^{[2]} = \\sigma(z^{[2]}),\\quad
                L(\\hat{y}, y) = -y \\log \\hat{y} - (1 - y) \\log(1 - \\hat{y})$
                """);
        Matrix x = Matrix.column(0.4, 2, 17);
        double y = 1;
        Matrix W1 = Matrix.of(new double[][] {{0.5, 0.1, 0.0058}, {-0.3, 0.2, 0.01}, {0.1, -0.4, 0.02},
            {0.2, 0.05, -0.03}});
        Matrix b1 = Matrix.column(0.2, 0.1, 0.3, 0.4);
        Matrix W2 = Matrix.row(0.8, -0.5, 0.3, 0.6);
        Matrix b2 = Matrix.of(1, 1, Math.log(0.45 / 0.55) - W2.dot(W1.dot(x).plus(b1).maximum(0)).item());
        Matrix z1 = W1.dot(x).plus(b1);
        Matrix a1 = z1.maximum(0);
        Matrix z2 = W2.dot(a1).plus(b2);
        double yHat = sigmoid(z2).item();
        double L = -y * Math.log(yHat) - (1 - y) * Math.log(1 - yHat);
        log.println("z1 = " + z1.T() + "ᵀ");
        log.println("a1 = ReLU(z1) = " + a1.T() + "ᵀ");
        log.printf("z2 = %.6f,  ŷ = σ(z2) = %.6f,  L = %.6f", z2.item(), yHat, L);

        log.step("The neuron example: backward, one partial derivative at a time", """
                The chain rule of *Intro to Deep Learning* (the Machine Intelligence Community deck),
                $\\frac{\\partial J}{\\partial W^{[2]}} = \\frac{\\partial J}{\\partial a^{[2]}} \
                \\frac{\\partial a^{[2]}}{\\partial z^{[2]}} \\frac{\\partial z^{[2]}}{\\partial W^{[2]}}$ and
                $\\frac{\\partial J}{\\partial W^{[1]}} = \\frac{\\partial J}{\\partial a^{[2]}} \
                \\frac{\\partial a^{[2]}}{\\partial z^{[2]}} \\frac{\\partial z^{[2]}}{\\partial a^{[1]}} \
                \\frac{\\partial a^{[1]}}{\\partial z^{[1]}} \\frac{\\partial z^{[1]}}{\\partial W^{[1]}}$,
                factor by factor:

                $\\frac{\\partial L}{\\partial \\hat{y}} = -\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}},\\quad
                \\frac{\\partial \\hat{y}}{\\partial z^{[2]}} = \\hat{y}(1 - \\hat{y}),\\quad
                dz^{[2]} = \\hat{y} - y$ (their product),

                $dW^{[2]} = dz^{[2]} a^{[1]T},\\quad db^{[2]} = dz^{[2]},\\quad da^{[1]} = W^{[2]T} dz^{[2]},\\quad
                dz^{[1]} = da^{[1]} * g^{[1]\\prime}(z^{[1]}),\\quad dW^{[1]} = dz^{[1]} x^T,\\quad db^{[1]} = dz^{[1]}$

                with $g^{[1]\\prime}(z) = 1$ where $z > 0$ and 0 elsewhere (ReLU).
                """);
        double dL_dyHat = -y / yHat + (1 - y) / (1 - yHat);
        double dyHat_dz2 = yHat * (1 - yHat);
        Matrix dz2 = Matrix.of(1, 1, dL_dyHat * dyHat_dz2);
        Matrix dW2 = dz2.dot(a1.T());
        Matrix db2 = dz2;
        Matrix da1 = W2.T().dot(dz2);
        Matrix dz1 = da1.times(z1.gt(0));
        Matrix dW1 = dz1.dot(x.T());
        Matrix db1 = dz1;
        log.printf("∂L/∂ŷ = −y/ŷ + (1 − y)/(1 − ŷ) = %.6f", dL_dyHat);
        log.printf("∂ŷ/∂z2 = ŷ(1 − ŷ) = %.6f", dyHat_dz2);
        log.printf("dz2 = ∂L/∂ŷ · ∂ŷ/∂z2 = %.6f = ŷ − y = %.6f", dz2.item(), yHat - y);
        log.println("dW2 = dz2 · a1ᵀ = " + dW2);
        log.println("db2 = dz2 = " + db2);
        log.println("da1 = W2ᵀ · dz2 = " + da1.T() + "ᵀ");
        log.println("g'(z1) = " + z1.gt(0).T() + "ᵀ   (the third unit is off: its z is negative)");
        log.println("dz1 = da1 * g'(z1) = " + dz1.T() + "ᵀ");
        log.println("dW1 = dz1 · xᵀ =\n" + dW1);
        log.println("db1 = dz1 = " + db1.T() + "ᵀ");

        log.step("Every partial derivative against the numerical gradient", """
                Gradient checking (DLS `gradient_check`): put every parameter into one vector $\\theta$, nudge each
                $\\theta_i$ by $\\pm\\varepsilon$ ($\\varepsilon = 10^{-7}$) and see how $J$ moves:

                $\\text{gradapprox}_i = \\frac{J(\\theta + \\varepsilon e_i) - J(\\theta - \\varepsilon e_i)}{2\\varepsilon},
                \\qquad \\text{difference} = \\frac{\\lVert \\text{grad} - \\text{gradapprox} \\rVert_2}
                {\\lVert \\text{grad} \\rVert_2 + \\lVert \\text{gradapprox} \\rVert_2}$

                All 21 partial derivatives of the network above, the backward pass's beside the measured slope.
                """);
        double[] theta = GradientCheck.toVector(() -> List.of(W1, b1, W2, b2));
        double[] grad = GradientCheck.toVector(() -> List.of(dW1, db1, dW2, db2));
        List<Shape> shapes = List.of(W1.shape(), b1.shape(), W2.shape(), b2.shape());
        GradientCheck.Result check = GradientCheck.check(theta, grad, t -> {
            List<Matrix> p = GradientCheck.fromVector(t, shapes);
            Matrix A2 = sigmoid(p.get(2).dot(p.get(0).dot(x).plus(p.get(1)).maximum(0)).plus(p.get(3)));
            return -y * Math.log(A2.item()) - (1 - y) * Math.log(1 - A2.item());
        });
        log.println("parameter   backward pass    gradapprox       |difference|");
        List<String> names = List.of("W1", "b1", "W2", "b2");
        int i = 0;
        for (int k = 0; k < shapes.size(); k++) {
            for (int r = 0; r < shapes.get(k).rows(); r++) {
                for (int col = 0; col < shapes.get(k).cols(); col++) {
                    log.printf("d%-9s %14.9f  %14.9f   %.1e", names.get(k) + "[" + r + "," + col + "]",
                            grad[i], check.gradapprox()[i], Math.abs(grad[i] - check.gradapprox()[i]));
                    i++;
                }
            }
        }
        log.printf("difference = %.3e: below 2e-7, the backward pass is right", check.difference());

        log.step("Gradient checking a deeper network (DLS)", """
                DLS's experiment ("Gradient Checking", the fraud-detection model): a three-layer network
                LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID, `forward_propagation_n(X, Y, parameters)`, on the
                published test case `gradient_check_n_test_case()`: with `np.random.seed(1)`,
                $X$ = randn(4, 3), $Y = [1, 1, 0]$, then $W^{[1]}$ (5, 4), $b^{[1]}$ (5, 1), $W^{[2]}$ (3, 5),
                $b^{[2]}$ (3, 1), $W^{[3]}$ (1, 3), $b^{[3]}$ (1, 1), each randn, in that order. The cost:

                $J = \\frac{1}{m} \\sum_{i=1}^{m} \\left( -y^{(i)} \\log a^{[3](i)} - (1 - y^{(i)}) \\log(1 - a^{[3](i)}) \\right)$
                """);
        NumpyRandom random = new NumpyRandom(1);
        Matrix X = random.randn(4, 3);
        Matrix Y = Matrix.row(1, 1, 0);
        List<Matrix> parameters = List.of(random.randn(5, 4), random.randn(5, 1), random.randn(3, 5),
                random.randn(3, 1), random.randn(1, 3), random.randn(1, 1));
        List<Matrix> cache = forwardPropagationN(X, parameters);
        log.println("X = \n" + X);
        log.printf("cost = %.15f", computeCostN(cache.get(5), Y));

        log.step("A backward pass with planted bugs", """
                DLS's `backward_propagation_n` comes with two mistakes planted in it, as a student might make them;
                this lesson's `backwardPropagationN(..., withPlantedBugs = true)` plants the same two. The check
                `gradient_check_n` compares the whole gradient vector with the numerical one; DLS reports
                "There is a mistake in the backward propagation! difference = 0.2850931567761623".
                """);
        double[] thetaN = GradientCheck.toVector(() -> parameters);
        List<Shape> shapesN = GradientCheck.shapes(() -> parameters);
        List<Matrix> buggyGradients = backwardPropagationN(X, Y, parameters, cache, true);
        GradientCheck.Result buggy = GradientCheck.check(thetaN, GradientCheck.toVector(() -> buggyGradients),
                t -> computeCostN(forwardPropagationN(X, GradientCheck.fromVector(t, shapesN)).get(5), Y));
        log.println(verdict(buggy.difference()));
        log.println("kinks crossed by the check: " + buggy.kinks().size());

        log.step("Which parameter was wrong", """
                One number says *that* something is wrong, not *where*. The same difference computed over each
                parameter's slice of $\\theta$ says where: the right ones stay near $10^{-7}$ (a parameter with a
                single entry, like $db^{[3]}$, is noisier), a wrong one is far above $10^{-3}$. The ratio
                $\\lVert \\text{grad} \\rVert / \\lVert \\text{gradapprox} \\rVert$ of a wrong one even says by how much.
                """);
        double[] buggyByParameter = differenceByParameter(buggy, shapesN);
        double[] ratio = normRatioByParameter(buggy, shapesN);
        for (int k = 0; k < NAMES.size(); k++) {
            log.printf("d%-3s difference = %.6e   ‖grad‖/‖gradapprox‖ = %.6f%s", NAMES.get(k), buggyByParameter[k],
                    ratio[k], buggyByParameter[k] > 1e-3 ? "   <-- wrong" : "");
        }
        int worst = buggy.worstIndex();
        log.printf("the entry furthest off: θ[%d] = %s, grad = %.6f, gradapprox = %.6f", worst,
                entryName(worst, shapesN), buggy.grad()[worst], buggy.gradapprox()[worst]);

        log.step("The fix", """
                The culprits are $dW^{[2]}$, twice what it should be, and $db^{[1]}$, four times: DLS's
                `dW2 = 1./m * np.dot(dZ2, A1.T) * 2` and `db1 = 4./m * np.sum(dZ1, axis=1, keepdims=True)`. With
                $dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}$ and $db^{[1]} = \\frac{1}{m} \\sum dZ^{[1]}$ the check
                passes; DLS reports "Your backward propagation works perfectly fine! difference = 1.1890913024229996e-07".
                """);
        List<Matrix> gradients = backwardPropagationN(X, Y, parameters, cache, false);
        GradientCheck.Result fixed = GradientCheck.check(thetaN, GradientCheck.toVector(() -> gradients),
                t -> computeCostN(forwardPropagationN(X, GradientCheck.fromVector(t, shapesN)).get(5), Y));
        log.println(verdict(fixed.difference()));
        double[] fixedByParameter = differenceByParameter(fixed, shapesN);
        Map<String, double[]> bars = new LinkedHashMap<>();
        bars.put("with the planted bugs", buggyByParameter);
        bars.put("fixed", fixedByParameter);
        log.plot("difference-per-parameter", LearningCharts.logBars("Gradient check per parameter: right ones stay "
                + "near 1e-7", "difference (log scale)", NAMES.stream().map(n -> "d" + n).toList(), bars));
    }

    /** DLS's message, with the threshold 2e-7 of {@code gradient_check_n}. */
    private static String verdict(double difference) {
        return !(difference <= 2e-7)
                ? "There is a mistake in the backward propagation! difference = " + python(difference)
                : "Your backward propagation works perfectly fine! difference = " + python(difference);
    }

    /** A double the way Python prints it: 0.2850931567761623, 1.1890913024229996e-07. */
    private static String python(double value) {
        String java = Double.toString(value);
        int e = java.indexOf('E');
        if (e < 0) {
            return java;
        }
        int exponent = Integer.parseInt(java.substring(e + 1));
        return java.substring(0, e) + (exponent < 0 ? "e-" : "e+") + String.format("%02d", Math.abs(exponent));
    }

    /** σ(z) = 1 / (1 + e^(−z)) */
    private static Matrix sigmoid(Matrix z) {
        return z.negate().exp().plus(1).rdiv(1);
    }

    /**
     * DLS {@code forward_propagation_n}: LINEAR → RELU → LINEAR → RELU → LINEAR → SIGMOID. Returns the cache
     * [Z1, A1, Z2, A2, Z3, A3]; {@code parameters} are [W1, b1, W2, b2, W3, b3].
     */
    private static List<Matrix> forwardPropagationN(Matrix X, List<Matrix> parameters) {
        Matrix Z1 = parameters.get(0).dot(X).plus(parameters.get(1));
        Matrix A1 = Z1.maximum(0);
        Matrix Z2 = parameters.get(2).dot(A1).plus(parameters.get(3));
        Matrix A2 = Z2.maximum(0);
        Matrix Z3 = parameters.get(4).dot(A2).plus(parameters.get(5));
        Matrix A3 = sigmoid(Z3);
        return List.of(Z1, A1, Z2, A2, Z3, A3);
    }

    /** DLS: J = (1/m) Σ (−y log a3 − (1 − y) log(1 − a3)). */
    private static double computeCostN(Matrix A3, Matrix Y) {
        Matrix logprobs = A3.log().negate().times(Y).plus(A3.rminus(1).log().negate().times(Y.rminus(1)));
        return 1.0 / Y.cols() * logprobs.sum();
    }

    /**
     * DLS {@code backward_propagation_n}; returns [dW1, db1, dW2, db2, dW3, db3].
     * <pre>
     * dZ3 = A3 − Y;  dW3 = (1/m) dZ3 A2ᵀ;  db3 = (1/m) Σ dZ3
     * dZ2 = W3ᵀ dZ3 * [A2 &gt; 0];  dW2 = (1/m) dZ2 A1ᵀ;  db2 = (1/m) Σ dZ2
     * dZ1 = W2ᵀ dZ2 * [A1 &gt; 0];  dW1 = (1/m) dZ1 Xᵀ;  db1 = (1/m) Σ dZ1
     * </pre>
     * With {@code withPlantedBugs}, DLS's two mistakes: dW2 twice too large, db1 four times.
     */
    private static List<Matrix> backwardPropagationN(Matrix X, Matrix Y, List<Matrix> parameters, List<Matrix> cache,
                                                     boolean withPlantedBugs) {
        double m = X.cols();
        Matrix A1 = cache.get(1);
        Matrix A2 = cache.get(3);
        Matrix A3 = cache.get(5);
        Matrix dZ3 = A3.minus(Y);
        Matrix dW3 = dZ3.dot(A2.T()).div(m);
        Matrix db3 = dZ3.sum(1).div(m);
        Matrix dZ2 = parameters.get(4).T().dot(dZ3).times(A2.gt(0));
        Matrix dW2 = dZ2.dot(A1.T()).div(m).times(withPlantedBugs ? 2 : 1);
        Matrix db2 = dZ2.sum(1).div(m);
        Matrix dZ1 = parameters.get(2).T().dot(dZ2).times(A1.gt(0));
        Matrix dW1 = dZ1.dot(X.T()).div(m);
        Matrix db1 = dZ1.sum(1).times(withPlantedBugs ? 4 : 1).div(m);
        return List.of(dW1, db1, dW2, db2, dW3, db3);
    }

    /** The gradient-check difference over each parameter's slice of θ. */
    private static double[] differenceByParameter(GradientCheck.Result result, List<Shape> shapes) {
        double[] differences = new double[shapes.size()];
        int at = 0;
        for (int k = 0; k < shapes.size(); k++) {
            int n = shapes.get(k).size();
            differences[k] = GradientCheck.difference(java.util.Arrays.copyOfRange(result.grad(), at, at + n),
                    java.util.Arrays.copyOfRange(result.gradapprox(), at, at + n));
            at += n;
        }
        return differences;
    }

    /** ‖grad‖ / ‖gradapprox‖ over each parameter's slice of θ: 1 when right, the factor of a scaling mistake. */
    private static double[] normRatioByParameter(GradientCheck.Result result, List<Shape> shapes) {
        double[] ratios = new double[shapes.size()];
        int at = 0;
        for (int k = 0; k < shapes.size(); k++) {
            double grad = 0;
            double approx = 0;
            for (int i = at; i < at + shapes.get(k).size(); i++) {
                grad += result.grad()[i] * result.grad()[i];
                approx += result.gradapprox()[i] * result.gradapprox()[i];
            }
            ratios[k] = Math.sqrt(grad / approx);
            at += shapes.get(k).size();
        }
        return ratios;
    }

    /** The parameter entry at θ[index], e.g. {@code b1[3,0]}. */
    private static String entryName(int index, List<Shape> shapes) {
        List<String> names = new ArrayList<>(NAMES);
        int at = 0;
        for (int k = 0; k < shapes.size(); k++) {
            Shape s = shapes.get(k);
            if (index < at + s.size()) {
                return names.get(k) + "[" + (index - at) / s.cols() + "," + (index - at) % s.cols() + "]";
            }
            at += s.size();
        }
        return "θ[" + index + "]";
    }
}
