package dev.backprop.benchmarks;

import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.model.TwoLayerNetwork.Cache;
import dev.backprop.core.model.TwoLayerNetwork.Gradients;
import dev.backprop.core.model.TwoLayerNetwork.Parameters;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.opencl.OpenClBackend;
import dev.backprop.opencl.Precision;
import dev.backprop.opencl.Residency;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One step of gradient descent for the workshop's two-layer network, as {@code nn_model} takes it: forward
 * propagation, backward propagation and the parameter update, in a {@code MatrixScope}. The time per step is the
 * score (ms/op); on OpenCL it includes waiting for the last kernel.
 *
 * <ul>
 *   <li>{@code size=small}: the workshop's planar flower, X (2, 400), n_h = 4;</li>
 *   <li>{@code size=large}: X (2, 4096) of random points labelled by quadrant (y = 1 where x₀·x₁ &gt; 0),
 *       n_h = 512: the hidden layer is a (512, 4096) matrix.</li>
 * </ul>
 * {@code backend}: {@code cpu}; {@code opencl}, data stays on the device; {@code opencl-copy}, every operation
 * copies its operands to the device and its result back.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingStepBenchmark {

    @Param({"small", "large"})
    public String size;

    @Param({"cpu", "opencl", "opencl-copy"})
    public String backend;

    /** fp64 or fp32, for the OpenCL backends. */
    @Param({"fp64"})
    public String precision;

    private Backend device;
    private Matrix X;
    private Matrix Y;
    private Parameters parameters;
    private double learningRate;

    @Setup(Level.Trial)
    public void setUp() {
        device = switch (backend) {
            case "cpu" -> Backends.cpu();
            case "opencl" -> OpenClBackend.create(Precision.parse(precision), Residency.DEVICE_RESIDENT);
            case "opencl-copy" -> OpenClBackend.create(Precision.parse(precision), Residency.COPY_PER_OPERATION);
            default -> throw new IllegalArgumentException("backend " + backend);
        };
        Matrix hostX;
        Matrix hostY;
        int n_h;
        if (size.equals("small")) {
            var planar = PlanarDataset.loadPlanarDataset();
            hostX = planar.X();
            hostY = planar.Y();
            n_h = 4;
            learningRate = TwoLayerNetwork.LEARNING_RATE;
        } else {
            hostX = new NumpyRandom(3).randn(2, 4096);
            hostY = quadrantLabels(hostX);
            n_h = 512;
            learningRate = 0.05;
        }
        X = hostX.to(device);
        Y = hostY.to(device);
        Parameters p = TwoLayerNetwork.initializeParameters(X.rows(), n_h, Y.rows());
        parameters = new Parameters(p.W1().to(device), p.b1().to(device), p.W2().to(device), p.b2().to(device));
    }

    /** y = 1 where x₀·x₁ &gt; 0: the first and third quadrants. */
    private static Matrix quadrantLabels(Matrix X) {
        double[] x = X.toArray();
        int m = X.cols();
        double[] y = new double[m];
        for (int j = 0; j < m; j++) {
            y[j] = x[j] * x[m + j] > 0 ? 1 : 0;
        }
        return Matrix.row(y);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (device instanceof OpenClBackend opencl) {
            opencl.close();
        }
    }

    @Benchmark
    public Parameters trainingStep() {
        try (MatrixScope scope = MatrixScope.open()) {
            Cache cache = TwoLayerNetwork.forwardPropagation(X, parameters);
            Gradients grads = TwoLayerNetwork.backwardPropagation(parameters, cache, X, Y);
            Parameters previous = parameters;
            parameters = scope.keep(TwoLayerNetwork.updateParameters(parameters, grads, learningRate));
            previous.matrices().forEach(Matrix::release);
        }
        if (device instanceof OpenClBackend opencl) {
            opencl.finish();
        }
        return parameters;
    }
}
