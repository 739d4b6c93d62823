package dev.backprop.lessons;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.data.PlanarDataset;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.TwoLayerNetwork;
import dev.backprop.core.random.NumpyRandom;
import dev.backprop.opencl.MatmulKernel;
import dev.backprop.opencl.OpenClBackend;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * <i>Introduction to Deep Learning</i>, "why GPUs": the same matrix math and the same network on an OpenCL device,
 * with readable kernels.
 */
public final class OpenClLesson implements Lesson {

    @Override
    public int number() {
        return 7;
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String title() {
        return "GPUs and OpenCL";
    }

    @Override
    public void run(LessonLog log) {
        log.step("(a+b)×(c+d): parallel work", """
                *Introduction to Deep Learning* (the TensorFlow deck): a GPU is massively parallel. In
                $(a+b) \\times (c+d)$ the two sums do not depend on each other, so two workers can compute them at
                once and a third multiplies: three steps become two.
                A matrix product is the extreme case: every element $C_{mn} = \\sum_k A_{mk} B_{kn}$ is
                independent, so a (1000, 1000) product is a million small jobs that can all run at the same time.
                """);
        double a = 1.5;
        double b = 2.5;
        double c = 3;
        double d = 4;
        log.printf("sequential: t1 = a+b = %.1f, t2 = c+d = %.1f, t3 = t1×t2 = %.1f  (3 steps)", a + b, c + d,
                (a + b) * (c + d));
        log.println("parallel:   {t1 = a+b | t2 = c+d} then t3 = t1×t2                (2 steps)");
        log.println("C = A·B with A (1000, 1000): 1 000 000 independent dot products of length 1000");

        log.step("The matrix-multiply kernel", """
                An OpenCL kernel is a function that runs once per **work-item**; the host launches a grid of
                work-items (the NDRange), here one per element of $C$. The kernel file opens with the reference
                loop every kernel in it must equal. Below: that banner and kernel 1, the naive kernel.
                """);
        String source = resource("/dev/backprop/opencl/matmul.cl");
        int naiveStart = source.indexOf("__kernel void matmul1_naive");
        int naiveEnd = source.indexOf("\n}\n", naiveStart) + 3;
        String banner = source.substring(source.indexOf("// Reference loop"), source.indexOf("// Work-items"));
        log.println(banner.strip());
        log.println("");
        log.println(source.substring(naiveStart, naiveEnd).strip());

        log.step("Naive vs tiled", """
                The naive kernel reads every $A_{mk}$ and $B_{kn}$ from global memory: for an $n \\times n$ product
                that is $2n^3$ slow reads. The **tiled** kernel lets a work-group of TS×TS work-items copy one
                TS×TS tile of A and one of B into fast **local memory**, wait at a barrier until the whole tile is
                there, multiply from local memory, and wait again before the next tile overwrites it: each number
                is read from global memory $n/TS$ times instead of $n$ times, $TS$ times fewer reads. The third
                kernel also keeps a small block of $C$ in registers per work-item. All three give the same numbers.
                """);
        OpenClBackend device = openDevice(log);
        NumpyRandom random = new NumpyRandom(0);
        Matrix A = random.randn(200, 300);
        Matrix B = random.randn(300, 150);
        Matrix reference = A.dot(B);
        if (device != null) {
            Matrix Ad = A.to(device);
            Matrix Bd = B.to(device);
            for (MatmulKernel kernel : MatmulKernel.values()) {
                Matrix C = device.matmul(Ad, Bd, kernel).to(Backends.cpu());
                log.printf("%-16s (200, 300)·(300, 150): largest difference from the CPU %.1e", kernel,
                        C.minus(reference).abs().max());
            }
        }

        log.step("CPU vs OpenCL, growing sizes", """
                The time of one $n \\times n$ product on the CPU backend and on the device (data already on the
                device, the time includes waiting for the result). A device pays a fixed cost to launch a kernel,
                so small products are faster on the CPU; the **crossover** is the size where the device starts to
                win. On PoCL, OpenCL's CPU driver, the "device" is the same processor, so there may be none.
                """);
        int[] sizes = {16, 32, 64, 128, 256, 384};
        double[] cpuMs = new double[sizes.length];
        double[] deviceMs = new double[sizes.length];
        int crossover = -1;
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            Matrix P = random.rand(n, n);
            Matrix Q = random.rand(n, n);
            cpuMs[k] = bestOf(() -> P.dot(Q));
            if (device != null) {
                Matrix Pd = P.to(device);
                Matrix Qd = Q.to(device);
                deviceMs[k] = bestOf(() -> {
                    Matrix R = Pd.dot(Qd);
                    device.finish();
                    return R;
                });
            }
            log.elapsed(String.format("n = %3d: CPU", n), cpuMs[k] / 1000);
            if (device != null) {
                log.elapsed(String.format("n = %3d: OpenCL", n), deviceMs[k] / 1000);
            }
        }
        // the crossover: the smallest size from which the device wins at every larger size too
        for (int k = sizes.length - 1; k >= 0 && device != null && deviceMs[k] < cpuMs[k]; k--) {
            crossover = sizes[k];
        }
        if (device != null) {
            log.measured(crossover > 0 ? "crossover: from n = " + crossover + " the device is faster"
                    : "no crossover up to n = 384: on this device the CPU backend is as fast or faster");
        }
        XYChart chart = Charts.xy("Matrix product: time against size", "n (an n × n product)", "milliseconds");
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("CPU backend", cpuMs);
        if (device != null) {
            series.put("OpenCL: " + device.deviceName(), deviceMs);
        }
        double[] x = Arrays.stream(sizes).asDoubleStream().toArray();
        series.forEach((label, ms) -> {
            XYSeries s = chart.addSeries(label, x, ms);
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        log.measuredPlot("cpu-vs-opencl", chart);

        log.step("The planar network on the device", """
                The workshop's two-layer network, the very same `nn_model` code, with X and Y moved to the device:
                the weights and activations stay there for all 10 000 iterations, and only the cost, every 100
                iterations (for the plot; every 1000th is printed), comes back to the host. Beside it, the CPU's
                cost: the device sums in another order, so the two part in the last digits, and 10 000 steps of
                feedback carry that into the fifth decimal.
                """);
        Dataset planar = PlanarDataset.loadPlanarDataset();
        double[][] cpuCurve = new double[2][100];
        TwoLayerNetwork.nnModel(planar.X(), planar.Y(), 4, 10_000, TwoLayerNetwork.LEARNING_RATE, 100, (i, cost) -> {
            cpuCurve[0][i / 100] = i;
            cpuCurve[1][i / 100] = cost;
        });
        Map<String, double[][]> curves = new LinkedHashMap<>();
        curves.put("CPU backend", cpuCurve);
        if (device == null) {
            log.println("no OpenCL device: the CPU trajectory only");
            for (int k = 0; k < 100; k += 10) {
                log.printf("Cost after iteration %d: %f", (int) cpuCurve[0][k], cpuCurve[1][k]);
            }
        } else {
            double[][] deviceCurve = new double[2][100];
            TwoLayerNetwork.Parameters trained = TwoLayerNetwork.nnModel(planar.X().to(device),
                    planar.Y().to(device), 4, 10_000, TwoLayerNetwork.LEARNING_RATE, 100, (i, cost) -> {
                        deviceCurve[0][i / 100] = i;
                        deviceCurve[1][i / 100] = cost;
                        if (i % 1000 == 0) {
                            log.printf("Cost after iteration %d: %f   (CPU: %f)", i, cost, cpuCurve[1][i / 100]);
                        }
                    });
            double worst = 0;
            for (int k = 0; k < 100; k++) {
                worst = Math.max(worst, Math.abs(cpuCurve[1][k] - deviceCurve[1][k]));
            }
            log.printf("largest difference from the CPU trajectory: %.1e (%s)", worst, device.precision());
            double accuracy = TwoLayerNetwork.accuracy(TwoLayerNetwork.predict(trained, planar.X().to(device)),
                    planar.Y().to(device));
            log.printf("Accuracy on the device: %.2f %%", accuracy);
            curves.put("OpenCL: " + device.deviceName() + ", " + device.precision(), deviceCurve);
            if (device != log.backend()) {
                device.close();
            }
        }
        XYChart costs = Charts.costCurve("The planar network: cost on the CPU and on the device", curves);
        // the device's curve lies on the CPU's: the CPU's is drawn thick and pale, the device's dashed on top
        XYSeries cpu = costs.getSeriesMap().get("CPU backend");
        cpu.setLineWidth(7f);
        cpu.setLineColor(new Color(0x4E, 0x79, 0xA7, 0x70));
        for (XYSeries deviceSeries : costs.getSeriesMap().values()) {
            if (deviceSeries != cpu) {
                deviceSeries.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {8f, 6f}, 0f));
            }
        }
        log.plot("cost-cpu-vs-device", costs);
    }

    /** The OpenCL backend, or null after saying why there is none. */
    private static OpenClBackend openDevice(LessonLog log) {
        if (log.backend() instanceof OpenClBackend chosen) {
            log.println("device: " + chosen.description());
            return chosen;
        }
        try {
            OpenClBackend device = OpenClBackend.create();
            log.println("device: " + device.description());
            return device;
        } catch (BackendUnavailableException e) {
            log.println("no OpenCL here: " + e.getMessage());
            log.println("the device parts of this lesson are skipped; the CPU parts still run");
            return null;
        }
    }

    /** The best of five runs, in milliseconds, after two warm-up runs. */
    private static double bestOf(Supplier<Matrix> work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            long start = System.nanoTime();
            work.get();
            double ms = (System.nanoTime() - start) / 1e6;
            if (i >= 2) {
                best = Math.min(best, ms);
            }
        }
        return best;
    }

    private static String resource(String name) {
        try (InputStream in = OpenClBackend.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
