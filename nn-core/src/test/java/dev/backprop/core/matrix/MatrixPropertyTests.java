package dev.backprop.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.backprop.core.activation.ElementwiseActivation;
import dev.backprop.core.activation.Elu;
import dev.backprop.core.activation.LeakyRelu;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.KLDivergence;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.MeanSquaredLogarithmicError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.loss.SquaredHinge;
import dev.backprop.core.model.DeepNetwork;
import dev.backprop.core.model.LogisticRegression;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.train.Sequential;
import dev.backprop.core.train.TrainingLoop;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The property test: every public {@link Matrix} operation (elementwise, broadcast, the matrix product in all four
 * transposition forms, reductions, slicing, factories) and every elementwise activation (forward and derivative) fed
 * with NaN, ±∞, signed zeros, the largest and smallest doubles, empty matrices (0 rows or 0 columns), shapes too large
 * for an array, and mismatched shapes. Each call must either
 * <ul>
 *   <li>return what numpy returns: NaN where numpy gives NaN, the same infinity, the same shape; the expected values
 *       come from {@code scripts/special_values_reference.py} (numpy's own answers, in {@code special_values.txt}),
 *       or, where numpy's rule is plain, from the rule stated beside the case; or</li>
 *   <li>throw an exception whose message names the operation and the offending shape or value: never a wrong finite
 *       answer, and never a raw JDK exception ({@code ArrayIndexOutOfBoundsException},
 *       {@code NegativeArraySizeException}, {@code NullPointerException}, ...).</li>
 * </ul>
 * The same holds for every loss of {@code core.loss} (value, cost and gradient; labels outside its domain) and, on the
 * CPU, the training entry points ({@code nn_model}, {@code L_layer_model}, {@code optimize}, {@code Sequential.fit}
 * and the {@code predict}s) fed with NaN, ±∞, no examples, an overflowing learning rate and mismatched shapes.
 * It is a table of operations: a case is a name, a call and its expected outcome, so that covering another operation
 * is a few lines in {@link #cases()}, e.g.
 * <pre>{@code
 * add("binary cross-entropy with y = 2", () -> loss.cost(A, Y2), new Fails("binary_crossentropy", "2"));
 * numpy("bce(specials)", () -> loss.cost(input("specials_as_A"), input("Y")));   // with a line in the script
 * }</pre>
 * A backend's test class extends this one, as
 * with {@link BackendContractTests}: {@code CpuMatrixPropertyTests} here, and the OpenCL one in
 * {@code opencl-kernels} (fp64, since fp32 cannot hold 1e308 or 5e-324).
 *
 * <p>Values agree when both are NaN, both are the same infinity, or |actual − expected| ≤ {@link #tolerance()} ·
 * (1 + |expected|): the transcendental functions of Java, numpy's C library and an OpenCL device may differ in the
 * last bits. 0.0 and −0.0 count as equal.
 */
public abstract class MatrixPropertyTests {

    /** The backend under test. */
    protected abstract Backend backend();

    /** The relative tolerance against numpy's values, for functions such as exp and tanh. */
    protected abstract double tolerance();

    /** How many device allocations are live, or −1 where the backend does not count them (the CPU). */
    protected long liveAllocations() {
        return -1;
    }

    /** numpy's answers, by the name the case computes. */
    private static final Map<String, Matrix> NUMPY = load("/dev/backprop/core/matrix/special_values.txt");

    /** Exceptions that mean "nobody checked": a message from deep inside, not from the operation. */
    private static final List<Class<? extends Throwable>> RAW = List.of(ArrayIndexOutOfBoundsException.class,
            StringIndexOutOfBoundsException.class, NegativeArraySizeException.class, NullPointerException.class,
            ArithmeticException.class, ClassCastException.class, ArrayStoreException.class,
            UnsupportedOperationException.class);

    // ---------------------------------------------------------------- the table

    /** What a case must give. */
    private sealed interface Expected {
    }

    /** A matrix with numpy's shape and values. */
    private record Values(Matrix expected) implements Expected {
    }

    /** A number, like numpy's {@code np.sum(a)}. */
    private record Scalar(double expected) implements Expected {
    }

    /** A string, like numpy's {@code str(a)}. */
    private record Text(String expected) implements Expected {
    }

    /** An exception whose message contains the operation's name and every fragment (a shape, a value). */
    private record Fails(String operation, String... fragments) implements Expected {
    }

    /** One row of the table: a name, the call (on {@link #backend()}), and what it must give. */
    private record Case(String name, Supplier<Object> call, Expected expected) {
    }

    private final List<Case> table = new ArrayList<>();

    private void add(String name, Supplier<Object> call, Expected expected) {
        table.add(new Case(name, call, expected));
    }

    /** A case whose expected value numpy computed under the same name. */
    private void numpy(String name, Supplier<Object> call) {
        add(name, call, new Values(expected(name)));
    }

    private static Matrix expected(String name) {
        Matrix m = NUMPY.get(name);
        if (m == null) {
            throw new IllegalStateException("special_values.txt has no '" + name + "': rerun "
                    + "scripts/special_values_reference.py");
        }
        return m;
    }

    /** The CPU matrix {@code name} of the reference file, on the backend under test. */
    private Matrix input(String name) {
        return expected(name).to(backend());
    }

    private Matrix on(Matrix cpu) {
        return cpu.to(backend());
    }

    /** The same matrix as a transposed view: Aᵀ stored row-major, then {@link Matrix#T()}. */
    private Matrix asView(Matrix cpu) {
        return cpu.T().contiguous().to(backend()).T();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersLikeNumpyOrSaysWhatIsWrong() {
        table.clear();
        cases();
        System.out.printf(Locale.ROOT, "MatrixPropertyTests on %s: %d cases%n", backend().name(), table.size());
        return table.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    /** Every case: the operations, their inputs and numpy's answers. */
    private void cases() {
        Map<String, UnaryOp> unary = new LinkedHashMap<>();
        unary.put("negate", UnaryOp.NEGATE);
        unary.put("abs", UnaryOp.ABS);
        unary.put("square", UnaryOp.SQUARE);
        unary.put("sqrt", UnaryOp.SQRT);
        unary.put("exp", UnaryOp.EXP);
        unary.put("log", UnaryOp.LOG);
        unary.put("tanh", UnaryOp.TANH);
        unary.put("sigmoid", UnaryOp.SIGMOID);
        unary.put("sign", UnaryOp.SIGN);
        unary.put("relu", UnaryOp.RELU);
        unary.put("step", UnaryOp.STEP);
        for (Map.Entry<String, UnaryOp> e : unary.entrySet()) {
            numpy(e.getKey() + "(specials)", () -> input("specials").map(e.getValue(), 0));
        }
        numpy("leaky_relu(0.1)(specials)", () -> input("specials").map(UnaryOp.LEAKY_RELU, 0.1));
        numpy("elu(1.0)(specials)", () -> input("specials").map(UnaryOp.ELU, 1.0));
        for (double p : new double[] {2, 3, 0.5, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            numpy("power(" + p + ")(specials)", () -> input("specials").power(p));
        }
        // the Matrix methods that name the same functions
        numpy("negate(specials)", () -> input("specials").negate());
        numpy("abs(specials)", () -> input("specials").abs());
        numpy("square(specials)", () -> input("specials").square());
        numpy("sqrt(specials)", () -> input("specials").sqrt());
        numpy("exp(specials)", () -> input("specials").exp());
        numpy("log(specials)", () -> input("specials").log());
        numpy("tanh(specials)", () -> input("specials").tanh());
        numpy("sign(specials)", () -> input("specials").sign());
        numpy("clip(-1.0,1.0)(specials)", () -> input("specials").clip(-1, 1));
        // np.vectorize(f) runs f as it is: the identity keeps every special value
        numpy("specials", () -> input("specials").map(x -> x));
        for (UnaryOp op : UnaryOp.values()) {
            for (Shape empty : List.of(new Shape(0, 3), new Shape(3, 0))) {
                add(op + " of an empty " + empty, () -> backend().full(empty.rows(), empty.cols(), 0).map(op, 2),
                        new Values(Matrix.zeros(empty.rows(), empty.cols())));
            }
        }

        activations();
        losses();
        if (backend() == Backends.cpu()) {
            training();
        }
        broadcasting();
        reductions();
        products();
        slicing();
        invalidValues();
        factories();
        if (backend() != Backends.cpu()) {
            add("+ of a CPU matrix and one on " + backend().name(), () -> Matrix.row(1, 2).plus(on(Matrix.row(1, 2))),
                    new Fails("+", "different backends", "(1,2)"));
        }
    }

    private void activations() {
        Map<String, ElementwiseActivation> elementwise = new LinkedHashMap<>();
        elementwise.put("relu", new Relu());
        elementwise.put("leaky_relu(0.1)", new LeakyRelu(0.1));
        elementwise.put("elu(1.0)", new Elu(1.0));
        elementwise.put("elu(0.5)", new Elu(0.5));
        elementwise.put("sigmoid", new Sigmoid());
        elementwise.put("tanh", new Tanh());
        for (Map.Entry<String, ElementwiseActivation> e : elementwise.entrySet()) {
            ElementwiseActivation g = e.getValue();
            numpy(e.getKey() + "(specials)", () -> g.forward(input("specials")));
            // g′(Z) from Z and A = g(Z), as the backward step calls it; at NaN a derivative is NaN
            numpy(e.getKey() + ".derivative(specials)", () -> {
                Matrix Z = input("specials");
                return g.derivative(Z, g.forward(Z));
            });
            add(e.getKey() + " forward and derivative of an empty (0,3)", () -> {
                Matrix Z = backend().full(0, 3, 0);
                return g.derivative(Z, g.forward(Z));
            }, new Values(Matrix.zeros(0, 3)));
        }
        // linear: g(z) = z, g′(z) = 1 everywhere (a NaN in dA still reaches dZ = dA · 1)
        numpy("specials", () -> new Linear().forward(input("specials")));
        add("linear.derivative(specials)", () -> new Linear().derivative(input("specials"), input("specials")),
                new Values(Matrix.ones(1, 15)));
        // softmax over each column: a NaN or +∞ in a column makes the column NaN, as exp(z − max z) does in numpy
        numpy("softmax(S)", () -> new Softmax().forward(input("S")));
        add("softmax of (3,0): no examples", () -> new Softmax().forward(backend().full(3, 0, 0)),
                new Values(Matrix.zeros(3, 0)));
        // numpy: np.max(Z, axis=0) of a (0, m) Z raises "zero-size array to reduction operation maximum"
        add("softmax of (0,3): no classes", () -> new Softmax().forward(backend().full(0, 3, 0)),
                new Fails("max", "(0,3)"));
    }

    /**
     * Every loss of {@code core.loss}: its per-example value, cost and gradient on predictions holding NaN, ±∞,
     * 0, 1, 1e308 and 5e-324 (numpy's answers, with the same clip); empty and mismatched shapes; labels outside its
     * domain ({@link Loss#checkLabels}, which every fit calls once).
     */
    private void losses() {
        Map<Loss, String[]> losses = new LinkedHashMap<>();
        losses.put(new BinaryCrossEntropy(), new String[] {"P", "Y01"});
        losses.put(new MeanSquaredError(), new String[] {"P", "Y01"});
        losses.put(new MeanAbsoluteError(), new String[] {"P", "Y01"});
        losses.put(new MeanSquaredLogarithmicError(), new String[] {"P", "Y01"});
        losses.put(new Hinge(), new String[] {"P", "Y01"});
        losses.put(new SquaredHinge(), new String[] {"P", "Y01"});
        losses.put(new CategoricalCrossEntropy(), new String[] {"S3", "Y3"});
        losses.put(new SparseCategoricalCrossEntropy(), new String[] {"S3", "labels3"});
        losses.put(new KLDivergence(), new String[] {"S3", "D3"});
        for (Map.Entry<Loss, String[]> e : losses.entrySet()) {
            Loss loss = e.getKey();
            String name = loss.toString();
            String AL = e.getValue()[0];
            String Y = e.getValue()[1];
            boolean sparse = loss instanceof SparseCategoricalCrossEntropy;
            numpy(name + ".loss", () -> loss.loss(input(AL), input(Y)));
            add(name + ".cost", () -> loss.cost(input(AL), input(Y)), new Scalar(expected(name + ".cost").item()));
            numpy(name + ".gradient", () -> loss.gradient(input(AL), input(Y)));
            // no examples: an empty loss row; its mean, the cost, is NaN as np.mean of an empty array
            Supplier<Matrix> emptyY = () -> backend().full(sparse ? 1 : 2, 0, 0);
            add(name + " of (2,0)", () -> loss.loss(backend().full(2, 0, 0.5), emptyY.get()),
                    new Values(Matrix.zeros(1, 0)));
            // Keras: NaN, the mean of no losses; here an error that says so
            add(name + " cost of (2,0)", () -> loss.cost(backend().full(2, 0, 0.5), emptyY.get()),
                    new Fails("mean", "(1,0)", "no elements"));
            add(name + " gradient of (2,0)", () -> loss.gradient(backend().full(2, 0, 0.5), emptyY.get()),
                    new Values(Matrix.zeros(2, 0)));
            // mismatched: the loss and both shapes
            Matrix wrongY = sparse ? Matrix.row(0, 1) : Matrix.zeros(3, 2);
            String wrong = wrongY.shape().compact();
            add(name + " of (2,3) and " + wrong, () -> loss.loss(backend().full(2, 3, 0.5), on(wrongY)),
                    new Fails(name, "(2,3)", wrong));
            add(name + " gradient of (2,3) and " + wrong, () -> loss.gradient(backend().full(2, 3, 0.5), on(wrongY)),
                    new Fails(name, "(2,3)", wrong));
        }
        // labels outside the domain: the loss, the example and the value, never the whole Y
        add("binary_crossentropy labels with y = 2", () -> check(new BinaryCrossEntropy(), Matrix.row(0, 1, 2), 1),
                new Fails("binary_crossentropy", "example 2", "2.0"));
        add("binary_crossentropy labels with y = NaN", () -> check(new BinaryCrossEntropy(),
                Matrix.row(Double.NaN, 1), 1), new Fails("binary_crossentropy", "example 0", "NaN"));
        add("binary_crossentropy labels with y = −∞", () -> check(new BinaryCrossEntropy(),
                Matrix.row(1, Double.NEGATIVE_INFINITY), 1), new Fails("binary_crossentropy", "example 1", "-Infinity"));
        add("hinge labels with y = −1", () -> check(new Hinge(), Matrix.row(1, -1), 1),
                new Fails("hinge", "example 1", "-1.0"));
        add("squared_hinge labels with y = 0.5", () -> check(new SquaredHinge(), Matrix.row(0.5), 1),
                new Fails("squared_hinge", "example 0", "0.5"));
        add("categorical_crossentropy labels with 3 rows for 2 outputs", () -> check(new CategoricalCrossEntropy(),
                Matrix.zeros(3, 2), 2), new Fails("categorical_crossentropy", "(3,2)", "2 classes"));
        add("categorical_crossentropy labels with y = 1e308", () -> check(new CategoricalCrossEntropy(),
                Matrix.of(2, 1, 1e308, 0), 2), new Fails("categorical_crossentropy", "example 0", "1.0E308"));
        add("sparse_categorical_crossentropy label 3 of 3 classes", () -> check(
                new SparseCategoricalCrossEntropy(), Matrix.row(0, 3), 3),
                new Fails("sparse_categorical_crossentropy", "example 1", "3.0"));
        add("sparse_categorical_crossentropy label 1.5", () -> check(new SparseCategoricalCrossEntropy(),
                Matrix.row(1.5), 3), new Fails("sparse_categorical_crossentropy", "example 0", "1.5"));
        add("sparse_categorical_crossentropy loss with label NaN", () -> new SparseCategoricalCrossEntropy()
                .loss(on(Matrix.of(2, 2, 0.5, 0.5, 0.5, 0.5)), on(Matrix.row(0, Double.NaN))),
                new Fails("sparse_categorical_crossentropy", "example 1", "NaN"));
        add("sparse_categorical_crossentropy with a one-hot Y", () -> check(new SparseCategoricalCrossEntropy(),
                Matrix.zeros(3, 2), 3), new Fails("sparse_categorical_crossentropy", "(3,2)", "row of class indices"));
    }

    private Object check(Loss loss, Matrix Y, int outputs) {
        loss.checkLabels(on(Y), outputs);
        return "accepted";
    }

    /**
     * The training entry points (the workshop's {@code nn_model}, {@code L_layer_model}, {@code optimize}, the
     * {@link TrainingLoop} through {@link Sequential#fit}, and their {@code predict}) fed with NaN, ±∞, no examples,
     * a learning rate so large the cost overflows, and mismatched shapes: each names the operation and the bad
     * value. CPU only: they are built from the operations above, which every backend's run checks.
     */
    private void training() {
        Matrix X = Matrix.of(2, 4, 0.5, -1, 2, 0.1, 1, 0.3, -0.7, 2);
        Matrix Y = Matrix.row(1, 0, 1, 0);
        Matrix Xnan = Matrix.of(2, 4, 0.5, -1, 2, 0.1, 1, 0.3, Double.NaN, 2);
        Matrix Xinf = Matrix.of(2, 4, 0.5, Double.POSITIVE_INFINITY, 2, 0.1, 1, 0.3, -0.7, 2);
        Matrix Ynan = Matrix.row(1, 0, Double.NaN, 0);
        Matrix Y2 = Matrix.row(1, 0, 2, 0);
        Matrix X0 = Matrix.zeros(2, 0);
        Matrix Y0 = Matrix.zeros(1, 0);
        TwoLayerNetwork.CostListener quiet = (i, c) -> { };
        Map<String, TrainingEntry> entries = new LinkedHashMap<>();
        entries.put("nn_model", (x, y, lr) -> TwoLayerNetwork.nnModel(x, y, 3, 5, lr, 0, quiet));
        entries.put("L_layer_model", (x, y, lr) -> DeepNetwork.lLayerModel(x, y,
                DeepNetwork.Architecture.dls(new int[] {2, 3, 1}), DeepNetwork.Initialization.SMALL_RANDOM, lr, 5, 0,
                quiet));
        entries.put("optimize", (x, y, lr) -> LogisticRegression.optimize(x, y, 5, lr, quiet));
        // ReLU, not tanh: a saturated tanh stops the hidden weights, so a huge rate would leave them finite (and
        // the clipped cost finite) as in numpy; through ReLU they overflow, which the loop must catch
        entries.put("fit", (x, y, lr) -> Sequential.of(new Dense(3, new Relu()), new Dense(1, new Sigmoid()))
                .compile(new BinaryCrossEntropy(), new GradientDescent(lr)).fit(x, y, 5, 0));
        for (Map.Entry<String, TrainingEntry> e : entries.entrySet()) {
            String op = e.getKey();
            TrainingEntry train = e.getValue();
            add(op + " with NaN in X", () -> train.run(Xnan, Y, 0.1), new Fails(op, "X", "NaN", "column 2"));
            add(op + " with +∞ in X", () -> train.run(Xinf, Y, 0.1), new Fails(op, "X", "Infinity", "column 1"));
            add(op + " with NaN in Y", () -> train.run(X, Ynan, 0.1), new Fails(op, "NaN", "2"));
            add(op + " with y = 2", () -> train.run(X, Y2, 0.1), new Fails(op, "2.0", "example 2"));
            add(op + " with no examples", () -> train.run(X0, Y0, 0.1), new Fails(op, "(2,0)", "no examples"));
            add(op + " with X (2,4) and Y (1,3)", () -> train.run(X, Matrix.row(1, 0, 1), 0.1),
                    new Fails(op, "(2,4)", "(1,3)"));
            add(op + " with learning rate 1e300", () -> train.run(X, Y, 1e300), new Fails(op, "iteration", "1.0E300"));
            // the optimizer refuses it as it is made, inside the entry point or before fit
            add(op + " with learning rate NaN", () -> train.run(X, Y, Double.NaN),
                    new Fails("gradient descent", "learning rate", "NaN"));
        }
        add("nn_model with n_h = 0", () -> TwoLayerNetwork.nnModel(X, Y, 0, 5, 0.1, 0, quiet),
                new Fails("nn_model", "n_h = 0"));
        add("L_layer_model with X of 3 rows for layer_dims [2, 3, 1]", () -> DeepNetwork.lLayerModel(
                Matrix.zeros(3, 4), Y, DeepNetwork.Architecture.dls(new int[] {2, 3, 1}),
                DeepNetwork.Initialization.SMALL_RANDOM, 0.1, 5, 0, quiet), new Fails("L_layer_model", "(3,4)", "n^[0] = 2"));

        // predict: a NaN or ±∞ column has no class (numpy's argmax would name one)
        TwoLayerNetwork.Parameters two = TwoLayerNetwork.initializeParameters(2, 3, 1);
        add("nn_model predict of a NaN column", () -> TwoLayerNetwork.predict(two, Xnan),
                new Fails("predict", "column 2", "NaN"));
        add("nn_model predict of (3,4)", () -> TwoLayerNetwork.predict(two, Matrix.zeros(3, 4)),
                new Fails("dot", "(3,2)", "(3,4)"));
        add("nn_model predict of no examples", () -> TwoLayerNetwork.predict(two, X0), new Values(Matrix.zeros(1, 0)));
        Sequential softmax = Sequential.of(new Dense(3, new Softmax())).build(2, 1);
        add("Sequential predictClasses of a NaN column", () -> softmax.predictClasses(Xnan),
                new Fails("argmax", "column 2", "NaN"));
        add("Sequential predictClasses of an +∞ column", () -> softmax.predictClasses(Xinf),
                new Fails("argmax", "column 1"));
        add("Sequential predict of (3,4)", () -> softmax.predict(Matrix.zeros(3, 4)),
                new Fails("sequential", "(3,4)", "2 input rows"));
        add("Sequential predict of no examples", () -> softmax.predict(X0), new Values(Matrix.zeros(3, 0)));
        add("Sequential predictClasses of no examples", () -> softmax.predictClasses(X0),
                new Values(Matrix.zeros(1, 0)));
        LogisticRegression.Parameters zeros = new LogisticRegression.Parameters(Matrix.zeros(1, 2), Matrix.zeros(1, 1));
        add("logistic predict of a NaN column", () -> LogisticRegression.predict(zeros, Xnan),
                new Fails("predict", "column 2", "NaN"));
        DeepNetwork.DeepParameters deep = DeepNetwork.initializeParametersDeep(new int[] {2, 3, 1});
        add("L_layer_model predict of a NaN column", () -> DeepNetwork.predict(Matrix.of(2, 2, 1, 0,
                Double.NaN, 0), deep), new Fails("predict", "column 0", "NaN"));
    }

    /** A training entry point on (X, Y) with a learning rate. */
    @FunctionalInterface
    private interface TrainingEntry {
        Object run(Matrix X, Matrix Y, double learningRate);
    }

    private void broadcasting() {
        for (BinaryOp op : BinaryOp.values()) {
            String s = op.symbol();
            numpy("specials_col" + s + "specials_row", () -> input("specials").T().zip(op, input("specials")));
            for (double scalar : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, 2}) {
                String name = Double.toString(scalar);
                numpy("specials" + s + name, () -> backend().zipScalar(op, input("specials"), scalar, false));
                numpy(name + s + "specials", () -> backend().zipScalar(op, input("specials"), scalar, true));
            }
        }
        // the Matrix methods, with a scalar and with a matrix
        numpy("specials+NaN", () -> input("specials").plus(Double.NaN));
        numpy("specials-Infinity", () -> input("specials").minus(Double.POSITIVE_INFINITY));
        numpy("Infinity-specials", () -> input("specials").rminus(Double.POSITIVE_INFINITY));
        numpy("specials*0.0", () -> input("specials").times(0));
        numpy("specials/0.0", () -> input("specials").div(0));
        numpy("2.0/specials", () -> input("specials").rdiv(2));
        numpy("specials" + "maximum" + "NaN", () -> input("specials").maximum(Double.NaN));
        numpy("specials" + "minimum" + "0.0", () -> input("specials").minimum(0));
        numpy("specials>NaN", () -> input("specials").gt(Double.NaN));
        numpy("specials>=0.0", () -> input("specials").ge(0));
        numpy("specials<Infinity", () -> input("specials").lt(Double.POSITIVE_INFINITY));
        numpy("specials<=2.0", () -> input("specials").le(2));
        numpy("specials==NaN", () -> input("specials").eq(Double.NaN));
        numpy("specials_col+specials_row", () -> input("specials").T().plus(input("specials")));
        numpy("specials_col-specials_row", () -> input("specials").T().minus(input("specials")));
        numpy("specials_col*specials_row", () -> input("specials").T().times(input("specials")));
        numpy("specials_col/specials_row", () -> input("specials").T().div(input("specials")));
        numpy("specials_colmaximumspecials_row", () -> input("specials").T().maximum(input("specials")));
        numpy("specials_colminimumspecials_row", () -> input("specials").T().minimum(input("specials")));
        numpy("specials_col>specials_row", () -> input("specials").T().gt(input("specials")));
        numpy("specials_col>=specials_row", () -> input("specials").T().ge(input("specials")));
        numpy("specials_col<specials_row", () -> input("specials").T().lt(input("specials")));
        numpy("specials_col<=specials_row", () -> input("specials").T().le(input("specials")));
        numpy("specials_col==specials_row", () -> input("specials").T().eq(input("specials")));

        // empty operands broadcast to empty results, as in numpy
        add("(0,3) + (1,3)", () -> backend().full(0, 3, 1).plus(on(Matrix.row(1, 2, 3))), new Values(Matrix.zeros(0, 3)));
        add("(0,3) * (0,1)", () -> backend().full(0, 3, 1).times(backend().full(0, 1, 2)),
                new Values(Matrix.zeros(0, 3)));
        add("(3,0) maximum (3,1)", () -> backend().full(3, 0, 1).maximum(on(Matrix.column(1, 2, 3))),
                new Values(Matrix.zeros(3, 0)));
        add("(0,0) / (1,1)", () -> backend().full(0, 0, 1).div(on(Matrix.of(1, 1, 0))), new Values(Matrix.zeros(0, 0)));
        add("(0,3) - 1", () -> backend().full(0, 3, 1).minus(1), new Values(Matrix.zeros(0, 3)));

        // mismatched shapes: numpy's "operands could not be broadcast together with shapes"
        add("(2,3) + (3,2)", () -> backend().full(2, 3, 1).plus(backend().full(3, 2, 1)),
                new Fails("+", "(2,3)", "(3,2)", "broadcast"));
        add("(2,3) - (2,2)", () -> backend().full(2, 3, 1).minus(backend().full(2, 2, 1)),
                new Fails("-", "(2,3)", "(2,2)"));
        add("(0,3) * (3,0)", () -> backend().full(0, 3, 1).times(backend().full(3, 0, 1)),
                new Fails("*", "(0,3)", "(3,0)"));
        add("(2,1) maximum (3,2)", () -> backend().full(2, 1, 1).maximum(backend().full(3, 2, 1)),
                new Fails("maximum", "(2,1)", "(3,2)"));
        add("(4,1) ** (1,3) transposed to (3,1)", () -> backend().full(4, 1, 1).zip(BinaryOp.POWER,
                backend().full(1, 3, 1).T()), new Fails("**", "(4,1)", "(3,1)"));
    }

    private void reductions() {
        for (String r : List.of("R1", "R2", "R3", "R4", "E03", "E30")) {
            Shape shape = expected(r).shape();
            add("sum(" + r + ")", () -> input(r).sum(), new Scalar(expected("sum(" + r + ")").item()));
            numpy("sum0(" + r + ")", () -> input(r).sum(0));
            numpy("sum1(" + r + ")", () -> input(r).sum(1));
            // numpy: "Mean of empty slice", a RuntimeWarning, and NaN; here an error
            if (shape.size() > 0) {
                add("mean(" + r + ")", () -> input(r).mean(), new Scalar(expected("mean(" + r + ")").item()));
            } else {
                add("mean(" + r + ")", () -> input(r).mean(), new Fails("mean", shape.compact(), "no elements"));
            }
            if (shape.rows() > 0 || shape.cols() == 0) {
                numpy("mean0(" + r + ")", () -> input(r).mean(0));
            } else {
                add("mean0(" + r + ")", () -> input(r).mean(0), new Fails("mean", "axis 0", shape.compact()));
            }
            if (shape.cols() > 0 || shape.rows() == 0) {
                numpy("mean1(" + r + ")", () -> input(r).mean(1));
            } else {
                add("mean1(" + r + ")", () -> input(r).mean(1), new Fails("mean", "axis 1", shape.compact()));
            }
            // numpy: "zero-size array to reduction operation maximum which has no identity"
            if (shape.size() > 0) {
                add("max(" + r + ")", () -> input(r).max(), new Scalar(expected("max(" + r + ")").item()));
            } else {
                add("max(" + r + ")", () -> input(r).max(), new Fails("max", shape.compact()));
            }
            if (shape.rows() > 0) {
                numpy("max0(" + r + ")", () -> input(r).max(0));
            } else {
                add("max0(" + r + ")", () -> input(r).max(0), new Fails("max", shape.compact(), "axis 0"));
            }
            if (shape.cols() > 0) {
                numpy("max1(" + r + ")", () -> input(r).max(1));
            } else {
                add("max1(" + r + ")", () -> input(r).max(1), new Fails("max", shape.compact(), "axis 1"));
            }
        }
        add("sum along axis 2", () -> input("R1").sum(2), new Fails("sum", "axis 2", "(2,3)"));
        add("max along axis -1", () -> input("R1").max(-1), new Fails("max", "axis -1", "(2,3)"));
        add("mean along axis 5", () -> input("R1").mean(5), new Fails("mean", "axis 5", "(2,3)"));
        add("sum of a transposed view", () -> asView(expected("R1")).sum(1), new Values(expected("sum1(R1)")));
        add("isFinite of specials", () -> input("specials").isFinite() ? 1.0 : 0.0, new Scalar(0));
    }

    private void products() {
        Matrix A = expected("A");
        Matrix B = expected("B");
        Matrix AB = expected("dot(A,B)");
        add("dot(A,B)", () -> on(A).dot(on(B)), new Values(AB));
        add("dot(A,B) with A a transposed view", () -> asView(A).dot(on(B)), new Values(AB));
        add("dot(A,B) with B a transposed view", () -> on(A).dot(asView(B)), new Values(AB));
        add("dot(A,B) with both transposed views", () -> asView(A).dot(asView(B)), new Values(AB));

        // Larger, for the tiled and register-blocked kernels; the rule is the definition every BLAS follows:
        // C[i][j] = Σ_k A[i][k]·B[k][j] in IEEE arithmetic, so a NaN term, ∞·0 or ∞ − ∞ gives NaN.
        Matrix P = spiked(130, 33, 1);
        Matrix Q = spiked(33, 129, 2);
        Matrix PQ = naiveProduct(P, Q);
        add("dot (130,33)·(33,129) with NaN and ±∞", () -> on(P).dot(on(Q)), new Values(PQ));
        add("dot (130,33)·(33,129) with NaN and ±∞, Pᵀ stored", () -> asView(P).dot(on(Q)), new Values(PQ));
        add("dot (130,33)·(33,129) with NaN and ±∞, Qᵀ stored", () -> on(P).dot(asView(Q)), new Values(PQ));
        add("dot (130,33)·(33,129) with NaN and ±∞, both stored", () -> asView(P).dot(asView(Q)), new Values(PQ));

        // empty: no rows, no columns, and an empty sum Σ_k over k = 0 terms, which numpy makes 0
        add("dot (0,3)·(3,2)", () -> backend().full(0, 3, 1).dot(backend().full(3, 2, 1)),
                new Values(Matrix.zeros(0, 2)));
        add("dot (2,0)·(0,3)", () -> backend().full(2, 0, 1).dot(backend().full(0, 3, 1)),
                new Values(Matrix.zeros(2, 3)));
        add("dot (3,0)·(0,0)", () -> backend().full(3, 0, 1).dot(backend().full(0, 0, 1)),
                new Values(Matrix.zeros(3, 0)));
        add("dot (2,3)·(2,3)", () -> backend().full(2, 3, 1).dot(backend().full(2, 3, 1)),
                new Fails("dot", "(2,3)", "not aligned"));
        add("dot (3,2)ᵀ·(3,2)ᵀ", () -> backend().full(3, 2, 1).T().dot(backend().full(3, 2, 1).T()),
                new Fails("dot", "(2,3)", "not aligned"));
        // a (100000, 1)·(1, 100000) product has 10¹⁰ elements: more than one array holds
        add("dot (100000,1)·(1,100000)", () -> backend().full(100_000, 1, 1).dot(backend().full(1, 100_000, 1)),
                new Fails("dot", "(100000,100000)", "10000000000 elements"));
    }

    /** A (rows, cols) matrix of small numbers with a NaN, a +∞ and a −∞ planted in it. */
    private static Matrix spiked(int rows, int cols, int seed) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 37L + seed * 11L) % 19) / 4.0 - 2;
        }
        v[5 * cols + 7 % cols] = Double.NaN;
        v[(rows - 3) * cols + cols / 2] = Double.POSITIVE_INFINITY;
        v[(rows / 2) * cols] = Double.NEGATIVE_INFINITY;
        return Matrix.of(rows, cols, v);
    }

    private static Matrix naiveProduct(Matrix a, Matrix b) {
        double[][] A = a.toArray2D();
        double[][] B = b.toArray2D();
        double[] C = new double[a.rows() * b.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double s = 0;
                for (int k = 0; k < a.cols(); k++) {
                    s += A[i][k] * B[k][j];
                }
                C[i * b.cols() + j] = s;
            }
        }
        return Matrix.of(a.rows(), b.cols(), C);
    }

    /** numpy's "invalid value encountered in …" warnings, errors here; a NaN already there, or ±∞, passes. */
    private void invalidValues() {
        Supplier<Matrix> signs = () -> backend().upload(1, 3, new double[] {4, -1, 0});
        add("log of a negative", () -> signs.get().log(),
                new Fails("log", "-1.0 at column 1 (row 0) of (1,3)", "x ≥ 0", "invalid value encountered in log"));
        add("sqrt of a negative", () -> signs.get().sqrt(), new Fails("sqrt", "-1.0 at column 1"));
        add("power 0.5 of a negative", () -> signs.get().power(0.5), new Fails("power", "-1.0", "exponent 0.5"));
        add("power 2 of a negative", () -> signs.get().power(2), new Values(Matrix.row(16, 1, 0)));
        add("log of 0 is −∞", () -> backend().upload(1, 1, new double[] {0}).log(),
                new Values(Matrix.row(Double.NEGATIVE_INFINITY)));
        add("log of a NaN stays NaN", () -> backend().upload(1, 2, new double[] {Double.NaN, -1}).log(),
                new Values(Matrix.row(Double.NaN, Double.NaN)));
        add("0 / 0", () -> signs.get().div(backend().upload(1, 1, new double[] {0})),
                new Fails("divide", "0.0 / 0.0 at column 2 (row 0) of (1,3) / (1,1)"));
        add("0 / the number 0", () -> signs.get().div(0), new Fails("divide", "0.0 / 0.0 at column 2"));
        add("the number 0 / 0", () -> signs.get().rdiv(0), new Fails("divide", "0.0 / 0.0", "a number / (1,3)"));
        add("1 / 0 is ∞", () -> signs.get().rdiv(1), new Values(Matrix.row(0.25, -1, Double.POSITIVE_INFINITY)));
    }

    private void slicing() {
        // numpy: R1[:, 1:3], R1.T, R1[0, 1]
        add("columns(1,3) of R1", () -> input("R1").columns(1, 3), new Values(Matrix.of(2, 2, Double.NaN, 2, 4, 5)));
        add("columns(0,0) of R1", () -> input("R1").columns(0, 0), new Values(Matrix.zeros(2, 0)));
        add("columns(0,0) of E03", () -> input("E03").columns(0, 2), new Values(Matrix.zeros(0, 2)));
        add("columns(2,1)", () -> input("R1").columns(2, 1), new Fails("columns", "[2:1]", "(2,3)"));
        add("columns(-1,2)", () -> input("R1").columns(-1, 2), new Fails("columns", "[-1:2]", "(2,3)"));
        add("columns(0,4)", () -> input("R1").columns(0, 4), new Fails("columns", "[0:4]", "(2,3)"));
        add("columns of a transposed view", () -> asView(expected("R1")).columns(1, 2),
                new Values(Matrix.column(Double.NaN, 4)));
        // numpy: R1[:, [2, 0, 0]], R1[:, []], R1[:, [3]] (IndexError)
        add("columns([2,0,0]) of R1", () -> input("R1").columns(new int[] {2, 0, 0}),
                new Values(Matrix.of(2, 3, 2, 1, 1, 5, 3, 3)));
        add("columns([]) of R1", () -> input("R1").columns(new int[0]), new Values(Matrix.zeros(2, 0)));
        add("columns([0,3])", () -> input("R1").columns(new int[] {0, 3}),
                new Fails("columns", "index 3 (position 1)", "(2,3)"));
        add("columns([1]) of a transposed view", () -> asView(expected("R1")).columns(new int[] {1}),
                new Values(Matrix.column(Double.NaN, 4)));
        add("T of R1", () -> input("R1").T().contiguous(), new Values(Matrix.of(3, 2, 1, 3, Double.NaN, 4, 2, 5)));
        add("T of E03", () -> input("E03").T().contiguous(), new Values(Matrix.zeros(3, 0)));
        add("get(0,1) of R1", () -> input("R1").get(0, 1), new Scalar(Double.NaN));
        add("get(2,0) of R1", () -> input("R1").get(2, 0), new Fails("get", "(2,0)", "(2,3)"));
        add("get(0,-1) of R1", () -> input("R1").get(0, -1), new Fails("get", "(0,-1)", "(2,3)"));
        add("item of a (1,1) NaN", () -> backend().full(1, 1, Double.NaN).item(), new Scalar(Double.NaN));
        add("item of (2,3)", () -> input("R1").item(), new Fails("item", "(2,3)"));
        add("item of E03", () -> input("E03").item(), new Fails("item", "(0,3)"));
        add("toArray2D of E30", () -> (double) input("E30").toArray2D().length, new Scalar(3));
        add("str of specials", () -> on(Matrix.row(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
                .toString(), new Text("[[ nan  inf -inf]]"));
        add("str of (0,3)", () -> input("E03").toString(), new Text("[]"));
        add("str of huge and tiny", () -> on(Matrix.row(1e308, 5e-324)).toString(), new Text("[[1.e+308 5.e-324]]"));
    }

    private void factories() {
        // on the backend
        add("full(2,2,NaN)", () -> backend().full(2, 2, Double.NaN), new Values(Matrix.of(new double[][] {
                {Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}})));
        add("full(65536,65536)", () -> backend().full(65_536, 65_536, 1), new Fails("full", "(65536,65536)",
                "4294967296 elements"));
        add("full(-1,3)", () -> backend().full(-1, 3, 1), new Fails("full", "(-1,3)", "negative"));
        add("upload 3 numbers as (2,2)", () -> backend().upload(2, 2, new double[3]), new Fails("upload", "(2,2)", "3"));
        add("upload 0 numbers as (65536,65536)", () -> backend().upload(65_536, 65_536, new double[0]),
                new Fails("upload", "(65536,65536)"));
        add("upload specials and back", () -> backend().upload(1, 15, expected("specials").toArray()),
                new Values(expected("specials")));
        // on the CPU, whatever the backend under test
        add("zeros(65536,65536)", () -> Matrix.zeros(65_536, 65_536), new Fails("zeros", "(65536,65536)",
                "4294967296 elements"));
        add("ones(65536,65536)", () -> Matrix.ones(65_536, 65_536), new Fails("ones", "(65536,65536)"));
        add("zeros(50000,50000)", () -> Matrix.zeros(50_000, 50_000), new Fails("zeros", "(50000,50000)",
                "18.6 GiB"));
        add("full(46341,46341,1)", () -> Matrix.full(46_341, 46_341, 1), new Fails("full", "(46341,46341)"));
        add("zeros(-1,3)", () -> Matrix.zeros(-1, 3), new Fails("zeros", "(-1,3)", "negative"));
        add("ones(3,-2)", () -> Matrix.ones(3, -2), new Fails("ones", "(3,-2)", "negative"));
        add("zeros(0,0)", () -> Matrix.zeros(0, 0), new Values(Matrix.of(0, 0)));
        add("of(65536,65536, no numbers)", () -> Matrix.of(65_536, 65_536), new Fails("of", "(65536,65536)"));
        add("of(2,2, 3 numbers)", () -> Matrix.of(2, 2, 1, 2, 3), new Fails("of", "(2,2)", "size 3"));
        add("of(-2,-2, 4 numbers)", () -> Matrix.of(-2, -2, 1, 2, 3, 4), new Fails("of", "(-2,-2)", "negative"));
        add("of a ragged double[][]", () -> Matrix.of(new double[][] {{1, 2}, {3}}), new Fails("of", "row 1", "1"));
        add("of a double[][] with a null row", () -> Matrix.of(new double[][] {{1, 2}, null}),
                new Fails("of", "row 1", "null"));
        add("of an empty double[][]", () -> Matrix.of(new double[0][]), new Values(Matrix.zeros(0, 0)));
        add("row()", Matrix::row, new Values(Matrix.zeros(1, 0)));
        add("column()", Matrix::column, new Values(Matrix.zeros(0, 1)));
        // the same list as the script's, in its order
        double[][] linspace = {{0, 1, 5}, {Double.NaN, 1, 3}, {0, Double.POSITIVE_INFINITY, 3},
                {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 3}, {0, 1, 1}, {0, 1, 0}, {2, 2, 4},
                {1e308, -1e308, 3}};
        for (int i = 0; i < linspace.length; i++) {
            double[] args = linspace[i];
            numpy("linspace#" + i, () -> Matrix.linspace(args[0], args[1], (int) args[2]));
        }
        add("linspace(0,1,-1)", () -> Matrix.linspace(0, 1, -1), new Fails("linspace", "-1", "non-negative"));
        add("linspace(0,1,2147483647)", () -> Matrix.linspace(0, 1, Integer.MAX_VALUE),
                new Fails("linspace", "(1,2147483647)", "elements"));
    }

    // ---------------------------------------------------------------- running a case

    private void run(Case c) {
        long liveBefore = liveAllocations();
        try (MatrixScope scope = MatrixScope.open()) {
            assertThat(scope).isNotNull();
            check(c);
        }
        if (liveBefore >= 0) {
            assertThat(liveAllocations()).as("%s: allocations live after its MatrixScope closed", c.name())
                    .isEqualTo(liveBefore);
        }
    }

    private void check(Case c) {
        Object result;
        try {
            result = c.call().get();
        } catch (RuntimeException | OutOfMemoryError e) {
            if (!(c.expected() instanceof Fails f)) {
                throw new AssertionError(c.name() + ": expected " + c.expected() + " but it threw " + e, e);
            }
            for (Class<? extends Throwable> raw : RAW) {
                assertThat(e).as("%s: a raw JDK exception instead of a message naming the operation", c.name())
                        .isNotInstanceOf(raw);
            }
            assertThat(e.getMessage()).as("%s: the message of %s", c.name(), e.getClass().getSimpleName())
                    .isNotNull().contains(f.operation()).contains(f.fragments());
            return;
        }
        if (c.expected() instanceof Fails f) {
            fail("%s: expected an exception naming %s %s, but it returned %s", c.name(), f.operation(),
                    String.join(" ", f.fragments()), result);
        } else if (c.expected() instanceof Scalar n) {
            assertClose(c.name(), new double[] {(Double) result}, new double[] {n.expected()});
        } else if (c.expected() instanceof Text t) {
            assertThat(result).as(c.name()).isEqualTo(t.expected());
        } else if (c.expected() instanceof Values v) {
            Matrix actual = (Matrix) result;
            assertThat(actual.shape()).as("%s: shape", c.name()).isEqualTo(v.expected().shape());
            assertClose(c.name(), actual.toArray(), v.expected().toArray());
        }
    }

    private void assertClose(String name, double[] actual, double[] expected) {
        double tolerance = tolerance();
        assertThat(actual).as("%s: size", name).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            double a = actual[i];
            double e = expected[i];
            boolean same = Double.isNaN(e) ? Double.isNaN(a)
                    : Double.isInfinite(e) ? a == e
                    : Double.isFinite(a) && Math.abs(a - e) <= tolerance * (1 + Math.abs(e));
            if (!same) {
                fail("%s: element %d is %s, numpy gives %s", name, i, a, e);
            }
        }
    }

    // ---------------------------------------------------------------- the reference file

    private static Map<String, Matrix> load(String resource) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        try (InputStream in = MatrixPropertyTests.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + ": run scripts/special_values_reference.py");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] t = line.split(" ");
                int rows = Integer.parseInt(t[1]);
                int cols = Integer.parseInt(t[2]);
                double[] v = new double[rows * cols];
                for (int i = 0; i < v.length; i++) {
                    v[i] = Double.parseDouble(t[3 + i]);
                }
                out.put(t[0], Matrix.of(rows, cols, v));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
