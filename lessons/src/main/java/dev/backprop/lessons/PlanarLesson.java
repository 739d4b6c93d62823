package dev.backprop.lessons;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.LogisticRegression;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.LayerSizes;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;

/** <i>Intro to Deep Learning</i>, "The Algorithm": the workshop's two-layer network on the planar flower, function by function. */
public final class PlanarLesson implements Lesson {

    @Override
    public int number() {
        return 5;
    }

    @Override
    public String name() {
        return "planar";
    }

    @Override
    public String title() {
        return "Planar data classification with one hidden layer";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The planar dataset", """
                A "flower" of 400 points in two classes, red (y = 0) and blue (y = 1), generated as the workshop's
                `load_planar_dataset()` does with `np.random.seed(1)`. Examples are the **columns**:
                $X$ has shape $(n_x, m) = (2, 400)$ and $Y$ has shape $(1, 400)$. The network that learns it is the
                one of *The Algorithm*, the code section of *Intro to Deep Learning*
                (the Machine Intelligence Community deck): its functions, `initialize_parameters` … `nn_model`, each
                get a step below.
                """);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        Matrix X = planar.X();
        Matrix Y = planar.Y();
        log.println("The shape of X is: " + X.shape());
        log.println("The shape of Y is: " + Y.shape());
        log.printf("I have m = %d training examples!", planar.m());
        log.plot("dataset", Charts.scatterByClass("The planar flower: 400 points, two classes", X, Y));

        log.step("Simple logistic regression", """
                Before building a network, try the simplest classifier: logistic regression,
                $\\hat{y} = \\sigma(w x + b)$, trained by gradient descent. Its decision boundary is a straight line,
                and no straight line separates the petals: it gets about half of the points right.
                That is why we need a hidden layer.
                """);
        LogisticRegression.Parameters lr = LogisticRegression.optimize(X, Y, 2000, 0.5, (i, cost) -> { });
        double lrAccuracy = TwoLayerNetwork.accuracy(LogisticRegression.predict(lr, X), Y);
        log.printf("Accuracy of logistic regression: %.0f %% (percentage of correctly labelled datapoints)", lrAccuracy);
        log.plot("logistic-regression-boundary", Charts.decisionBoundary("Logistic regression: a straight boundary",
                X, Y, grid -> TwoLayerNetwork.sigmoid(lr.w().dot(grid).plus(lr.b()))));

        log.step("Defining the neural network structure", """
                `layer_sizes(X, Y)`: the input layer has $n_x$ = X.shape[0] units, the hidden layer $n_h = 4$,
                the output layer $n_y$ = Y.shape[0].
                """);
        LayerSizes sizes = TwoLayerNetwork.layerSizes(X, Y);
        log.println("The size of the input layer is: n_x = " + sizes.n_x());
        log.println("The size of the hidden layer is: n_h = " + sizes.n_h());
        log.println("The size of the output layer is: n_y = " + sizes.n_y());

        log.step("Initialize the model's parameters", """
                `initialize_parameters(n_x, n_h, n_y)` with `np.random.seed(2)`: small random weights break the
                symmetry between hidden units, the biases start at zero.

                $W^{[1]} = \\text{randn}(n_h, n_x) \\cdot 0.01,\\quad b^{[1]} = 0,\\quad
                W^{[2]} = \\text{randn}(n_y, n_h) \\cdot 0.01,\\quad b^{[2]} = 0$
                """);
        Parameters parameters = TwoLayerNetwork.initializeParameters(sizes.n_x(), sizes.n_h(), sizes.n_y());
        log.println("W1 = " + parameters.W1() + "   shape " + parameters.W1().shape());
        log.println("b1 = " + parameters.b1() + "   shape " + parameters.b1().shape());
        log.println("W2 = " + parameters.W2() + "   shape " + parameters.W2().shape());
        log.println("b2 = " + parameters.b2() + "   shape " + parameters.b2().shape());

        log.step("Forward propagation", """
                `forward_propagation(X, parameters)`, vectorised over all 400 examples at once:

                $Z^{[1]} = W^{[1]} X + b^{[1]},\\quad A^{[1]} = \\tanh(Z^{[1]}),\\quad
                Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]},\\quad A^{[2]} = \\sigma(Z^{[2]})$

                $b^{[1]}$ is a column vector $(n_h, 1)$ added to every column: numpy's broadcasting.
                """);
        Cache cache = TwoLayerNetwork.forwardPropagation(X, parameters);
        log.println("Z1 " + cache.Z1().shape() + "  A1 " + cache.A1().shape()
                + "  Z2 " + cache.Z2().shape() + "  A2 " + cache.A2().shape());
        log.printf("mean(Z1) = %.8f  mean(A1) = %.8f  mean(Z2) = %.8f  mean(A2) = %.8f",
                cache.Z1().mean(), cache.A1().mean(), cache.Z2().mean(), cache.A2().mean());

        log.step("Compute the cost", """
                `compute_cost(A2, Y, parameters)`, the cross-entropy:

                $J = -\\frac{1}{m} \\sum_{i=1}^{m} \\left( y^{(i)} \\log a^{[2](i)} + (1 - y^{(i)}) \\log(1 - a^{[2](i)}) \\right)$

                With tiny weights every $a^{[2]} \\approx 0.5$, so $J \\approx \\log 2 = 0.693$.
                """);
        double cost = TwoLayerNetwork.computeCost(cache.A2(), Y);
        log.printf("cost = %f", cost);

        log.step("Backward propagation", """
                `backward_propagation(parameters, cache, X, Y)`, the chain rule written out; each gradient has the
                shape of its parameter:

                $dZ^{[2]} = A^{[2]} - Y,\\quad dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T},\\quad
                db^{[2]} = \\frac{1}{m} \\sum_{\\text{columns}} dZ^{[2]}$

                $dZ^{[1]} = W^{[2]T} dZ^{[2]} * (1 - A^{[1]2}),\\quad dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T,\\quad
                db^{[1]} = \\frac{1}{m} \\sum_{\\text{columns}} dZ^{[1]}$
                """);
        Gradients grads = TwoLayerNetwork.backwardPropagation(parameters, cache, X, Y);
        log.println("dW1 = " + grads.dW1() + "   shape " + grads.dW1().shape());
        log.println("db1 = " + grads.db1() + "   shape " + grads.db1().shape());
        log.println("dW2 = " + grads.dW2() + "   shape " + grads.dW2().shape());
        log.println("db2 = " + grads.db2() + "   shape " + grads.db2().shape());

        log.step("Update parameters", """
                `update_parameters(parameters, grads, learning_rate)`, one step of gradient descent, with DLS's
                $\\alpha = 1.2$ (the deck's function defaults to 0.001):
                $\\theta := \\theta - \\alpha \\frac{\\partial J}{\\partial \\theta}$ for every $W$ and $b$.
                """);
        Parameters updated = TwoLayerNetwork.updateParameters(parameters, grads);
        log.println("W1 = " + updated.W1());
        log.println("b1 = " + updated.b1());
        log.println("W2 = " + updated.W2());
        log.println("b2 = " + updated.b2());
        Cache after = TwoLayerNetwork.forwardPropagation(X, updated);
        log.printf("cost after one step = %f (was %f)", TwoLayerNetwork.computeCost(after.A2(), Y), cost);

        log.step("Integrate everything in nn_model", """
                `nn_model(X, Y, n_h=4, num_iterations=10000)`: forward, cost, backward, update, 10 000 times.
                The cost is printed every 1000 iterations, as DLS's `print_cost` does. In a notebook of this
                lesson, set `n_h` to another size and run this cell and the next again: the cost curve and the
                decision boundary follow.
                """);
        Backend backend = log.backend();
        Matrix Xd = X.to(backend);
        Matrix Yd = Y.to(backend);
        List<Integer> iterations = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        int n_h = 4;
        long start = System.nanoTime();
        Parameters trained = TwoLayerNetwork.nnModel(Xd, Yd, n_h, 10_000, TwoLayerNetwork.LEARNING_RATE, 100,
                (i, c) -> {
                    iterations.add(i);
                    costs.add(c);
                    if (i % 1000 == 0) {
                        log.printf("Cost after iteration %d: %f", i, c);
                    }
                });
        double seconds = (System.nanoTime() - start) / 1e9;
        log.elapsed("10000 iterations on " + backend.name(), seconds);
        log.plot("cost-curve", Charts.costCurve("Cost of the two-layer network (n_h = " + n_h
                + ", learning rate 1.2)", iterations, costs));

        log.step("Predictions", """
                `predict(parameters, X)`: class 1 where $A^{[2]} > 0.5$. The decision boundary now follows the
                petals.
                """);
        Matrix predictions = TwoLayerNetwork.predict(trained, Xd);
        double accuracy = TwoLayerNetwork.accuracy(predictions, Yd);
        log.printf("Accuracy: %.2f %%", accuracy);
        Parameters boundaryModel = trained;
        log.plot("decision-boundary", Charts.decisionBoundary("Decision boundary for hidden layer size " + n_h, X, Y,
                grid -> TwoLayerNetwork.forwardPropagation(grid.to(backend), boundaryModel).A2().to(grid.backend())));

        log.step("Tuning hidden layer size", """
                The same network with 1, 2, 3, 4, 5, 20 and 50 hidden units, 5000 iterations each, scored on the
                training data. A few units already fit the petals; 20 and 50 do no better here, and their boundaries
                start to bend around single points, the beginning of fitting the noise; around 5 units is enough.
                """);
        List<XYChart> panels = new ArrayList<>();
        for (int hidden : new int[] {1, 2, 3, 4, 5, 20, 50}) {
            Parameters p = TwoLayerNetwork.nnModel(Xd, Yd, hidden, 5000, TwoLayerNetwork.LEARNING_RATE, 0,
                    (i, c) -> { });
            double acc = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(p, Xd), Yd);
            log.printf("Accuracy for %d hidden units: %.2f %%", hidden, acc);
            panels.add(Charts.decisionBoundary(String.format("n_h = %d: accuracy %.1f %%", hidden, acc), X, Y,
                    grid -> TwoLayerNetwork.forwardPropagation(grid.to(backend), p).A2().to(grid.backend()),
                    ChartGrid.panelWidth(3), 260));
        }
        log.plot("boundaries-by-hidden-layer-size", new ChartGrid(
                "Hidden layer sizes 1 to 50: red y = 0, blue y = 1, shaded by the predicted P(y = 1)", 3, 260, panels));
    }
}
