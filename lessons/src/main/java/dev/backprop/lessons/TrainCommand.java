package dev.backprop.lessons;

import dev.backprop.core.activation.Activation;
import dev.backprop.core.activation.Linear;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.activation.Tanh;
import dev.backprop.core.data.AtomicFiles;
import dev.backprop.core.data.Blobs;
import dev.backprop.core.data.Circles;
import dev.backprop.core.data.Csv;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.Datasets;
import dev.backprop.core.data.LabeledData;
import dev.backprop.core.data.ModelFile;
import dev.backprop.core.data.Moons;
import dev.backprop.core.data.Normalizer;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.data.Playground;
import dev.backprop.core.data.RegressionData;
import dev.backprop.core.data.Splitting;
import dev.backprop.core.data.TrainTest;
import dev.backprop.core.data.Xor;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.layer.Layer;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.CategoricalCrossEntropy;
import dev.backprop.core.loss.CategoricalLoss;
import dev.backprop.core.loss.ClassWeightedLoss;
import dev.backprop.core.loss.Hinge;
import dev.backprop.core.loss.Loss;
import dev.backprop.core.loss.MeanAbsoluteError;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.metrics.ClassificationReport;
import dev.backprop.core.metrics.ConfusionMatrix;
import dev.backprop.core.optim.Adadelta;
import dev.backprop.core.optim.Adagrad;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.GradientDescent;
import dev.backprop.core.optim.LearningRateSchedule;
import dev.backprop.core.optim.Momentum;
import dev.backprop.core.optim.Nesterov;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.optim.RmsProp;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.core.train.Callback;
import dev.backprop.core.train.EarlyStopping;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Predictions;
import dev.backprop.core.train.PrintCost;
import dev.backprop.core.train.ProgressLine;
import dev.backprop.core.train.Sequential;
import dev.backprop.core.train.TrainingLoop;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code ./workshop train}: the training toolkit on the command line, a TensorFlow Playground in the terminal. It
 * builds a {@link Sequential} of {@link Dense} layers for a generated or a real data set ({@link Datasets}: MNIST,
 * digits, CSV, .npz), trains it with the chosen optimizer in the one {@link TrainingLoop}, prints the model summary,
 * the cost every few epochs and the final accuracy (or MAE) on the training, validation and test parts, and writes
 * the cost curves, for a classifier the confusion matrix (with scikit-learn's classification report printed) and,
 * for 2-D data, the decision boundary as PNGs. {@code --save}/{@code --load} keep a model as an {@code .npz}
 * ({@link ModelFile}, the architecture as {@link ModelArchitecture} JSON).
 * <pre>
 * ./workshop train --dataset moons --layers 5,2 --activation relu --optimizer adam --learning-rate 0.0007 \
 *                  --batch-size 64 --epochs 5000 --seed 3 --out out/train
 * ./workshop train --dataset mnist --layers 128 --optimizer adam --epochs 10 --save out/mnist.npz
 * </pre>
 * {@code --dls} follows the DLS optimization assignment's {@code model()}: He initialisation seeded 3 (its
 * {@code initialize_parameters}), mini-batches reshuffled with {@code seed = 10 + epoch + 1}, the cost averaged over
 * each epoch and printed as {@code Cost after epoch 1000: …}.
 */
@Command(name = "train", sortOptions = false,
        description = "Train a network on a generated or a real data set; report, plot and save it.")
public final class TrainCommand implements Callable<Integer> {

    /** The generated data sets {@code --dataset} knows, by name. */
    static final Map<String, Supplier<Dataset>> DATASETS = new TreeMap<>(Map.ofEntries(
            // DLS optimization assignment: np.random.seed(3); make_moons(n_samples=300, noise=.2)
            Map.entry("moons", () -> Moons.makeMoons(300, 0.2, new NumpyRandom(3))),
            // DLS initialization assignment: np.random.seed(1); make_circles(n_samples=300, noise=.05)
            Map.entry("circles", () -> Circles.makeCircles(300, 0.05, new NumpyRandom(1))),
            Map.entry("blobs", () -> Blobs.makeBlobs(300, 3, 1.0, new NumpyRandom(3))),
            Map.entry("planar", PlanarDataset::loadPlanarDataset),
            Map.entry("xor", Xor::truthTable),
            Map.entry("xor-gaussian", () -> Xor.gaussian(300, new NumpyRandom(0))),
            Map.entry("playground-circle", () -> playground(Playground.CIRCLE)),
            Map.entry("playground-xor", () -> playground(Playground.XOR)),
            Map.entry("playground-gaussian", () -> playground(Playground.GAUSSIAN)),
            Map.entry("playground-spiral", () -> playground(Playground.SPIRAL))));

    /**
     * The Playground's 500 points, noise 0.1, shuffled and split half and half as the Playground does: training
     * data first, so {@code --validation-split 0.5} holds out exactly its test data.
     */
    private static Dataset playground(Playground data) {
        Playground.Split split = data.split(500, 0.1, 0.5, new NumpyRandom(1));
        return new Dataset(concat(split.train().X(), split.test().X()), concat(split.train().Y(), split.test().Y()));
    }

    private static Matrix concat(Matrix a, Matrix b) {
        double[][] x = a.toArray2D();
        double[][] y = b.toArray2D();
        double[] out = new double[a.rows() * (a.cols() + b.cols())];
        int k = 0;
        for (int i = 0; i < a.rows(); i++) {
            for (double v : x[i]) {
                out[k++] = v;
            }
            for (double v : y[i]) {
                out[k++] = v;
            }
        }
        return Matrix.of(a.rows(), a.cols() + b.cols(), out);
    }

    /** The activations {@code --activation} takes; softmax is an output's only. */
    static final String HIDDEN_ACTIVATIONS = "relu, tanh, sigmoid, leaky_relu, elu, linear";

    @Spec
    private CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The data set: a generated one,"
            + " ${COMPLETION-CANDIDATES}; or real data: " + Datasets.NAMES + " (default: moons).",
            completionCandidates = DatasetNames.class)
    String dataset;

    @Option(names = "--data", paramLabel = "DIR", converter = Workshop.Folder.class,
            description = "A folder of MNIST-format files (the full MNIST or Fashion-MNIST:"
                    + " train-images-idx3-ubyte[.gz] …); the same as --dataset dir:DIR.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column of a csv:PATH data set (default: ${DEFAULT-VALUE}).")
    String label = "label";

    @Option(names = "--test-split", paramLabel = "F", description = "Real data without a test part (csv:, some"
            + " npz:): hold out the fraction F, stratified and seeded, as the test set (default: ${DEFAULT-VALUE}).")
    double testSplit = 0.2;

    @Option(names = "--normalize", paramLabel = "KIND", description = "standard (zero mean, unit variance per"
            + " feature) or minmax (each feature to [0, 1]), fitted on the training split only and applied to the"
            + " validation and test data (default: none; pixels are already /255).")
    String normalize;

    @Option(names = "--class-weight", paramLabel = "KIND", description = "balanced: weigh each example's loss by"
            + " m / (classes · count of its class), Keras's class_weight (default: none).")
    String classWeight;

    @Option(names = "--layers", paramLabel = "SIZES",
            description = "Hidden layer sizes, comma-separated, input side first (default: 5,2). Empty for none:"
                    + " --layers ''.")
    String layersOption = "5,2";

    /** The hidden layer sizes of {@code --layers}, read by {@link #validate()}. */
    List<Integer> layers = List.of();

    @Option(names = "--activation", paramLabel = "G", description = "Hidden activation: " + HIDDEN_ACTIVATIONS
            + " (default: ${DEFAULT-VALUE}).")
    String activation = "relu";

    @Option(names = "--output", paramLabel = "G",
            description = "Output activation: sigmoid, softmax, linear, tanh (default: from the data set).")
    String output;

    @Option(names = "--loss", paramLabel = "LOSS", description = "Loss: binary_crossentropy, categorical_crossentropy,"
            + " sparse_categorical_crossentropy, mse, mae, hinge (default: from the data set).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "gd, momentum, nesterov, rmsprop, adagrad, adadelta or adam (default: ${DEFAULT-VALUE}).")
    String optimizer = "adam";

    @Option(names = "--learning-rate", paramLabel = "α", description = "Learning rate α (default: the optimizer's:"
            + " gd, momentum and nesterov 0.0007 as in DLS, adam 0.01, rmsprop, adagrad and adadelta 0.001).")
    Double learningRate;

    @Option(names = "--beta", paramLabel = "β", description = "Momentum β of momentum and nesterov (default: 0.9);"
            + " ρ of rmsprop and adadelta.")
    Double beta;

    @Option(names = "--beta1", paramLabel = "β1", description = "Adam's β1 (default: 0.9).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "β2", description = "Adam's β2 (default: 0.999).")
    Double beta2;

    @Option(names = "--epsilon", paramLabel = "ε", description = "ε of adam, rmsprop, adagrad, adadelta"
            + " (default: the optimizer's; Adam 1e-8 as DLS, Keras uses 1e-7).")
    Double epsilon;

    @Option(names = "--decay", paramLabel = "RATE", description = "Inverse-time learning-rate decay,"
            + " α = α0 / (1 + RATE · epoch) (DLS update_lr; default: 0, none).")
    double decay;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per mini-batch; 0 for the whole set (default: ${DEFAULT-VALUE}).")
    int batchSize = 64;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data; 0 with --load"
            + " evaluates the saved model (default: ${DEFAULT-VALUE}).")
    int epochs = 1000;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights, the shuffling and dropout,"
            + " a whole number from 0 to " + Integer.MAX_VALUE + " (default: ${DEFAULT-VALUE}).")
    long seedOption = 3;

    /** The seed of {@code --seed}, checked by {@link #validate()}. */
    int seed;

    @Option(names = "--init", paramLabel = "NAME",
            description = "Weights: zeros, random (randn · 0.01), he or xavier (default: ${DEFAULT-VALUE}).")
    String init = "he";

    @Option(names = "--l2", paramLabel = "λ", description = "L2 regularisation λ: J += (λ/2m) Σ‖W‖² (default: 0).")
    double l2;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "Inverted dropout after every hidden layer, rate in [0, 1) (default: 0).")
    double dropout;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE", description = "Stop when the validation cost"
            + " (the training cost without validation data) has not improved for PATIENCE epochs; keeps the best"
            + " weights (default: 0, off).")
    int patience;

    @Option(names = "--validation-split", paramLabel = "F", description = "Hold out the fraction F of the training"
            + " examples for validation: stratified and seeded for real data, the last F of a generated set"
            + " (default: 0).")
    double validationSplit;

    @Option(names = "--print-every", paramLabel = "N",
            description = "Print the cost every N epochs; 0 never (default: epochs/10; with --dls 1000).")
    Integer printEvery;

    @Option(names = "--out", paramLabel = "DIR", converter = Workshop.Folder.class,
            description = "Where the PNGs go (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("out", "train");

    @Option(names = "--save", paramLabel = "FILE", converter = Workshop.FileName.class,
            description = "Save the trained model: its parameters W1, b1, … as numpy arrays and its architecture as"
                    + " JSON, in one .npz file that np.load reads.")
    Path save;

    @Option(names = "--load", paramLabel = "FILE", converter = Workshop.FileName.class,
            description = "Start from a model saved with --save (its layers, activations, loss and weights; the layer"
                    + " options are ignored) and evaluate it (--epochs 0) or train it further.")
    Path load;

    @Option(names = "--dls", description = "The DLS optimization assignment's conventions: He initialisation seeded"
            + " with --seed (3, as DLS), mini-batches reshuffled with seed 10 + epoch + 1, the cost averaged over the"
            + " epoch.")
    boolean dls;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** The output units of the model {@code --load} names: one-hot labels for several, unless the loss is sparse. */
    private Integer savedOutputs;

    private PrintStream stdout = System.out;
    private PrintStream stderr = System.err;

    /** The data set names, for the help text. */
    static final class DatasetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return DATASETS.keySet().iterator();
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; returns 0, 1 (training failed, a file could not be written) or 2 (a bad option). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        TrainCommand command = new TrainCommand();
        command.stdout = out;
        command.stderr = err;
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("train: " + e.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("train: " + Workshop.messageOf(e));
            return 1;
        });
        return cli.execute(args);
    }

    /** The examples of one run: training, validation and test parts (the last two may be null), examples as columns. */
    /** The data's parts; Y is classes (one-hot or a label row), or a regression's targets (1, m). */
    private record Parts(Matrix X, Matrix Y, Matrix Xval, Matrix Yval, Matrix Xtest, Matrix Ytest, boolean real,
            Dataset generated, boolean regression) {

        /** The same parts with every X transformed (the originals can go: full MNIST is 360 MB a copy). */
        Parts normalized(Normalizer n) {
            return new Parts(n.transform(X), Y, Xval == null ? null : n.transform(Xval), Yval,
                    Xtest == null ? null : n.transform(Xtest), Ytest, real, generated, regression);
        }
    }

    @Override
    public Integer call() throws IOException {
        validate();
        // where the results go is checked before training, so that a long run is not lost to a typo
        Optional<String> unwritable = Workshop.prepareOutputFolder(out);
        if (unwritable.isPresent()) {
            stderr.println("workshop: cannot create the output folder " + out + ": " + unwritable.get());
            return 1;
        }
        if (save != null && Files.isDirectory(save)) {
            throw bad("--save " + save + ": is a folder, not a file");
        }
        Path saveFolder = save == null ? null : save.toAbsolutePath().getParent();
        if (saveFolder != null && Files.exists(saveFolder) && !Files.isDirectory(saveFolder)) {
            throw bad("--save " + save + ": " + saveFolder + " is not a folder");
        }
        ModelFile.Model saved = null;
        ModelArchitecture architecture = null;
        if (load != null) {
            saved = ModelFile.load(load);
            architecture = ModelArchitecture.fromJson(saved.architecture(), load.toString());
            String trainedWith = architecture.normalize();
            if (trainedWith != null && !List.of("standard", "minmax").contains(trainedWith)) {
                throw new IllegalArgumentException("--load " + load + ": its architecture names an unknown"
                        + " normalize '" + trainedWith + "' (known: standard, minmax)");
            }
            if (normalize != null && !normalize.equals(trainedWith)) {
                // the weights were fitted to features scaled one way; another scaling feeds them other numbers
                throw bad("--load " + load + " was trained " + (trainedWith == null ? "without --normalize"
                        : "with --normalize " + trainedWith) + ", so --normalize " + normalize + " would feed it"
                        + " features it has never seen; leave --normalize out");
            }
            normalize = trainedWith;
            // the saved model's loss and output layer, as when it was trained, shape the labels below
            ModelArchitecture.LayerSpec last = architecture.layers().get(architecture.layers().size() - 1);
            loss = architecture.loss();
            output = last.activation();
            savedOutputs = last.units();
        }
        String name = datasetName();
        Parts parts = DATASETS.containsKey(name) ? generated(name) : real(name);
        Normalizer normalizer = null;
        if (normalize != null) {
            // statistics of the training split only, the same transform for validation and test
            normalizer = Normalizer.fit(normalize, parts.X());
            parts = parts.normalized(normalizer);
        }
        Matrix X = parts.X();
        Matrix Y = parts.Y();
        Matrix Xval = parts.Xval();
        Matrix Xtest = parts.Xtest();
        boolean classes = !parts.regression() && (parts.real() || Y.rows() > 1 || isIntegerLabels(Y));
        if (parts.regression()) {
            stdout.println(name + ": a regression onto column '" + label + "' (" + (regressionAsked()
                    ? "--output linear with --loss " + loss : "its values are not all classes 0, 1, 2, …") + ")");
        }
        int nY = Y.rows() > 1 ? Y.rows() : classes ? Math.max(1, (int) max(Y) + 1) : 1;
        Loss chosen = namedLoss();
        Activation outputActivation = output != null ? activation(output, "--output")
                : !classes ? new Linear() : nY > 2 || chosen instanceof CategoricalLoss ? new Softmax()
                : chosen instanceof Hinge ? new Tanh() : new Sigmoid();
        if (!(outputActivation instanceof Softmax) && nY == 2 && Y.rows() == 1) {
            nY = 1;   // two classes in one row of labels: one unit, a probability or a score
        }
        Loss objective = chosen != null ? chosen : outputActivation instanceof Softmax
                ? (Y.rows() > 1 ? new CategoricalCrossEntropy() : new SparseCategoricalCrossEntropy())
                : classes && nY == 1 && (outputActivation instanceof Tanh || outputActivation instanceof Linear)
                ? new Hinge() : classes ? new BinaryCrossEntropy()
                : new MeanSquaredError();
        if (architecture == null) {
            checkOutputFitsLoss(outputActivation, objective, nY, Y.rows());
        }

        Sequential model;
        if (architecture != null) {
            try {
                model = architecture.toModel(seed);
                model.setNamedParameters(saved.parameters());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--load " + load + ": " + e.getMessage(), e);
            }
            objective = ModelArchitecture.loss(architecture.loss());
            int units = model.layers().get(model.layers().size() - 1).units();
            if (architecture.inputs() != X.rows() || units != nY) {
                throw new IllegalArgumentException("--load " + load + ": the model maps " + architecture.inputs()
                        + " inputs to " + units + (units == 1 ? " output" : " outputs") + ", data set " + name
                        + " has " + X.rows() + " features" + (classes ? " and " + Math.max(2, nY) + " classes" : ""));
            }
        } else {
            Activation g = activation(activation, "--activation");
            Initializer initializer = dls ? Initializer.he() : initializer(init);
            List<Layer> stack = new ArrayList<>();
            for (int n : layers) {
                stack.add(new Dense(n, g, initializer));
                if (dropout > 0) {
                    stack.add(new Dropout(dropout, seed));
                }
            }
            stack.add(new Dense(nY, outputActivation, initializer));
            model = Sequential.of(stack.toArray(Layer[]::new)).build(X.rows(), seed);
        }
        if (classWeight != null) {
            if (!classes) {
                throw bad("--class-weight needs class labels; data set " + name + " is a regression");
            }
            objective = new ClassWeightedLoss(objective, ClassWeightedLoss.balanced(Y, nY == 1 ? 2 : nY));
        }
        Metric metric = classes ? Metric.accuracy(Predictions.threshold(objective)) : Metric.meanAbsoluteError();
        model.compile(objective, optimizer(), metric);
        stdout.print(model.summary());

        History history = null;
        if (epochs > 0) {
            try {
                history = fit(model, X, Y, Xval, parts.Yval());
            } catch (IllegalStateException diverged) {
                double largest = X.abs().max();
                if (normalize == null && largest > 1e6) {
                    throw new IllegalStateException(diverged.getMessage() + "; or scale the features, which reach "
                            + largest + ": --normalize standard", diverged);
                }
                throw diverged;
            }
            if (history.bestEpoch() >= 0) {
                stdout.printf(Locale.ROOT, "Early stopping after %d epochs; restored the weights of epoch %d%n",
                        history.epochs(), history.bestEpoch());
            }
        }
        String what = classes ? "accuracy" : "MAE";
        String unit = classes ? " %" : "";
        stdout.printf(Locale.ROOT, "Training %s: %.2f%s%n", what, metric.value(model.predict(X), Y), unit);
        if (Xval != null) {
            stdout.printf(Locale.ROOT, "Validation %s: %.2f%s%n", what, metric.value(model.predict(Xval), parts.Yval()),
                    unit);
        }
        if (Xtest != null) {
            stdout.printf(Locale.ROOT, "Test %s: %.2f%s%n", what, metric.value(model.predict(Xtest), parts.Ytest()),
                    unit);
        }
        if (history != null) {
            stdout.printf(Locale.ROOT, "Time per epoch: %.3f ms (%d epochs)%n", history.secondsPerEpoch() * 1e3,
                    history.epochs());
        }

        for (String chart : List.of("cost.png", "confusion-matrix.png", "decision-boundary.png")) {
            // an earlier run's chart that this run does not draw would pass for this run's
            if (Files.isRegularFile(out.resolve(chart))) {
                Files.delete(out.resolve(chart));
            }
        }
        if (history != null) {
            write(TrainingCharts.costCurves("Cost per epoch, " + name + ", " + model.loop().optimizer().name(),
                    history), out.resolve("cost.png"));
        }
        if (classes) {
            boolean onTest = Xtest != null;
            boolean onValidation = !onTest && Xval != null;
            report(model, onTest ? Xtest : onValidation ? Xval : X,
                    onTest ? parts.Ytest() : onValidation ? parts.Yval() : Y,
                    onTest ? "test" : onValidation ? "validation" : "training", name, Math.max(2, nY));
        }
        if (parts.generated() != null && parts.generated().X().rows() == 2 && classes) {
            Normalizer n = normalizer;
            // the chart shades a probability, white at 0.5; a score s is shown as (s + 1) / 2 clipped to [0, 1],
            // white at the boundary s = 0 and full colour from the hinge's margin |s| = 1 on
            boolean scores = model.decisionThreshold() == 0;
            write(TrainingCharts.decisionBoundary("Decision boundary, " + name, parts.generated().X(),
                    parts.generated().Y(), x -> {
                        Matrix a = model.predict(n == null ? x : n.transform(x));
                        return scores && a.rows() == 1 ? a.plus(1).div(2).clip(0, 1) : a;
                    }), out.resolve("decision-boundary.png"));
        }
        if (save != null) {
            List<String> classNames = classes ? names(Math.max(2, nY)) : null;
            Path folder = save.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            ModelFile.save(save, model.namedParameters(), ModelArchitecture.of(model, normalize, classNames).toJson());
            stdout.println("saved " + save);
        }
        return 0;
    }

    private History fit(Sequential model, Matrix X, Matrix Y, Matrix Xval, Matrix Yval) {
        int every = printEvery != null ? printEvery : dls ? 1000 : Math.max(1, epochs / 10);
        ProgressLine progress = new ProgressLine(stderr);
        List<Callback> callbacks = new ArrayList<>();
        callbacks.add(new PrintCost(every, (e, c) -> {
            progress.clear();
            // as DLS prints it ("%f"), but a cost grown past 10⁷ in powers of ten rather than fifty digits
            stdout.printf(Locale.ROOT, Math.abs(c) < 1e7 ? "Cost after epoch %d: %f%n" : "Cost after epoch %d: %.6e%n",
                    e, c);
        }));
        if (patience > 0) {
            callbacks.add(new EarlyStopping(patience));
        }
        if (System.console() != null) {
            // the progress line rewrites itself with \r: only on a terminal, never into a log file or a pipe
            callbacks.add(progress);
        }
        TrainingLoop loop = model.loop().epochs(epochs).batchSize(batchSize).l2(l2)
                .callbacks(callbacks.toArray(Callback[]::new));
        if (dls) {
            loop.dls(10);
        } else if (batchSize > 0 && batchSize < X.cols()) {
            loop.shuffle(seed);
        }
        if (Xval != null) {
            loop.validation(Xval, Yval);
        }
        return model.fit(X, Y, loop);
    }

    /**
     * The final report of a classifier on (X, Y): the confusion matrix and scikit-learn's classification report
     * (precision, recall, F1 per class), printed, and the confusion matrix as a heat map PNG.
     */
    private void report(Sequential model, Matrix X, Matrix Y, String part, String name, int k) throws IOException {
        int[] yTrue = labels(Y);
        int[] yPred = labels(model.predictClasses(X));
        ConfusionMatrix cm = ConfusionMatrix.of(yTrue, yPred, k);
        stdout.printf(Locale.ROOT, "Confusion matrix (%s, %d examples; true class down, predicted across):%n%s%n",
                part, yTrue.length, cm);
        stdout.print(ClassificationReport.of(yTrue, yPred, k));
        write(EvaluationCharts.confusionMatrix("Confusion matrix, " + name + " (" + part + ")", cm, names(k)),
                out.resolve("confusion-matrix.png"));
    }

    /** Class indices of a one-hot Y (argmax of each column) or a label row. */
    private static int[] labels(Matrix Y) {
        Matrix row = Y.rows() > 1 ? Predictions.argmax(Y) : Y;
        return Arrays.stream(row.toArray()).mapToInt(v -> (int) v).toArray();
    }

    private static List<String> names(int k) {
        return IntStream.range(0, k).mapToObj(String::valueOf).toList();
    }

    private String datasetName() {
        return data != null ? "dir:" + data : dataset != null ? dataset : "moons";
    }

    /** A generated data set; {@code --validation-split} holds out its last examples. */
    private Parts generated(String name) {
        Dataset set = DATASETS.get(name).get();
        Matrix X = set.X();
        Matrix Y = set.Y();
        Loss named = namedLoss();
        int classes = Math.max(2, (int) max(Y) + 1);
        // a regression loss compares every output with a label: more than one output needs one-hot labels
        boolean oneHot = savedOutputs != null ? savedOutputs > 1 && !(named instanceof SparseCategoricalCrossEntropy)
                : named instanceof CategoricalCrossEntropy
                || isRegressionLoss(named) && (classes > 2 || "softmax".equals(output));
        if (oneHot && Y.rows() == 1 && isIntegerLabels(Y)) {
            Y = new SparseCategoricalCrossEntropy().oneHot(Y, classes);   // one-hot (k, m)
        }
        if (validationSplit == 0) {
            return new Parts(X, Y, null, null, null, null, false, set, false);
        }
        int split = (int) Math.round(X.cols() * (1 - validationSplit));
        if (split < 1 || split >= X.cols()) {
            throw bad("--validation-split " + validationSplit + " leaves no training or no validation examples of "
                    + X.cols());
        }
        Parts parts = new Parts(X.columns(0, split), Y.columns(0, split), X.columns(split, X.cols()),
                Y.columns(split, Y.cols()), null, null, false, set, false);
        warnIfOneClass(parts.Y(), "the training part (the first " + split + " examples of " + name + ")");
        warnIfOneClass(parts.Yval(), "the validation part (the last " + (X.cols() - split) + " examples of " + name
                + ")");
        return parts;
    }

    /**
     * --validation-split takes the last examples, as Keras's validation_split does, without shuffling: on a data set
     * stored class by class ({@code planar}) a part can hold a single class, and its accuracy says nothing.
     */
    private void warnIfOneClass(Matrix Y, String part) {
        int[] labels = labels(Y);
        if (Arrays.stream(labels).distinct().count() == 1) {
            stderr.println("workshop: warning: " + part + " holds class " + labels[0] + " only, so its accuracy"
                    + " says nothing: --validation-split takes the last examples, as Keras does, and this data set"
                    + " is stored class by class");
        }
    }

    /**
     * Real data: a CSV whose labels are not all class numbers (or under {@code --output linear --loss mse} with
     * more than two values) is a regression, anything else classes.
     */
    private Parts real(String name) throws IOException {
        if (name.startsWith("csv:")) {
            Csv.Table table = Csv.read(Path.of(name.substring(4)), label);
            if (!table.hasClassLabels()
                    || regressionAsked() && Arrays.stream(table.y()).distinct().count() > 2) {
                return regression(table.toRegression());
            }
            return classes(name, new TrainTest(table.toClasses(), null));
        }
        return classes(name, Datasets.load(name, label));
    }

    /** Whether the options ask for a regression: one linear output unit under a regression loss. */
    private boolean regressionAsked() {
        return "linear".equals(output) && isRegressionLoss(namedLoss());
    }

    /** MSE or MAE, the losses of {@code --loss} that compare an output with a number rather than a class. */
    private static boolean isRegressionLoss(Loss loss) {
        return loss instanceof MeanSquaredError || loss instanceof MeanAbsoluteError;
    }

    /** A regression's examples: --test-split of them held out, then --validation-split of the rest, seeded. */
    private Parts regression(RegressionData data) {
        Splitting.RegressionParts p = Splitting.split(data, 1 - testSplit, 0, testSplit, seed);
        RegressionData train = p.train();
        RegressionData test = p.test();
        RegressionData validation = null;
        if (validationSplit > 0) {
            Splitting.RegressionParts q = Splitting.split(train, 1 - validationSplit, validationSplit, 0, seed);
            train = q.train();
            validation = q.validation();
        }
        for (RegressionData part : new RegressionData[] {train, validation, test}) {
            if (part != null && part.m() == 0) {
                throw bad("--validation-split " + validationSplit + " and --test-split " + testSplit + " leave a part"
                        + " of the " + data.m() + " examples empty");
            }
        }
        return new Parts(train.X(), train.Y(), validation == null ? null : validation.X(),
                validation == null ? null : validation.Y(), test.X(), test.Y(), true, null, true);
    }

    /**
     * Real data by {@link Datasets#load}: its test part, or {@code --test-split} of it held out; then
     * {@code --validation-split} of the training part, both stratified and seeded. Y is one-hot (classes, m), or
     * the label row (1, m) for a sparse or binary loss.
     */
    private Parts classes(String name, TrainTest set) {
        LabeledData train = set.train();
        LabeledData test = set.test();
        if (test != null && spec.commandLine().getParseResult().hasMatchedOption("--test-split")) {
            throw bad("--test-split holds out a test part of real data that has none; " + name + " has its own");
        }
        if (train.m() == 0 || test != null && test.m() == 0) {
            throw new IllegalArgumentException(name + ": the " + (train.m() == 0 ? "training" : "test")
                    + " data holds no examples");
        }
        if (test != null && test.X().rows() != train.X().rows()) {
            throw new IllegalArgumentException(name + ": the test examples have " + test.X().rows() + " features"
                    + (test.isImages() ? " (" + test.height() + "×" + test.width() + " images)" : "")
                    + " but the training examples " + train.X().rows()
                    + (train.isImages() ? " (" + train.height() + "×" + train.width() + " images)" : ""));
        }
        long present = Arrays.stream(train.labels()).distinct().count();
        if (present < 2) {
            stderr.println("workshop: warning: every training label of " + name + " is " + train.labels()[0]
                    + ": there is nothing to tell apart, and an accuracy on it says nothing");
        }
        if (test == null) {
            Splitting.Parts p = Splitting.split(train, 1 - testSplit, 0, testSplit, seed, true);
            train = p.train();
            test = p.test();
        }
        LabeledData validation = null;
        if (validationSplit > 0) {
            Splitting.Parts p = Splitting.split(train, 1 - validationSplit, validationSplit, 0, seed, true);
            train = p.train();
            validation = p.validation();
        }
        for (LabeledData part : new LabeledData[] {train, validation, test}) {
            if (part != null && part.m() == 0) {
                throw bad("--validation-split " + validationSplit + " and --test-split " + testSplit + " leave a part"
                        + " of " + name + " (" + set.train().m() + " examples) empty");
            }
        }
        Loss named = namedLoss();
        // two classes are one row of 0/1 labels for one output unit (a sigmoid unless chosen otherwise), as on the
        // generated sets; a softmax or a categorical loss reads them one-hot. One class (warned about) is a row too:
        // its one-hot Y is a row of 1s, which a row would read as class 1
        boolean row = savedOutputs != null ? savedOutputs == 1 || named instanceof SparseCategoricalCrossEntropy
                : named instanceof SparseCategoricalCrossEntropy || named instanceof BinaryCrossEntropy
                || named instanceof Hinge || train.classes() <= 2 && !(named instanceof CategoricalLoss)
                && !"softmax".equals(output);
        Function<LabeledData, Matrix> y = row ? LabeledData::labelRow : LabeledData::Y;
        return new Parts(train.X(), y.apply(train), validation == null ? null : validation.X(),
                validation == null ? null : y.apply(validation), test.X(), y.apply(test), true, null, false);
    }

    private void write(Chart<?, ?> chart, Path file) throws IOException {
        AtomicFiles.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        stdout.println("wrote " + file);
    }

    // ---------------------------------------------------------------- options

    private void validate() {
        if (data != null && dataset != null) {
            throw bad("--data " + data + " and --dataset " + dataset + " both name the data; give one");
        }
        String name = datasetName();
        if (!DATASETS.containsKey(name) && !List.of("mnist", "fashion-mnist", "digits").contains(name)
                && !name.matches("(dir|csv|npz):.+")) {
            throw bad("unknown --dataset '" + name + "'; known: " + String.join(", ", DATASETS.keySet()) + ", "
                    + Datasets.NAMES);
        }
        if (!(testSplit > 0 && testSplit < 1)) {
            throw bad("--test-split must be in (0, 1), got " + testSplit);
        }
        if (label.isBlank()) {
            throw bad("--label must name a column, got an empty name");
        }
        if (normalize != null && !List.of("standard", "minmax").contains(normalize)) {
            throw bad("unknown --normalize '" + normalize + "'; known: standard, minmax");
        }
        if (classWeight != null && !classWeight.equals("balanced")) {
            throw bad("unknown --class-weight '" + classWeight + "'; known: balanced");
        }
        if (!List.of("gd", "momentum", "nesterov", "rmsprop", "adagrad", "adadelta", "adam").contains(optimizer)) {
            throw bad("unknown --optimizer '" + optimizer + "'; known: gd, momentum, nesterov, rmsprop, adagrad,"
                    + " adadelta, adam");
        }
        layers = hiddenSizes(layersOption);
        if (learningRate != null && !(learningRate > 0 && Double.isFinite(learningRate))) {
            throw bad("--learning-rate must be a positive number, got " + learningRate);
        }
        if (epochs < (load != null ? 0 : 1)) {
            throw bad("--epochs must be ≥ 1 (0 only with --load, to evaluate), got " + epochs);
        }
        if (batchSize < 0) {
            throw bad("--batch-size must be ≥ 1 (or 0 for the whole set), got " + batchSize);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw bad("--dropout must be in [0, 1), got " + dropout);
        }
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            throw bad("--l2 must be a number ≥ 0, got " + l2);
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw bad("--validation-split must be in [0, 1), got " + validationSplit);
        }
        if (patience < 0) {
            throw bad("--early-stopping must be ≥ 1 epoch, or 0 for off, got " + patience);
        }
        if (!(decay >= 0 && Double.isFinite(decay))) {
            throw bad("--decay must be a number ≥ 0, got " + decay);
        }
        if (printEvery != null && printEvery < 0) {
            throw bad("--print-every must be ≥ 1 epoch, or 0 for never, got " + printEvery);
        }
        if (seedOption < 0 || seedOption > Integer.MAX_VALUE) {
            throw bad("--seed must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + seedOption);
        }
        seed = (int) seedOption;
        Activation hidden = activation(activation, "--activation");
        if (hidden instanceof Softmax) {
            throw bad("--activation softmax: softmax normalises across a layer's units into class probabilities,"
                    + " an output's job; use it as --output softmax and one of " + HIDDEN_ACTIVATIONS
                    + " for the hidden layers");
        }
        if (output != null) {
            activation(output, "--output");
        }
        for (Double d : new Double[] {beta, beta1, beta2}) {
            if (d != null && !(d >= 0 && d < 1)) {
                throw bad("--beta, --beta1 and --beta2 must be in [0, 1), got " + d);
            }
        }
        if (epsilon != null && !(epsilon > 0)) {
            throw bad("--epsilon must be positive, got " + epsilon);
        }
        refuseIgnoredOptions(name);
    }

    /** An option that would change nothing here is refused, so that a student does not believe it did. */
    private void refuseIgnoredOptions(String name) {
        ParseResult given = spec.commandLine().getParseResult();
        String[][] optimizerOptions = {
            {"--beta", "momentum", "nesterov", "rmsprop", "adadelta"},
            {"--beta1", "adam"},
            {"--beta2", "adam"},
            {"--epsilon", "adam", "rmsprop", "adagrad", "adadelta"},
        };
        for (String[] option : optimizerOptions) {
            List<String> takers = List.of(option).subList(1, option.length);
            if (given.hasMatchedOption(option[0]) && !takers.contains(optimizer)) {
                throw bad(option[0] + " is an option of " + String.join(", ", takers) + "; --optimizer " + optimizer
                        + " has none");
            }
        }
        if (given.hasMatchedOption("--label") && !name.startsWith("csv:")) {
            throw bad("--label names the label column of a csv: data set; " + name + " has its labels");
        }
        if (given.hasMatchedOption("--test-split") && !name.startsWith("csv:") && !name.startsWith("npz:")) {
            throw bad("--test-split holds out a test part of real data that has none (csv:, some npz:); "
                    + (DATASETS.containsKey(name) ? "a generated set has no test part (use --validation-split)"
                    : name + " has its own test part"));
        }
        if (dls && given.hasMatchedOption("--init")) {
            throw bad("--init and --dls: --dls initialises as the DLS assignment does (He, seeded with --seed)");
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Refuses an output layer the loss cannot read: binary cross-entropy reads sigmoid probabilities (one per class
     * only against one-hot labels), a categorical one a softmax over the classes, and the hinge one tanh or linear
     * score for two classes. A regression loss reads any output.
     */
    private void checkOutputFitsLoss(Activation g, Loss objective, int units, int labelRows) {
        String outputName = output != null ? "--output " + output : "the default output " + g;
        String lossName = loss != null ? "--loss " + loss : "the default loss " + objective;
        String forClasses = "; for " + units + " classes use --output softmax";
        if (objective instanceof BinaryCrossEntropy && g instanceof Softmax) {
            throw bad(lossName + " reads sigmoid probabilities, but " + outputName + " is a softmax; use"
                    + " --loss categorical_crossentropy with it, or --output sigmoid");
        }
        if (objective instanceof BinaryCrossEntropy && !(g instanceof Sigmoid)) {
            throw bad(lossName + " reads sigmoid probabilities, but " + outputName + " is not a sigmoid"
                    + (units > 1 ? forClasses : "; use --output sigmoid, or --loss hinge for a tanh or linear score"));
        }
        if (objective instanceof BinaryCrossEntropy && units > 1 && labelRows == 1) {
            throw bad(lossName + " with " + units + " sigmoid outputs needs one-hot labels, and these are one row of"
                    + " class numbers" + forClasses);
        }
        if (objective instanceof CategoricalLoss && !(g instanceof Softmax)) {
            throw bad(lossName + " reads a softmax over the classes, but " + outputName
                    + " is not one; use --output softmax");
        }
        if (objective instanceof Hinge && units != 1) {
            throw bad(lossName + " reads one score for two classes, but there are " + units + " outputs" + forClasses);
        }
        if (objective instanceof Hinge && !(g instanceof Tanh || g instanceof Linear)) {
            throw bad(lossName + " reads a score, but " + outputName + " is not tanh or linear; use --output tanh"
                    + " or --output linear");
        }
        if (units > 1 && labelRows == 1 && !(objective instanceof SparseCategoricalCrossEntropy)) {
            throw bad(lossName + " compares each of the " + units + " outputs with a label, but the labels are one"
                    + " row of class numbers; use --loss sparse_categorical_crossentropy");
        }
    }

    /** The loss {@code --loss} names (or the saved model's), null when none is named. */
    private Loss namedLoss() {
        return loss == null ? null : loss(loss);
    }

    /** "5,2" as [5, 2]; "" (or only spaces) as no hidden layer. */
    private List<Integer> hiddenSizes(String option) {
        List<Integer> sizes = new ArrayList<>();
        if (option.isBlank()) {
            return sizes;
        }
        for (String part : option.split(",", -1)) {
            int n;
            try {
                n = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw bad("--layers '" + option + "': '" + part.strip() + "' is not a layer size, a whole number ≥ 1");
            }
            if (n < 1) {
                throw bad("--layers '" + option + "': every hidden size must be ≥ 1, got " + n);
            }
            sizes.add(n);
        }
        return sizes;
    }

    private Activation activation(String name, String option) {
        Activation known = ModelArchitecture.activation(name, null);
        if (known == null) {
            throw bad("unknown " + option + " '" + name + "'; known: " + (option.equals("--activation")
                    ? HIDDEN_ACTIVATIONS : HIDDEN_ACTIVATIONS + ", softmax"));
        }
        return known;
    }

    private Loss loss(String name) {
        Loss known = ModelArchitecture.loss(name);
        if (known == null) {
            throw bad("unknown --loss '" + name + "'; known: binary_crossentropy, categorical_crossentropy,"
                    + " sparse_categorical_crossentropy, mse, mae, hinge");
        }
        return known;
    }

    private Initializer initializer(String name) {
        return switch (name) {
            case "zeros" -> Initializer.zeros();
            case "random" -> Initializer.random(0.01);
            case "he" -> Initializer.he();
            case "xavier" -> Initializer.xavier();
            default -> throw bad("unknown --init '" + name + "'; known: zeros, random, he, xavier");
        };
    }

    private Optimizer optimizer() {
        double lr = learningRate != null ? learningRate : switch (optimizer) {
            case "gd", "momentum", "nesterov" -> 0.0007;
            case "rmsprop" -> RmsProp.DEFAULT_LEARNING_RATE;
            case "adagrad" -> Adagrad.DEFAULT_LEARNING_RATE;
            case "adadelta" -> Adadelta.DEFAULT_LEARNING_RATE;
            case "adam" -> Adam.DEFAULT_LEARNING_RATE;
            default -> 0;
        };
        LearningRateSchedule schedule = decay > 0 ? LearningRateSchedule.inverseTimeDecay(lr, decay)
                : LearningRateSchedule.constant(lr);
        return switch (optimizer) {
            case "gd" -> new GradientDescent(schedule);
            case "momentum" -> new Momentum(schedule, or(beta, Momentum.DEFAULT_BETA));
            case "nesterov" -> new Nesterov(schedule, or(beta, Nesterov.DEFAULT_MOMENTUM));
            case "rmsprop" -> new RmsProp(schedule, or(beta, RmsProp.DEFAULT_RHO), or(epsilon, RmsProp.DEFAULT_EPSILON));
            case "adagrad" -> new Adagrad(schedule, Adagrad.DEFAULT_INITIAL_ACCUMULATOR,
                    or(epsilon, Adagrad.DEFAULT_EPSILON));
            case "adadelta" -> new Adadelta(schedule, or(beta, Adadelta.DEFAULT_RHO),
                    or(epsilon, Adadelta.DEFAULT_EPSILON));
            case "adam" -> new Adam(schedule, or(beta1, Adam.DEFAULT_BETA1), or(beta2, Adam.DEFAULT_BETA2),
                    or(epsilon, Adam.DEFAULT_EPSILON));
            default -> throw bad("unknown --optimizer '" + optimizer + "'; known: gd, momentum, nesterov, rmsprop,"
                    + " adagrad, adadelta, adam");
        };
    }

    private static double or(Double value, double otherwise) {
        return value != null ? value : otherwise;
    }

    private static boolean isIntegerLabels(Matrix Y) {
        for (double y : Y.toArray()) {
            if (y != Math.rint(y) || y < 0 || y > 100) {
                return false;
            }
        }
        return true;
    }

    private static double max(Matrix Y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double y : Y.toArray()) {
            max = Math.max(max, y);
        }
        return max;
    }
}
