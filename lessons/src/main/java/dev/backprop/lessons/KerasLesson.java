package dev.backprop.lessons;

import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.DeckExamples;
import dev.backprop.core.data.Xor;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.DeepNetwork.Architecture;
import dev.backprop.core.model.DeepNetwork.DeepCaches;
import dev.backprop.core.model.DeepNetwork.DeepGradients;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.model.DeepNetwork.Initialization;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.List;

/**
 * The Keras code of the <i>Deep Learning Workshop</i> and <i>Introduction to Deep Learning</i> decks, written with
 * our {@link Sequential}: the linear-regression stack, {@code myDenseLayer}, the deep ReLU stack, and the proof that
 * {@code Sequential} computes what the explicit {@link DeepNetwork} functions compute.
 */
public final class KerasLesson implements Lesson {

    @Override
    public int number() {
        return 17;
    }

    @Override
    public String name() {
        return "keras";
    }

    @Override
    public String title() {
        return "Keras-style models with Sequential";
    }

    @Override
    public void run(LessonLog log) {
        log.step("The data of *Deep Learning Workshop* and its split", """
                *Deep Learning Workshop* (the BUDSA deck) builds its first network on eight points of the line
                $y = X + 10$:
                ```python
                X = np.array([-7.0, -4.0, -1.0, 2.0, 5.0, 8.0, 11.0, 14.0])
                y = np.array([3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0])
                X_train = X[:40] # 80 % of data
                X_test = X[40:] # last 10 examples -> (20% of data)
                len(X_train), len(X_test)
                ```
                and prints `(8, 0)`. The comments were written for a 50-point data set: with 8 points, Python's
                slice `X[:40]` stops at the end of the array (a slice never fails for being too long), so *all
                eight* points train and `X[40:]` is empty. Its model is therefore trained and never tested.
                An 80 % split of 8 points would be `X[:6]`, `X[6:]`: `(6, 2)`. Here, examples are columns: X is
                $(1, 8)$.
                """);
        Dataset line = DeckExamples.line();
        Matrix X = line.X();
        Matrix y = line.Y();
        log.println("X = " + X);
        log.println("y = " + y);
        int m = X.cols();
        int trainEnd = Math.min(40, m);
        Matrix X_train = X.columns(0, trainEnd);
        log.printf("X[:40] has %d points, X[40:] has %d: len(X_train), len(X_test) = (%d, %d)", X_train.cols(),
                m - trainEnd, X_train.cols(), m - trainEnd);
        int eighty = (int) (0.8 * m);
        log.printf("an 80 %% split of %d points: X[:%d], X[%d:] gives (%d, %d)", m, eighty, eighty, eighty,
                m - eighty);

        log.step("The model of *Deep Learning Workshop*, side by side", """
                The Keras code of *Deep Learning Workshop* (the BUDSA deck), and the same model in our `Sequential`
                (Dense layers with no activation are linear, $A = Z = W A_{prev} + b$; Keras initialises $W$ with
                Glorot uniform and Adam's learning rate is 0.001):
                ```python
                model = tf.keras.Sequential([
                   tf.keras.layers.Dense(100, input_shape=[1]),
                   tf.keras.layers.Dense(100),
                   tf.keras.layers.Dense(100),
                   tf.keras.layers.Dense(10),
                   tf.keras.layers.Dense(1)])
                model.compile(loss=tf.keras.losses.mae,
                              optimizer=tf.keras.optimizers.Adam(),
                              metrics=['mae'])
                history = model.fit(X_train, y_train, epochs=300)
                ```
                The loss is the mean absolute error $J = \\frac{1}{m}\\sum_i |\\hat y^{(i)} - y^{(i)}|$. Keras's
                default batch of 32 holds all 8 points, so one epoch is one Adam step. An epoch's `loss` is, as in
                Keras, the cost of its step (before the update); the metric `mae` departs from Keras, which averages
                it over the same forward passes: here it is measured on the whole training set after the epoch, so
                it is the MAE of the updated weights, usually lower than the `loss` beside it.
                """);
        Sequential model = Sequential.of(
                new Dense(100, new Linear(), Initializer.glorotUniform()),
                new Dense(100, new Linear(), Initializer.glorotUniform()),
                new Dense(100, new Linear(), Initializer.glorotUniform()),
                new Dense(10, new Linear(), Initializer.glorotUniform()),
                new Dense(1, new Linear(), Initializer.glorotUniform()));
        model.build(1, 42);
        model.compile(new MeanAbsoluteError(), new Adam(0.001), Metric.meanAbsoluteError());
        log.println(model.summary());
        History history = model.fit(X_train, y.columns(0, trainEnd), 300, 32);
        for (int epoch = 0; epoch < 300; epoch += 50) {
            log.printf("Epoch %d/300 - loss: %.4f - mae: %.4f", epoch + 1, history.loss().get(epoch),
                    history.get("mae").get(epoch));
        }
        log.printf("Epoch 300/300 - loss: %.4f - mae: %.4f", history.last("loss"), history.last("mae"));
        Matrix X_new = Matrix.row(17, 20);
        Matrix y_new = model.predict(X_new);
        log.printf("model.predict([17, 20]) = [%.2f, %.2f] (the line gives 27, 30)", y_new.get(0, 0),
                y_new.get(0, 1));
        log.plot("history", TrainingCharts.costCurves(
                "The Deep Learning Workshop model: History, mean absolute error per epoch", history));

        log.step("myDenseLayer, written as our own Layer", """
                *Introduction to Deep Learning* (the TensorFlow deck) writes a dense layer by hand, $z = xW + b$,
                $\\text{output} = \\sigma(z)$:
                ```python
                class myDenseLayer(tf.keras.layers.Layer):
                    def __init__(self, input_dim, output_dim):
                        ...  # w: random normal (input_dim, output_dim), b: zeros (output_dim,)
                    def call(self, inputs):
                        z = tf.matmul(inputs, self.w) + self.b
                        return tf.math.sigmoid(z)
                x = tf.ones((4, 4))
                model = myDenseLayer(4, 2)
                print(model(x))   # four rows of [0.52305216 0.5289087]
                ```
                Our `MyDenseLayer` below implements `Layer`: `build` draws $W$ $(2, 4)$ from a normal distribution
                with standard deviation 0.05 (TensorFlow's `random_normal_initializer`), `forward` computes
                $A = \\sigma(W X + b)$ with examples as columns (the TensorFlow deck's $xW$ transposed), and `backward` gives
                $dZ = dA \\odot A(1 - A)$, $dW = \\frac{1}{m} dZ X^T$, $db = \\frac{1}{m}\\sum dZ$,
                $dX = W^T dZ$. The input is all ones, so every example (column) gets the same output, as every row
                does in the TensorFlow deck; the numbers differ from TensorFlow's because its random weights do.
                """);
        MyDenseLayer layer = new MyDenseLayer(2);
        layer.build(4, new NumpyRandom(1));
        Matrix x = Matrix.ones(4, 4);
        Matrix out = layer.forward(x, false);
        log.println("W = " + layer.parameters().get(0));
        log.println("output = σ(W·x + b) =");
        log.println(out);
        Sequential custom = Sequential.of(new MyDenseLayer(2)).build(4, 1);
        log.println(custom.summary());

        log.step("A deep ReLU stack on XOR", """
                The deep network of *Introduction to Deep Learning* (the TensorFlow deck), `Dense(4, relu)`,
                `Dense(5, relu)`, `Dense(6, relu)`, `Dense(4, relu)`, `Dense(3, relu)`, `Dense(1, sigmoid)`, trained
                on the XOR problem of another deck, *Intro to Deep Learning*
                (the Machine Intelligence Community deck): 400 normal points, class 1 where exactly one coordinate
                is positive. No straight line separates them, five ReLU layers do.
                He initialisation $W \\sim \\mathcal{N}(0, 2/n^{[l-1]})$, binary cross-entropy, Adam with
                $\\alpha = 0.01$, full batches.
                """);
        Dataset xor = Xor.gaussian(400, new NumpyRandom(1));
        Sequential deep = Sequential.of(
                new Dense(4, new Relu(), Initializer.he()),
                new Dense(5, new Relu(), Initializer.he()),
                new Dense(6, new Relu(), Initializer.he()),
                new Dense(4, new Relu(), Initializer.he()),
                new Dense(3, new Relu(), Initializer.he()),
                new Dense(1, new Sigmoid(), Initializer.he()));
        deep.build(2, 1);
        deep.compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
        log.println(deep.summary());
        History xorHistory = deep.fit(xor.X(), xor.Y(), 1000, 0);
        for (int epoch = 0; epoch < 1000; epoch += 200) {
            log.printf("Cost after epoch %d: %f", epoch, xorHistory.loss().get(epoch));
        }
        log.printf("training accuracy after 1000 epochs: %.2f %%", xorHistory.last("accuracy"));
        log.plot("xor-decision-boundary", TrainingCharts.decisionBoundary(String.format(
                "XOR: Dense(4,5,6,4,3 relu) → Dense(1, sigmoid), accuracy %.1f %%", xorHistory.last("accuracy")),
                xor.X(), xor.Y(), deep::predict));

        log.step("Sequential computes what the explicit functions compute", """
                The same network twice, from the same weights ($W^{[l]} = \\text{randn} \\cdot \\sqrt{2/n^{[l-1]}}$,
                seed 1, $b^{[l]} = 0$): once as the workshop's explicit functions, repeating
                `L_model_forward`, `compute_cost`, `L_model_backward`, `update_parameters`
                ($W^{[l]} := W^{[l]} - \\alpha\\, dW^{[l]}$), and once as `Sequential.fit` with `Dense` layers and
                gradient descent. 500 iterations of gradient descent ($\\alpha = 0.1$) on the XOR data: the costs
                agree to $10^{-12}$ at every iteration, and so do the trained weights.

                Both costs are taken with Keras's guard, $\\hat a = \\text{clip}(a, 10^{-7}, 1 - 10^{-7})$ inside
                the logarithms (`BinaryCrossEntropy`, what `Sequential` records). The workshop's unclipped
                `compute_cost` differs from it only where the network is more than $1 - 10^{-7}$ sure of an
                example: this ReLU network gets there, so its unclipped cost is printed at the end as well.
                """);
        Architecture architecture = Architecture.dls(2, 4, 5, 6, 4, 3, 1);
        DeepParameters parameters = DeepNetwork.initializeParametersDeep(architecture, Initialization.HE, 1);
        double learningRate = 0.1;
        int iterations = 500;
        double[] explicitCosts = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            DeepCaches caches = DeepNetwork.lModelForward(xor.X(), parameters, architecture.activations());
            explicitCosts[i] = DeepNetwork.computeCost(caches.AL(), xor.Y(), new BinaryCrossEntropy());
            DeepGradients grads = DeepNetwork.lModelBackward(caches.AL(), xor.Y(), caches);
            parameters = DeepNetwork.updateParameters(parameters, grads, learningRate);
        }
        Sequential same = Sequential.of(
                new Dense(4, new Relu(), Initializer.he()),
                new Dense(5, new Relu(), Initializer.he()),
                new Dense(6, new Relu(), Initializer.he()),
                new Dense(4, new Relu(), Initializer.he()),
                new Dense(3, new Relu(), Initializer.he()),
                new Dense(1, new Sigmoid(), Initializer.he()));
        same.build(2, 1);
        same.compile(new BinaryCrossEntropy(), new GradientDescent(learningRate));
        List<Double> sequentialCosts = same.fit(xor.X(), xor.Y(), iterations, 0).loss();
        double largestCostDifference = 0;
        for (int i = 0; i < iterations; i++) {
            if (i % 100 == 0 || i == iterations - 1) {
                log.printf("iteration %3d: explicit J = %.15f, Sequential J = %.15f", i, explicitCosts[i],
                        sequentialCosts.get(i));
            }
            largestCostDifference = Math.max(largestCostDifference,
                    Math.abs(explicitCosts[i] - sequentialCosts.get(i)));
        }
        double largestWeightDifference = largestDifference(parameters.matrices(), same.parameters());
        log.printf("largest |J_explicit − J_Sequential| over %d iterations: %.1e (< 1e-12: %b)", iterations,
                largestCostDifference, largestCostDifference < 1e-12);
        log.printf("largest |W, b difference| after training: %.1e", largestWeightDifference);
        DeepCaches trained = DeepNetwork.lModelForward(xor.X(), parameters, architecture.activations());
        log.printf("after training: clipped J = %.15f, the workshop's unclipped compute_cost = %.15f",
                DeepNetwork.computeCost(trained.AL(), xor.Y(), new BinaryCrossEntropy()),
                DeepNetwork.computeCost(trained.AL(), xor.Y()));
    }

    /** The largest |a − b| over matching entries of two lists of equally shaped matrices. */
    private static double largestDifference(List<Matrix> a, List<Matrix> b) {
        double largest = 0;
        for (int k = 0; k < a.size(); k++) {
            largest = Math.max(largest, a.get(k).minus(b.get(k)).abs().max());
        }
        return largest;
    }

    /**
     * The <i>Introduction to Deep Learning</i> deck's {@code myDenseLayer} as a {@link Layer}: a = σ(W·x + b),
     * W (n_out, n_in) drawn from N(0, 0.05²) like TensorFlow's {@code random_normal_initializer}, b = 0.
     */
    static final class MyDenseLayer implements Layer {

        private final int outputDim;
        private Matrix W;
        private Matrix b;
        private Matrix X;
        private Matrix A;
        private Matrix dW;
        private Matrix db;

        MyDenseLayer(int outputDim) {
            this.outputDim = outputDim;
        }

        @Override
        public int build(int inputDim, NumpyRandom random) {
            // W = 0.05 · randn(output_dim, input_dim),  b = zeros((output_dim, 1))
            W = random.randn(outputDim, inputDim).times(0.05);
            b = Matrix.zeros(outputDim, 1);
            return outputDim;
        }

        @Override
        public Matrix forward(Matrix A_prev, boolean training) {
            // z = W · x + b,  a = σ(z)
            X = A_prev;
            A = W.dot(A_prev).plus(b).map(z -> 1 / (1 + Math.exp(-z)));
            return A;
        }

        @Override
        public Matrix backward(Matrix dA) {
            int m = X.cols();
            // dZ = dA ⊙ a(1 − a)
            Matrix dZ = dA.times(A).times(A.rminus(1));
            // dW = (1/m) dZ · Xᵀ,  db = (1/m) Σ_columns dZ
            dW = dZ.dot(X.T()).times(1.0 / m);
            db = dZ.sum(1).times(1.0 / m);
            // dX = Wᵀ · dZ
            return W.T().dot(dZ);
        }

        @Override
        public List<Matrix> parameters() {
            return List.of(W, b);
        }

        @Override
        public void setParameters(List<Matrix> parameters) {
            if (parameters.size() != 2 || !parameters.get(0).shape().equals(W.shape())
                    || !parameters.get(1).shape().equals(b.shape())) {
                throw new IllegalArgumentException("myDenseLayer: expected W " + W.shape().compact() + " and b "
                        + b.shape().compact() + ", got " + parameters.stream().map(p -> p.shape().compact()).toList());
            }
            W = parameters.get(0);
            b = parameters.get(1);
        }

        @Override
        public List<Matrix> gradients() {
            return List.of(dW, db);
        }

        @Override
        public boolean[] weights() {
            return new boolean[] {true, false};
        }

        @Override
        public int units() {
            return outputDim;
        }

        @Override
        public String type() {
            return "myDense";
        }
    }
}
