package dev.backprop.core.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.DeviceLikeBackend;
import dev.backprop.core.activation.Relu;
import dev.backprop.core.activation.Sigmoid;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.init.Initializer;
import dev.backprop.core.layer.Dense;
import dev.backprop.core.layer.Dropout;
import dev.backprop.core.loss.BinaryCrossEntropy;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.optim.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop on a backend that behaves like a device ({@link DeviceLikeBackend}: its own buffers, freed by
 * {@link dev.backprop.core.matrix.MatrixScope}, reading a freed one throws): Adam, shuffled mini-batches, dropout,
 * L2, validation and a metric give the CPU's History bit for bit, and the live buffers do not grow with the epochs.
 * The OpenCL module reruns the same run on a real device (TrainingLoopOpenClTests).
 */
class TrainingLoopBackendTests {

    private static final Dataset PLANAR = PlanarDataset.loadPlanarDataset();

    private static Sequential model() {
        return Sequential.of(new Dense(8, new Relu(), Initializer.he()), new Dropout(0.1, 5),
                new Dense(1, new Sigmoid(), Initializer.he())).build(2, 3)
                .compile(new BinaryCrossEntropy(), new Adam(0.01), Metric.accuracy());
    }

    private static History fit(Sequential model, Matrix X, Matrix Y, int epochs) {
        return model.fit(X.columns(0, 300), Y.columns(0, 300), model.loop().epochs(epochs).batchSize(64).shuffle(7)
                .l2(0.01).validation(X.columns(300, 400), Y.columns(300, 400)));
    }

    @Test
    void aDeviceRunRecordsTheCpuHistoryBitForBit() {
        History cpu = fit(model(), PLANAR.X(), PLANAR.Y(), 10);
        DeviceLikeBackend device = new DeviceLikeBackend();
        History onDevice = fit(model(), PLANAR.X().to(device), PLANAR.Y().to(device), 10);
        for (String name : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
            assertThat(onDevice.get(name)).as(name).isEqualTo(cpu.get(name));
        }
    }

    private static void fitSliced(Sequential model, List<Matrix> data, int epochs) {
        model.fit(data.get(0), data.get(1), model.loop().epochs(epochs).batchSize(64).shuffle(7).l2(0.01)
                .validation(data.get(2), data.get(3)));
    }

    @Test
    void trainingLongerLeavesNoMoreBuffersBehind() {
        DeviceLikeBackend device = new DeviceLikeBackend();
        Matrix X = PLANAR.X().to(device);
        Matrix Y = PLANAR.Y().to(device);
        Sequential model = model();
        List<Matrix> data = List.of(X.columns(0, 300), Y.columns(0, 300), X.columns(300, 400),
                Y.columns(300, 400));
        fitSliced(model, data, 2);
        int after2 = device.liveBuffers();
        fitSliced(model, data, 12);
        assertThat(device.liveBuffers()).isEqualTo(after2);
    }
}
