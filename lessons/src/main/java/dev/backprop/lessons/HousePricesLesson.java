package dev.backprop.lessons;

import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.DeckExamples;
import dev.backprop.core.data.Standardization;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.RegressionMetrics;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.List;

/**
 * The house-price example of <i>Intro to Deep Learning</i> ("Example Neural Net - House Price") and <i>Introduction
 * to Deep Learning: Multi-layer Perceptron</i> ("designed by humans / by machines"): linear regression, a small
 * network, logistic regression for "can we afford it", and the "go to class" network with the deck's numbers.
 */
public final class HousePricesLesson implements Lesson {

    /** The budget of "can we afford it", in thousands of dollars. */
    static final double BUDGET = 400;

    @Override
    public int number() {
        return 19;
    }

    @Override
    public String name() {
        return "house-prices";
    }

    @Override
    public String title() {
        return "House prices: regression, affordability and a small network";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The house of *Intro to Deep Learning* and a synthetic price table", """
                *Intro to Deep Learning* (the Machine Intelligence Community deck): "Say you want to predict house
                prices given some features about the house": $x_1 = 5$ (bedrooms), $x_2 = 3$ (bathrooms),
                $x_3 = 3000$ (square feet), and "the house price could be" $z = 5w_1 + 3w_2 + 3000w_3 + b$. This
                house, (5, 3, 3000), is *the deck's house* below.

                **That deck gives no prices, so this lesson makes its own, synthetic table** (seeded, so every run
                gives the same 250 houses): bedrooms $\\in \\{1..6\\}$,
                bathrooms $\\in \\{1..\\min(\\text{bedrooms}, 4)\\}$,
                square feet $= 400 \\cdot \\text{bedrooms} + 200 \\cdot \\text{bathrooms} + U(0, 800)$ and, in
                thousands of dollars,
                $$\\text{price} = 50 + 20\\,x_1 + 15\\,x_2 + 0.1\\,x_3 + 40 \\max(0, x_3/1000 - 2)^2 + \\varepsilon,
                \\quad \\varepsilon \\sim \\mathcal{N}(0, 15^2).$$
                The squared term (large houses cost more per square foot) is what a straight line cannot follow.
                Examples are columns: X is $(3, m)$. The first 200 houses train, the last 50 test.
                """);
        Dataset houses = syntheticHouses(250, new NumpyRandom(19));
        Matrix X_train = houses.X().columns(0, 200);
        Matrix Y_train = houses.Y().columns(0, 200);
        Matrix X_test = houses.X().columns(200, 250);
        Matrix Y_test = houses.Y().columns(200, 250);
        log.println("house | bedrooms | bathrooms | square feet | price (thousands of USD, synthetic)");
        for (int j = 0; j < 6; j++) {
            log.printf("%5d | %8.0f | %9.0f | %11.0f | %8.1f", j, houses.X().get(0, j), houses.X().get(1, j),
                    houses.X().get(2, j), houses.Y().get(0, j));
        }
        Matrix deckHouse = DeckExamples.house();
        log.printf("the deck's house (5, 3, 3000) by the formula, without noise: USD %.0fk", price(5, 3, 3000));
        log.plot("synthetic-houses", HouseCharts.pricesBySquareFeet(
                "The synthetic houses (Intro to Deep Learning gives no prices): price by size", houses.X(), houses.Y()));

        log.step("Linear regression", """
                One neuron with no activation, $\\hat y = z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b$, trained by gradient
                descent ($\\alpha = 0.2$, 1000 iterations) on the mean squared error
                $J = \\frac{1}{m} \\sum_i (\\hat y^{(i)} - y^{(i)})^2$. Square feet are in the thousands and
                bedrooms in units, so each feature is first standardised with the training set's mean and
                standard deviation, $x' = (x - \\mu)/\\sigma$; the weights for the raw features are then
                $w_k / \\sigma_k$. Gradient descent ends where the closed-form least-squares fit is (numpy's
                `np.linalg.lstsq` gives $11.75, 9.25, 0.1500, 1.52$ on the same table).
                """);
        Standardization scaling = Standardization.fit(X_train);
        Matrix Xs_train = scaling.transform(X_train);
        Matrix Xs_test = scaling.transform(X_test);
        Sequential linear = Sequential.of(new Dense(1, new Linear(), Initializer.zeros()));
        linear.build(3, 1);
        linear.compile(new MeanSquaredError(), new GradientDescent(0.2));
        History linearHistory = linear.fit(Xs_train, Y_train, 1000, 0);
        for (int epoch = 0; epoch < 1000; epoch += 200) {
            log.printf("Cost after iteration %d: %f", epoch, linearHistory.loss().get(epoch));
        }
        Dense neuron = (Dense) linear.layers().get(0);
        Matrix w = neuron.W().div(scaling.sigma().T());
        double b = neuron.b().item() - w.dot(scaling.mu()).item();
        log.printf("price ≈ %.2f·bedrooms + %.2f·bathrooms + %.4f·sqft + %.2f", w.get(0, 0), w.get(0, 1),
                w.get(0, 2), b);
        double linearRmse = Math.sqrt(RegressionMetrics.meanSquaredError(Y_test, linear.predict(Xs_test)));
        log.printf("linear regression: test RMSE = USD %.1fk", linearRmse);
        log.printf("the deck's house: z = 5w₁ + 3w₂ + 3000w₃ + b = USD %.0fk",
                linear.predict(scaling.transform(deckHouse)).item());

        log.step("A small network: features designed by machines", """
                *Introduction to Deep Learning: Multi-layer Perceptron* asks "why multiple layers?" with the same
                example twice: a house-price model *designed by humans* (hidden units a person names, such as
                family size or walkability, each made from chosen inputs), and one *designed by machines*, where
                every hidden unit sees every input and training decides what it means. Here: 16 ReLU units,
                $A^{[1]} = \\text{ReLU}(W^{[1]} X + b^{[1]})$, then one linear output
                $\\hat y = W^{[2]} A^{[1]} + b^{[2]}$, with Adam ($\\alpha = 0.01$), on the same standardised data.
                The network finds the squared term the straight line misses. The house it prices last is still the
                deck's house of *Intro to Deep Learning* (the Machine Intelligence Community deck), (5, 3, 3000).
                """);
        Sequential network = Sequential.of(new Dense(16, new Relu(), Initializer.he()),
                new Dense(1, new Linear(), Initializer.he()));
        network.build(3, 1);
        network.compile(new MeanSquaredError(), new Adam(0.01));
        History networkHistory = network.fit(Xs_train, Y_train, 2000, 0);
        for (int epoch = 0; epoch < 2000; epoch += 500) {
            log.printf("Cost after iteration %d: %f", epoch, networkHistory.loss().get(epoch));
        }
        Matrix networkPrediction = network.predict(Xs_test);
        double networkRmse = Math.sqrt(RegressionMetrics.meanSquaredError(Y_test, networkPrediction));
        log.printf("network [3, 16, 1]: test RMSE = USD %.1fk (linear regression: USD %.1fk; the noise alone: USD 15k)",
                networkRmse, linearRmse);
        log.printf("the deck's house: ŷ = USD %.0fk", network.predict(scaling.transform(deckHouse)).item());
        log.plot("predicted-vs-actual", HouseCharts.predictedVsActual(
                "Test houses: predicted against actual price", Y_test,
                List.of("linear regression", "network [3, 16, 1]"),
                List.of(linear.predict(Xs_test), networkPrediction)));

        log.step("Logistic regression: can we afford it?", """
                *Intro to Deep Learning* (the Machine Intelligence Community deck): "Now say we want to determine if we
                can afford the house or not. In this case we would use a sigmoid function to output values between 0 or
                1." The same linear combination $z = w_1 x_1 + w_2 x_2 + w_3 x_3 + b$ goes through
                $a = \\hat y = \\sigma(z) = \\frac{1}{1 + e^{-z}}$, and we say *affordable* where $\\sigma(z) \\ge 0.5$,
                that is where $z \\ge 0$. The label: $y = 1$ when the (synthetic) price is within a budget of 400k
                dollars. Binary cross-entropy, gradient descent with $\\alpha = 1$, standardised features.
                """);
        Matrix A_train = Y_train.le(BUDGET);
        Matrix A_test = Y_test.le(BUDGET);
        Sequential afford = Sequential.of(new Dense(1, new Sigmoid(), Initializer.zeros()));
        afford.build(3, 1);
        afford.compile(new BinaryCrossEntropy(), new GradientDescent(1.0), Metric.accuracy());
        History affordHistory = afford.fit(Xs_train, A_train, 1000, 0, Xs_test, A_test);
        for (int epoch = 0; epoch < 1000; epoch += 250) {
            log.printf("Cost after iteration %d: %f", epoch, affordHistory.loss().get(epoch));
        }
        log.printf("affordable: %.0f of 200 training houses; accuracy train %.1f %%, test %.1f %%",
                A_train.sum(), affordHistory.last("accuracy"), affordHistory.last("val_accuracy"));
        Matrix deckHouseScaled = scaling.transform(deckHouse);
        Dense affordNeuron = (Dense) afford.layers().get(0);
        double zDeck = affordNeuron.W().dot(deckHouseScaled).item() + affordNeuron.b().item();
        double aDeck = afford.predict(deckHouseScaled).item();
        log.printf("the deck's house: z = %.3f, σ(z) = %.4f → %s", zDeck, aDeck,
                aDeck >= 0.5 ? "affordable (σ(z) ≥ 0.5)" : "not affordable (σ(z) < 0.5)");
        Matrix Z_test = affordNeuron.W().dot(Xs_test).plus(affordNeuron.b());
        log.plot("affordability-sigmoid", HouseCharts.sigmoidThreshold(
                "Can we afford it? σ(z) of the test houses, threshold 0.5", Z_test, A_test, zDeck));

        log.step("The “go to class” network", """
                *Intro to Deep Learning* (the Machine Intelligence Community deck), "Shallow Neural Networks
                (example)": should you go to class? The inputs are $x = [0.4, 2, 17]$ (difficulty of the material,
                assignments due, days until the midterm). The deck's first hidden unit has
                $w = [0.5, 0.1, 0.0058]$, $b = 0.2$:
                $z = 0.5 \\cdot 0.4 + 0.1 \\cdot 2 + 0.0058 \\cdot 17 + 0.2 = 0.6986 \\approx 0.7$ and
                $\\text{ReLU}(0.7) = 0.7$. The deck's network ends in $\\hat y = 0.45$, and since the student did need
                to go ($y = 1$), $L = -\\log 0.45 = 0.798508$. The deck gives only the first unit's weights, so the
                other three hidden units and $W^{[2]}$ below are chosen here, and $b^{[2]}$ is solved so that
                $\\hat y = 0.45$. The network is our `Dense(4, relu)`, `Dense(1, sigmoid)` with those weights set.
                """);
        Dataset goToClass = DeckExamples.goToClass();
        DeckExamples.Neuron first = DeckExamples.goToClassNeuron();
        Matrix W1 = Matrix.of(new double[][] {first.w().toArray(), {-0.3, 0.2, 0.01}, {0.1, -0.4, 0.02},
            {0.2, 0.05, -0.03}});
        Matrix b1 = Matrix.column(first.b(), 0.1, 0.3, 0.4);
        Matrix W2 = Matrix.row(0.8, -0.5, 0.3, 0.6);
        Matrix A1 = W1.dot(goToClass.X()).plus(b1).maximum(0);
        double b2 = Math.log(0.45 / 0.55) - W2.dot(A1).item();
        Sequential classNetwork = Sequential.of(new Dense(4, new Relu()), new Dense(1, new Sigmoid()));
        classNetwork.build(3, 1);
        classNetwork.setParameters(List.of(W1, b1, W2, Matrix.of(1, 1, b2)));
        classNetwork.compile(new BinaryCrossEntropy(), new GradientDescent(0.1));
        Dense hidden = (Dense) classNetwork.layers().get(0);
        double yHat = classNetwork.predict(goToClass.X()).item();
        double z1 = hidden.W().dot(goToClass.X()).plus(hidden.b()).get(0, 0);
        log.printf("z = 0.5·0.4 + 0.1·2 + 0.0058·17 + 0.2 = %.4f ≈ %.1f", z1, z1);
        log.printf("ReLU(%.1f) = %.1f", z1, Math.max(0, z1));
        log.printf("ŷ = σ(W2·A1 + b2) = %.2f (b2 = %.6f)", yHat, b2);
        log.printf("L(ŷ, 1) = −log(ŷ) = %.6f; the cost Sequential evaluates: %.6f", -Math.log(yHat),
                classNetwork.evaluate(goToClass.X(), goToClass.Y()).get("loss"));
    }

    /**
     * The lesson's synthetic house table (the deck gives no prices): bedrooms = randint(1, 7), bathrooms =
     * randint(1, min(bedrooms, 4) + 1), sqft = 400·bedrooms + 200·bathrooms + uniform(0, 800), price =
     * {@link #price} + normal(0, 15), drawn house by house in that order. X (3, m), Y (1, m) in thousands of dollars.
     */
    static Dataset syntheticHouses(int m, NumpyRandom random) {
        double[][] X = new double[3][m];
        double[] Y = new double[m];
        for (int j = 0; j < m; j++) {
            double bedrooms = random.randint(1, 7);
            double bathrooms = random.randint(1, (long) Math.min(bedrooms, 4) + 1);
            double sqft = 400 * bedrooms + 200 * bathrooms + random.uniform(0, 800);
            X[0][j] = bedrooms;
            X[1][j] = bathrooms;
            X[2][j] = Math.rint(sqft);
            Y[j] = price(bedrooms, bathrooms, X[2][j]) + random.normal(0, 15);
        }
        return new Dataset(Matrix.of(X), Matrix.row(Y));
    }

    /** price = 50 + 20·bedrooms + 15·bathrooms + 0.1·sqft + 40·max(0, sqft/1000 − 2)², in thousands of dollars. */
    static double price(double bedrooms, double bathrooms, double sqft) {
        double large = Math.max(0, sqft / 1000 - 2);
        return 50 + 20 * bedrooms + 15 * bathrooms + 0.1 * sqft + 40 * large * large;
    }
}
