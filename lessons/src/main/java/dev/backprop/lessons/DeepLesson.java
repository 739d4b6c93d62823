package dev.backprop.lessons;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.ElementwiseActivation;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.model.DeepNetwork.LayerCache;
import dev.backprop.core.model.DeepNetwork.LayerGradients;
import dev.backprop.core.model.DeepNetwork.LayerShapes;
import dev.backprop.core.model.TwoLayerNetwork;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** <i>Intro to Deep Learning</i>, "Deep Neural Networks: the general case": L layers, forward L times and backward from dZ^[L]. */
public final class DeepLesson implements Lesson {

    @Override
    public int number() {
        return 6;
    }

    @Override
    public String name() {
        return "deep";
    }

    @Override
    public String title() {
        return "Deep neural networks";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The shapes of a 4-layer network", """
                With layer sizes $n^{[0]} = n_x, n^{[1]}, \\dots, n^{[L]}$ and $m$ examples as columns:
                $W^{[l]}$ is $(n^{[l]}, n^{[l-1]})$, $b^{[l]}$ is $(n^{[l]}, 1)$, and $Z^{[l]}, A^{[l]}$ are
                $(n^{[l]}, m)$. Here the planar data ($n_x = 2$, $m = 400$) goes through layers of 16, 8 and 4 ReLU
                units and one sigmoid output: `layer_dims = [2, 16, 8, 4, 1]`, $L = 4$.
                """);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        Matrix X = planar.X();
        Matrix Y = planar.Y();
        Architecture architecture = Architecture.dls(2, 16, 8, 4, 1);
        DeepParameters parameters = DeepNetwork.initializeParametersDeep(architecture, Initialization.HE);
        log.println(" l |   W^[l]   |  b^[l]  |   Z^[l]    |   A^[l]    | g^[l]");
        log.println("---+-----------+---------+------------+------------+--------");
        for (LayerShapes s : DeepNetwork.layerShapes(parameters, architecture.activations(), planar.m())) {
            log.printf("%2d | %-9s | %-7s | %-10s | %-10s | %s", s.l(), s.W(), s.b(), s.Z(), s.A(),
                    architecture.g(s.l()));
        }

        log.step("Forward, one layer at a time", """
                Repeat for $l = 1 \\dots L$: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$,
                $A^{[l]} = g^{[l]}(Z^{[l]})$, starting from $A^{[0]} = X$ (`linear_activation_forward`). Each layer
                keeps a cache $(A^{[l-1]}, W^{[l]}, b^{[l]}, Z^{[l]})$ for the backward pass.
                """);
        Matrix A = X;
        List<LayerCache> caches = new ArrayList<>();
        for (int l = 1; l <= architecture.L(); l++) {
            LayerCache cache = DeepNetwork.linearActivationForward(A, parameters.W(l), parameters.b(l),
                    architecture.g(l));
            caches.add(cache);
            A = cache.A();
            log.printf("layer %d: Z%d = W%d·A%d + b%d %s, A%d = %s(Z%d), mean(A%d) = %.6f", l, l, l, l - 1, l,
                    cache.Z().shape(), l, architecture.g(l), l, l, A.mean());
        }
        double cost = DeepNetwork.computeCost(A, Y);
        log.printf("cost J = %f", cost);

        log.step("Backward, one layer at a time", """
                Start from the cost's derivative, $dA^{[L]} = -\\left(\\frac{Y}{A^{[L]}} - \\frac{1 - Y}{1 - A^{[L]}}\\right)$,
                and go down, $l = L \\dots 1$ (`linear_activation_backward`):
                $dZ^{[l]} = dA^{[l]} * g^{[l]\\prime}(Z^{[l]})$, $dW^{[l]} = \\frac{1}{m} dZ^{[l]} A^{[l-1]T}$,
                $db^{[l]} = \\frac{1}{m} \\sum_{\\text{columns}} dZ^{[l]}$, $dA^{[l-1]} = W^{[l]T} dZ^{[l]}$.
                For a sigmoid output this gives the workshop's $dZ^{[L]} = A^{[L]} - Y$.
                """);
        Matrix dA = new BinaryCrossEntropy().gradient(A, Y);
        for (int l = architecture.L(); l >= 1; l--) {
            LayerGradients g = DeepNetwork.linearActivationBackward(dA, caches.get(l - 1));
            log.printf("layer %d: dW%d %s ‖dW%d‖ = %.6f, db%d %s, dA%d %s", l, l, g.dW().shape(), l,
                    Math.sqrt(g.dW().square().sum()), l, g.db().shape(), l - 1, g.dA_prev().shape());
            dA = g.dA_prev();
        }
        DeepGradients all = DeepNetwork.lModelBackward(A, Y, new DeepCaches(caches));
        log.printf("L_model_backward gives the same: ‖dW1‖ = %.6f", Math.sqrt(all.dW(1).square().sum()));

        log.step("Training: the L-layer model against the two-layer network", """
                `L_layer_model` repeats forward, cost, backward and update. The 4-layer ReLU network (He
                initialisation, learning rate 0.1) and the workshop's two-layer tanh network (n_h = 4, learning
                rate 1.2) on the same planar data, 10 000 iterations each.
                """);
        Backend backend = log.backend();
        Matrix Xd = X.to(backend);
        Matrix Yd = Y.to(backend);
        double[][] deepCurve = new double[2][100];
        DeepParameters deep = DeepNetwork.lLayerModel(Xd, Yd, architecture, Initialization.HE, 0.1, 10_000, 100,
                (i, c) -> {
                    deepCurve[0][i / 100] = i;
                    deepCurve[1][i / 100] = c;
                    if (i % 2000 == 0) {
                        log.printf("L-layer   cost after iteration %d: %f", i, c);
                    }
                });
        double[][] shallowCurve = new double[2][100];
        TwoLayerNetwork.Parameters shallow = TwoLayerNetwork.nnModel(Xd, Yd, 4, 10_000, 1.2, 100, (i, c) -> {
            shallowCurve[0][i / 100] = i;
            shallowCurve[1][i / 100] = c;
            if (i % 2000 == 0) {
                log.printf("two-layer cost after iteration %d: %f", i, c);
            }
        });
        double deepAccuracy = TwoLayerNetwork.accuracy(DeepNetwork.predict(Xd, deep), Yd);
        double shallowAccuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(shallow, Xd), Yd);
        log.printf("training accuracy: L-layer %.2f %%, two-layer %.2f %%", deepAccuracy, shallowAccuracy);
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("L-layer [2, 16, 8, 4, 1] ReLU, He, α = 0.1", deepCurve);
        curves.put("two-layer [2, 4, 1] tanh, α = 1.2", shallowCurve);
        log.plot("cost-deep-vs-two-layer", Charts.costCurve("Planar data: L-layer vs two-layer network", curves));
        log.plot("deep-decision-boundary", Charts.decisionBoundary(String.format(
                "Decision boundary of the 4-layer network: accuracy %.1f %%", deepAccuracy), X, Y,
                grid -> DeepNetwork.lModelForward(grid.to(backend), deep).AL().to(grid.backend())));

        log.step("Every activation and its derivative", """
                The activations of two decks, *Introduction to Deep Learning* (the TensorFlow deck) and
                *Introduction to Deep Learning: Multi-layer Perceptron*: forward $g(z)$ and derivative $g'(z)$ as
                `nn-core` computes them for backpropagation. Softmax and maxout are not elementwise (softmax
                normalises over a column, maxout takes the largest of $k$ linear pieces), so they are not drawn here.
                """);
        Matrix z = Matrix.linspace(-4, 4, 161);
        List<ElementwiseActivation> activations = List.of(new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(),
                new Elu(), new Linear());
        Map<String, double[]> forward = new LinkedHashMap<>();
        Map<String, double[]> derivative = new LinkedHashMap<>();
        for (ElementwiseActivation g : activations) {
            Matrix a = g.forward(z);
            forward.put(g.toString(), a.toArray());
            derivative.put(g.toString() + "'", g.derivative(z, a).toArray());
        }
        XYChart functions = Charts.functions("Activation functions g(z)", "g(z)", z.toArray(), forward);
        XYChart derivatives = Charts.functions("Their derivatives g'(z)", "g'(z)", z.toArray(), derivative);
        // for z > 0, ReLU, leaky ReLU, ELU and linear coincide (and their derivatives are all 1): linear is dashed
        // so the others show through
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 6f}, 0f);
        functions.getSeriesMap().get(new Linear().toString()).setLineStyle(dashed);
        derivatives.getSeriesMap().get(new Linear() + "'").setLineStyle(dashed);
        log.plot("activations", functions);
        log.plot("derivatives", derivatives);
        log.printf("%-16s %8s %8s", "g'(z) at", "z = −2", "z = 0.5");
        Matrix at = Matrix.row(-2, 0.5);
        for (ElementwiseActivation g : activations) {
            double[] d = g.derivative(at, g.forward(at)).toArray();
            log.printf("%-16s %8.4f %8.4f", g, d[0], d[1]);
        }

        log.step("The vanishing gradient", """
                *Introduction to Deep Learning: Multi-layer Perceptron* asks: "the deeper, the better? Not really." By
                the chain rule, the gradient reaching layer 1 is a product of one factor per layer above it. The
                sigmoid's derivative is at most 0.25, so through 10 sigmoid layers the gradient shrinks by orders of
                magnitude; ReLU's derivative is 1 where a unit is active, so the gradient keeps its size. Below:
                $\\|dW^{[l]}\\|$ per layer after one backward pass, for the same 11-layer network (width 8, Xavier
                initialisation) with sigmoid or ReLU hidden units.
                """);
        int[] dims = {2, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1};
        XYChart norms = Charts.xy("Gradient norm per layer: sigmoid vs ReLU (11 layers)", "layer l", "‖dW^[l]‖");
        norms.getStyler().setYAxisLogarithmic(true);
        for (Activation hidden : List.<Activation>of(new Sigmoid(), new Relu())) {
            Architecture net = Architecture.of(dims, hidden, new Sigmoid(), new BinaryCrossEntropy());
            DeepParameters p = DeepNetwork.initializeParametersDeep(net, Initialization.XAVIER);
            DeepCaches c = DeepNetwork.lModelForward(X, p, net.activations());
            double[] gradientNorms = DeepNetwork.gradientNorms(DeepNetwork.lModelBackward(c.AL(), Y, c));
            double[] layers = new double[gradientNorms.length];
            Arrays.setAll(layers, i -> i + 1);
            XYSeries s = norms.addSeries(hidden + " hidden layers", layers, gradientNorms);
            s.setMarker(SeriesMarkers.CIRCLE);
            log.printf("%-8s ‖dW^[1]‖ = %.3e   ‖dW^[L]‖ = %.3e   ratio %.1e", hidden, gradientNorms[0],
                    gradientNorms[gradientNorms.length - 1], gradientNorms[0] / gradientNorms[gradientNorms.length - 1]);
        }
        log.plot("vanishing-gradient", norms);
    }
}
