package dev.backprop.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.activation.Softmax;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.loss.SparseCategoricalCrossEntropy;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.Adam;
import dev.backprop.core.optim.Optimizer;
import dev.backprop.core.train.History;
import dev.backprop.core.train.Metric;
import dev.backprop.core.train.Sequential;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The one training loop on OpenCL against the CPU, in the style of the backend contract suites: the same
 * {@link Sequential} (Adam, shuffled mini-batches, dropout, L2, validation data and a metric) trained on both, fp64
 * and device-resident, must record the same History within the precision's tolerance, and a run must not leave
 * more device buffers behind the longer it runs.
 */
class TrainingLoopOpenClTests {

    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();

    private static Sequential binary(Supplier<Optimizer> optimizer) {
        return Sequential.of(new Dense(8, new Relu(), Initializer.he()), new Dropout(0.1, 5),
                new Dense(1, new Sigmoid(), Initializer.he())).build(2, 3)
                .compile(new BinaryCrossEntropy(), optimizer.get(), Metric.accuracy());
    }

    private static History fit(Sequential model, Matrix X, Matrix Y, int epochs) {
        return model.fit(X.columns(0, 300), Y.columns(0, 300), model.loop().epochs(epochs).batchSize(64).shuffle(7)
                .l2(0.01).validation(X.columns(300, 400), Y.columns(300, 400)));
    }

    @Test
    void aSequentialTrainsOnOpenClAsOnTheCpu() {
        History cpu = fit(binary(() -> new Adam(0.01)), PLANAR.X(), PLANAR.Y(), 30);
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.DEVICE_RESIDENT)) {
            Sequential model = binary(() -> new Adam(0.01));
            History device = fit(model, PLANAR.X().to(opencl), PLANAR.Y().to(opencl), 30);
            for (String name : List.of("loss", "val_loss", "accuracy", "val_accuracy")) {
                for (int e = 0; e < 30; e++) {
                    assertThat(device.get(name).get(e)).as("%s at epoch %d", name, e)
                            .isCloseTo(cpu.get(name).get(e), within(1e-10));
                }
            }
            assertThat(model.parameters()).allSatisfy(p -> assertThat(p.backend()).isSameAs(opencl));
        }
    }

    @Test
    void aSoftmaxClassifierPredictsTheSameClassesOnOpenCl() {
        Matrix X = PLANAR.X();
        Matrix Y = PLANAR.Y();
        Sequential cpu = Sequential.of(new Dense(6, new Relu(), Initializer.he()),
                new Dense(2, new Softmax(), Initializer.he())).build(2, 1)
                .compile(new SparseCategoricalCrossEntropy(), new Adam(0.02));
        cpu.fit(X, Y, 20, 100);
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.DEVICE_RESIDENT)) {
            Sequential device = Sequential.of(new Dense(6, new Relu(), Initializer.he()),
                    new Dense(2, new Softmax(), Initializer.he())).build(2, 1)
                    .compile(new SparseCategoricalCrossEntropy(), new Adam(0.02));
            device.fit(X.to(opencl), Y.to(opencl), 20, 100);
            assertThat(device.predictClasses(X.to(opencl)).to(Backends.cpu())).isEqualTo(cpu.predictClasses(X));
        }
    }

    private static void fitSliced(Sequential model, List<Matrix> data, int epochs) {
        model.fit(data.get(0), data.get(1), model.loop().epochs(epochs).batchSize(64).shuffle(7).l2(0.01)
                .validation(data.get(2), data.get(3)));
    }

    @Test
    void trainingLongerLeavesNoMoreDeviceBuffersBehind() {
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.DEVICE_RESIDENT)) {
            Matrix X = PLANAR.X().to(opencl);
            Matrix Y = PLANAR.Y().to(opencl);
            Sequential model = binary(() -> new Adam(0.01));
            List<Matrix> data = List.of(X.columns(0, 300), Y.columns(0, 300), X.columns(300, 400),
                    Y.columns(300, 400));
            fitSliced(model, data, 2);
            int after2 = opencl.liveBuffers();
            fitSliced(model, data, 12);
            assertThat(opencl.liveBuffers()).as("live device buffers after 2 more, then 12 more epochs")
                    .isEqualTo(after2);
        }
    }
}
