package dev.backprop.opencl;

import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_OBJECT_ALLOCATION_FAILURE;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_OUT_OF_HOST_MEMORY;
import static org.jocl.CL.CL_OUT_OF_RESOURCES;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clSetKernelArg;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.BinaryOp;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Reduction;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.matrix.UnaryOp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The {@link Backend} that runs every matrix operation as an OpenCL kernel, on a GPU or any OpenCL device (PoCL
 * runs them on the CPU). The kernels are the {@code .cl} files of this package, one per family: {@code matmul.cl},
 * {@code elementwise.cl}, {@code reduce.cl}, {@code layout.cl}; each opens with the reference loop it must equal.
 *
 * <p>Storage: in {@link Residency#DEVICE_RESIDENT} mode a matrix is a {@link DeviceBuffer}, and the training loop's
 * numbers stay on the device from one iteration to the next; in {@link Residency#COPY_PER_OPERATION} mode it is a
 * host {@code double[]} and each operation copies its operands over and its result back. Precision is
 * {@link Precision#FP64} where the device has {@code cl_khr_fp64}, else (or on request) {@link Precision#FP32};
 * results follow the CPU backend within {@link Precision#tolerance()}.
 *
 * <p>Device memory is not garbage collected: free matrices with {@link dev.backprop.core.matrix.MatrixScope} (as
 * {@code TwoLayerNetwork.nnModel} does) or {@link Matrix#release()}; {@link #close()} frees whatever is left. One
 * thread at a time should use a backend, as with one command queue.
 */
public final class OpenClBackend implements Backend, AutoCloseable {

    private final OpenClDevice device;
    private final Precision precision;
    private final Residency residency;
    private final Tiles tiles;
    private final List<KernelProgram> programs = new ArrayList<>();
    private final Map<UnaryOp, cl_kernel> unary = new EnumMap<>(UnaryOp.class);
    private final Map<BinaryOp, cl_kernel> zip = new EnumMap<>(BinaryOp.class);
    private final Map<BinaryOp, cl_kernel> zipScalar = new EnumMap<>(BinaryOp.class);
    private final Map<MatmulKernel, cl_kernel> matmul = new EnumMap<>(MatmulKernel.class);
    private final Map<Reduction, cl_kernel> reduceRows = new EnumMap<>(Reduction.class);
    private final Map<Reduction, cl_kernel> reduceColumns = new EnumMap<>(Reduction.class);
    private final cl_kernel fill;
    private final cl_kernel transpose;
    private final cl_kernel sliceColumns;
    private final Set<DeviceBuffer> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * The work-group shapes, chosen from the device's limits and passed to the kernels as -D build options.
     * ts: the TS×TS tiles of kernel 2 and of transpose; tsm, tsn, tsk, wptm, wptn: kernel 3; wg: the work-items
     * per row of a reduction and per group of the one-dimensional kernels.
     */
    private record Tiles(int ts, int tsm, int tsn, int tsk, int wptm, int wptn, int wg) {

        static Tiles forDevice(OpenClDevice device, Precision precision, int maxGroup) {
            int ts = maxGroup >= 256 ? 16 : maxGroup >= 64 ? 8 : 4;
            int wg = Integer.highestOneBit(Math.min(256, Math.max(1, maxGroup)));
            if (device.deviceType.equals("CPU") && ts == 16
                    && (64 + 128) * 16L * precision.bytes() <= device.localMemBytes / 2) {
                // A CPU driver (PoCL) runs a work-group on one core as a loop over its work-items, vectorised across
                // them: fewer items with more work each (16×16 elements of C) run faster there, and tiles of 64 rows
                // give a 128×128 product two work-groups, one per core (benchmarks/RESULTS.md has the figures).
                return new Tiles(ts, 64, 128, 16, 16, 16, wg);
            }
            // kernel 3: a TS×TS work-group, each work-item computing 8×8 elements of a (8·TS)×(8·TS) tile of C
            int wpt = 8;
            int tsk = 16;
            // kernel 3 keeps a TSM×TSK tile of A and a TSK×TSN tile of B in local memory: use at most half of it
            while (tsk > 4 && 2L * tsk * wpt * ts * precision.bytes() > device.localMemBytes / 2) {
                tsk /= 2;
            }
            return new Tiles(ts, wpt * ts, wpt * ts, tsk, wpt, wpt, wg);
        }

        String matmulOptions() {
            return "-DTS=" + ts + " -DTSM=" + tsm + " -DTSN=" + tsn + " -DTSK=" + tsk + " -DWPTM=" + wptm
                    + " -DWPTN=" + wptn;
        }
    }

    private OpenClBackend(OpenClDevice device, Precision precision, Residency residency) {
        this.device = device;
        this.precision = precision;
        this.residency = residency;
        try {
            // Build every program once, now, so that a kernel that does not compile fails here and not mid-training.
            Tiles t = Tiles.forDevice(device, precision, device.maxWorkGroupSize);
            KernelProgram matmulProgram = KernelProgram.build(device, "matmul.cl",
                    precision.buildOption() + " " + t.matmulOptions());
            int needed = t.ts() * t.ts();
            long fits = Math.min(matmulProgram.maxWorkGroupSize(matmulProgram.kernel("matmul2_tiled")),
                    matmulProgram.maxWorkGroupSize(matmulProgram.kernel("matmul3_register_blocked")));
            if (fits < needed) {
                // the compiled kernels need more registers than the device has for TS×TS work-items: smaller tiles
                matmulProgram.close();
                t = Tiles.forDevice(device, precision, (int) fits);
                matmulProgram = KernelProgram.build(device, "matmul.cl", precision.buildOption() + " "
                        + t.matmulOptions());
            }
            this.tiles = t;
            programs.add(matmulProgram);
            KernelProgram elementwise = build("elementwise.cl", "");
            KernelProgram reduce = build("reduce.cl", "-DWG=" + t.wg());
            KernelProgram layout = build("layout.cl", "-DTS=" + t.ts());

            // Make every kernel now: a UnaryOp or BinaryOp without its kernel is found at start-up.
            for (MatmulKernel k : MatmulKernel.values()) {
                matmul.put(k, matmulProgram.kernel(k.kernelName()));
            }
            for (UnaryOp op : UnaryOp.values()) {
                unary.put(op, elementwise.kernel("map_" + lowerCase(op)));
            }
            for (BinaryOp op : BinaryOp.values()) {
                zip.put(op, elementwise.kernel("zip_" + lowerCase(op)));
                zipScalar.put(op, elementwise.kernel("zip_scalar_" + lowerCase(op)));
            }
            for (Reduction r : Reduction.values()) {
                reduceRows.put(r, reduce.kernel("reduce_rows_" + lowerCase(r)));
                reduceColumns.put(r, reduce.kernel("reduce_columns_" + lowerCase(r)));
            }
            this.fill = elementwise.kernel("fill");
            this.transpose = layout.kernel("transpose");
            this.sliceColumns = layout.kernel("slice_columns");
        } catch (RuntimeException | Error e) {
            closePrograms();
            throw e;
        }
    }

    private KernelProgram build(String resource, String options) {
        KernelProgram program = KernelProgram.build(device, resource, (precision.buildOption() + " " + options).trim());
        programs.add(program);
        return program;
    }

    private static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** A backend on the best device, in fp64 where it has it, keeping the data on the device. */
    public static OpenClBackend create() {
        return create(null, Residency.DEVICE_RESIDENT);
    }

    /**
     * A backend on the best device (a GPU, else an accelerator, else a CPU).
     *
     * @param precision {@code null} for the best the device has: fp64 where it has {@code cl_khr_fp64}, else fp32
     * @param residency whether matrices stay on the device or are copied there and back by every operation
     * @throws BackendUnavailableException when OpenCL cannot run here (no library, no platform, no device, fp64
     *                                     asked of a device without it, a kernel that does not build); the message
     *                                     says what is missing and how to install it
     */
    public static OpenClBackend create(Precision precision, Residency residency) {
        OpenClDevice device = OpenClDevice.open();
        try {
            Precision chosen = precision != null ? precision : device.hasFp64 ? Precision.FP64 : Precision.FP32;
            if (chosen == Precision.FP64 && !device.hasFp64) {
                throw new BackendUnavailableException("OpenCL device " + device.deviceName + " has no double "
                        + "precision (cl_khr_fp64); run with -D" + OpenClBackendProvider.PRECISION_PROPERTY + "=fp32");
            }
            return new OpenClBackend(device, chosen, residency);
        } catch (RuntimeException | Error e) {
            device.close();
            throw e;
        }
    }

    // ---------------------------------------------------------------- what it is

    @Override
    public String name() {
        return "opencl";
    }

    /** E.g. {@code OpenCL: pthread-skylake-avx512 (CPU) on Portable Computing Language, fp64, data stays on the device}. */
    @Override
    public String description() {
        return "OpenCL: " + device.deviceName + " (" + device.deviceType + ") on " + device.platformName + ", "
                + precision.label() + ", " + (residency == Residency.DEVICE_RESIDENT
                        ? "data stays on the device" : "operands copied to the device and back for every operation");
    }

    @Override
    public String toString() {
        return description();
    }

    public Precision precision() {
        return precision;
    }

    public Residency residency() {
        return residency;
    }

    /** The device's name, as its driver reports it. */
    public String deviceName() {
        return device.deviceName;
    }

    /** The largest buffer the device allows (CL_DEVICE_MAX_MEM_ALLOC_SIZE), in bytes. */
    long maxAllocBytes() {
        return device.maxAllocBytes;
    }

    /** How many device buffers are allocated and not yet released: a leak shows as a number that keeps growing. */
    public int liveBuffers() {
        return live.size();
    }

    /** Waits until the device has finished every enqueued kernel (kernels run asynchronously; time after this). */
    public void finish() {
        checkOpen();
        clFinish(device.queue);
    }

    // ---------------------------------------------------------------- moving data

    @Override
    public Matrix upload(int rows, int cols, double[] rowMajor) {
        Shape shape = Shape.of("upload", rows, cols);
        if (rowMajor.length != shape.size()) {
            throw new IllegalArgumentException("upload: " + rowMajor.length + " numbers for shape "
                    + shape.compact());
        }
        if (residency == Residency.DEVICE_RESIDENT) {
            return Matrix.wrap(this, rows, cols, allocate("upload", shape, rowMajor));
        }
        // on the host, but rounded as the device would hold it
        double[] copy = rowMajor.clone();
        if (precision == Precision.FP32) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = (float) copy[i];
            }
        }
        return Matrix.wrap(this, rows, cols, copy);
    }

    @Override
    public double[] download(Matrix a) {
        checkOpen();
        if (a.storage() instanceof DeviceBuffer buffer) {
            return read(buffer);
        }
        return ((double[]) a.storage()).clone();
    }

    @Override
    public Matrix full(int rows, int cols, double value) {
        try (Operation op = new Operation()) {
            DeviceBuffer C = op.result("full", rows, cols);
            fill(C, value);
            return op.out(C, rows, cols);
        }
    }

    // ---------------------------------------------------------------- matrix product

    /** C = op(A)·op(B) with the kernel {@link #matmulKernelFor} picks for these sizes. */
    @Override
    public Matrix matmul(Matrix a, Matrix b) {
        return matmul(a, b, matmulKernelFor(a.rows(), b.cols(), a.cols()));
    }

    /**
     * The kernel {@link #matmul(Matrix, Matrix)} uses for C (M, N) = (M, K)·(K, N): the register-blocked kernel when
     * C has at least one of its TSM×TSN tiles, the tiled kernel when it has at least one TS×TS tile, and the naive
     * one for the smallest products, where a tile would be mostly empty.
     */
    public MatmulKernel matmulKernelFor(int M, int N, int K) {
        if (M >= tiles.tsm() && N >= tiles.tsn()) {
            return MatmulKernel.REGISTER_BLOCKED;
        }
        if (M >= tiles.ts() && N >= tiles.ts() && K >= tiles.ts()) {
            return MatmulKernel.TILED;
        }
        return MatmulKernel.NAIVE;
    }

    /**
     * C = op(A)·op(B) with a chosen kernel of {@code matmul.cl}, for benchmarks and tests; op is the transpose for an
     * operand that is a {@link Matrix#T() transposed view}, which the kernel reads in place through strides.
     */
    public Matrix matmul(Matrix a, Matrix b, MatmulKernel kernel) {
        if (a.backend() != this || b.backend() != this) {
            throw new IllegalArgumentException("matmul: operands live on " + a.backend().name() + " and "
                    + b.backend().name() + ", not on this OpenCL backend");
        }
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("matmul: shapes " + a.shape().compact() + " and "
                    + b.shape().compact() + " not aligned: " + a.cols() + " (dim 1) != " + b.rows() + " (dim 0)");
        }
        int M = a.rows();
        int K = a.cols();
        int N = b.cols();
        // op(A)(m, k) = A[m*sa0 + k*sa1]: a transposed view's storage is the (K, M) matrix, so strides (1, M)
        int sa0 = a.isTransposed() ? 1 : K;
        int sa1 = a.isTransposed() ? M : 1;
        int sb0 = b.isTransposed() ? 1 : N;
        int sb1 = b.isTransposed() ? K : 1;
        try (Operation op = new Operation()) {
            DeviceBuffer C = op.result("dot", M, N);
            if (K == 0) {
                fill(C, 0.0);   // an empty sum
            } else if (M * N > 0) {
                DeviceBuffer A = op.in(a);
                DeviceBuffer B = op.in(b);
                long[] local;
                long[] global;
                if (kernel == MatmulKernel.REGISTER_BLOCKED) {
                    int rtsn = tiles.tsn() / tiles.wptn();
                    int rtsm = tiles.tsm() / tiles.wptm();
                    local = new long[] {rtsn, rtsm};
                    global = new long[] {ceilDiv(N, tiles.tsn()) * rtsn, ceilDiv(M, tiles.tsm()) * rtsm};
                } else {
                    local = new long[] {tiles.ts(), tiles.ts()};
                    global = new long[] {roundUp(N, tiles.ts()), roundUp(M, tiles.ts())};
                }
                launch(matmul.get(kernel), global, local, M, N, K, A, sa0, sa1, B, sb0, sb1, C);
            }
            return op.out(C, M, N);
        }
    }

    // ---------------------------------------------------------------- elementwise

    @Override
    public Matrix map(UnaryOp op, double p, Matrix a) {
        int n = a.size();
        try (Operation o = new Operation()) {
            DeviceBuffer C = o.result(lowerCase(op), a.rows(), a.cols());
            if (n > 0) {
                launch1D(unary.get(op), n, o.in(a), C, p, n);
            }
            return o.out(C, a.rows(), a.cols());
        }
    }

    @Override
    public Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out) {
        int n = out.size();
        try (Operation o = new Operation()) {
            DeviceBuffer C = o.result(op.symbol(), out.rows(), out.cols());
            if (n > 0) {
                // broadcasting: a dimension of size 1 is read with stride 0
                int aRowStride = a.rows() == 1 ? 0 : a.cols();
                int aColStride = a.cols() == 1 ? 0 : 1;
                int bRowStride = b.rows() == 1 ? 0 : b.cols();
                int bColStride = b.cols() == 1 ? 0 : 1;
                launch1D(zip.get(op), n, o.in(a), aRowStride, aColStride, o.in(b), bRowStride, bColStride, C,
                        out.rows(), out.cols());
            }
            return o.out(C, out.rows(), out.cols());
        }
    }

    @Override
    public Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst) {
        int n = a.size();
        try (Operation o = new Operation()) {
            DeviceBuffer C = o.result(op.symbol(), a.rows(), a.cols());
            if (n > 0) {
                launch1D(zipScalar.get(op), n, o.in(a), s, scalarFirst ? 1 : 0, C, n);
            }
            return o.out(C, a.rows(), a.cols());
        }
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Axis 1 and everything run {@code reduce_rows_f}: a work-group per row. Everything is done in two passes when
     * the matrix is large: the flat array is cut into chunks of {@code 32·WG} numbers, each chunk is reduced like a
     * row, and then the row of chunk results. Axis 0 runs {@code reduce_columns_f}, a work-item per column.
     */
    @Override
    public Matrix reduce(Reduction reduction, Matrix a, int axis) {
        int rows = a.rows();
        int cols = a.cols();
        int n = a.size();
        double identity = reduction == Reduction.SUM ? 0.0 : Double.NEGATIVE_INFINITY;
        int wg = tiles.wg();
        try (Operation o = new Operation()) {
            switch (axis) {
                case 1 -> {
                    DeviceBuffer out = o.result(lowerCase(reduction), rows, 1);
                    if (n == 0) {
                        fill(out, identity);
                    } else {
                        launch(reduceRows.get(reduction), new long[] {(long) rows * wg}, new long[] {wg},
                                o.in(a), cols, n, out);
                    }
                    return o.out(out, rows, 1);
                }
                case 0 -> {
                    DeviceBuffer out = o.result(lowerCase(reduction), 1, cols);
                    if (n == 0) {
                        fill(out, identity);
                    } else {
                        launch1D(reduceColumns.get(reduction), cols, o.in(a), rows, cols, out);
                    }
                    return o.out(out, 1, cols);
                }
                case -1 -> {
                    DeviceBuffer out = o.result(lowerCase(reduction), 1, 1);
                    if (n == 0) {
                        fill(out, identity);
                    } else if (n <= 64 * wg) {
                        // one work-group for everything
                        launch(reduceRows.get(reduction), new long[] {wg}, new long[] {wg}, o.in(a), n, n, out);
                    } else {
                        // pass 1: a chunk per work-group; pass 2: the row of chunk results
                        int chunk = 32 * wg;
                        int chunks = ceilDiv(n, chunk);
                        DeviceBuffer partial = o.temporary(chunks);
                        launch(reduceRows.get(reduction), new long[] {(long) chunks * wg}, new long[] {wg},
                                o.in(a), chunk, n, partial);
                        launch(reduceRows.get(reduction), new long[] {wg}, new long[] {wg},
                                partial, chunks, chunks, out);
                    }
                    return o.out(out, 1, 1);
                }
                default -> throw new IllegalArgumentException("reduce: axis " + axis + " (expected 0, 1 or -1)");
            }
        }
    }

    // ---------------------------------------------------------------- layout

    @Override
    public Matrix transpose(Matrix a) {
        int rows = a.rows();
        int cols = a.cols();
        try (Operation o = new Operation()) {
            DeviceBuffer B = o.result("transpose", cols, rows);
            if (rows * cols > 0) {
                int ts = tiles.ts();
                launch(transpose, new long[] {roundUp(cols, ts), roundUp(rows, ts)}, new long[] {ts, ts},
                        o.in(a), rows, cols, B);
            }
            return o.out(B, cols, rows);
        }
    }

    @Override
    public Matrix sliceColumns(Matrix a, int from, int to) {
        int rows = a.rows();
        int width = to - from;
        try (Operation o = new Operation()) {
            DeviceBuffer B = o.result("columns", rows, width);
            if (rows * width > 0) {
                launch1D(sliceColumns, rows * width, o.in(a), a.cols(), from, B, rows, width);
            }
            return o.out(B, rows, width);
        }
    }

    // ---------------------------------------------------------------- memory

    /** True in {@link Residency#DEVICE_RESIDENT} mode: new matrices join the open {@code MatrixScope}. */
    @Override
    public boolean needsRelease() {
        return residency == Residency.DEVICE_RESIDENT;
    }

    /** Frees the matrix's device buffer; a call for a host-resident matrix does nothing. */
    @Override
    public boolean release(Matrix a) {
        if (a.storage() instanceof DeviceBuffer buffer) {
            free(buffer);
            return true;
        }
        return false;
    }

    /** Frees every buffer still allocated, then the kernels and programs, the queue and the context. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (DeviceBuffer buffer : new ArrayList<>(live)) {
            free(buffer);
        }
        closePrograms();
        device.close();
    }

    private void closePrograms() {
        for (int i = programs.size() - 1; i >= 0; i--) {
            programs.get(i).close();
        }
        programs.clear();
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this OpenCL backend is closed");
        }
    }

    private void free(DeviceBuffer buffer) {
        if (buffer.release()) {
            live.remove(buffer);
        }
    }

    /** A new buffer for a matrix of {@code shape}, made by operation {@code op}, not initialised. */
    private DeviceBuffer allocate(String op, Shape shape) {
        return createBuffer(op, shape, CL_MEM_READ_WRITE, null);
    }

    /** A new buffer holding {@code data}, the elements of a matrix of {@code shape}, in the device's precision. */
    private DeviceBuffer allocate(String op, Shape shape, double[] data) {
        if (data.length == 0) {
            return allocate(op, shape);
        }
        Pointer host = precision == Precision.FP64 ? Pointer.to(data) : Pointer.to(toFloats(data));
        return createBuffer(op, shape, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, host);
    }

    private DeviceBuffer createBuffer(String op, Shape shape, long flags, Pointer host) {
        checkOpen();
        int elements = shape.size();
        long bytes = (long) elements * precision.bytes();
        if (elements == 0) {
            return new DeviceBuffer(null, 0, 0);   // OpenCL has no empty buffers; nothing reads it
        }
        if (bytes > device.maxAllocBytes) {
            // checked here: the driver would answer a bare CL_INVALID_BUFFER_SIZE
            throw new BackendUnavailableException(op + ": OpenCL device " + device.deviceName + " cannot hold Matrix "
                    + shape + ": it needs " + mib(bytes) + " (" + precision.label() + ") in one buffer, and the device "
                    + "allows at most " + mib(device.maxAllocBytes) + " per buffer (CL_DEVICE_MAX_MEM_ALLOC_SIZE); "
                    + "train on smaller batches" + (precision == Precision.FP64 ? ", use -D"
                    + OpenClBackendProvider.PRECISION_PROPERTY + "=fp32," : "") + " or use the CPU backend");
        }
        try {
            // Create a buffer in device memory (and copy host data into it when given).
            DeviceBuffer buffer = new DeviceBuffer(clCreateBuffer(device.context, flags, bytes, host, null),
                    elements, bytes);
            live.add(buffer);
            return buffer;
        } catch (CLException e) {
            throw isOutOfMemory(e) ? outOfMemory(op + ": Matrix " + shape + ": ", bytes, e) : e;
        }
    }

    /** The buffer's numbers, copied to the host as doubles (the call waits for the kernels that write it). */
    private double[] read(DeviceBuffer buffer) {
        int n = buffer.elements();
        double[] out = new double[n];
        if (n == 0) {
            return out;
        }
        // Copy the buffer to the host; CL_TRUE blocks until the numbers are here, after the kernels that write them.
        if (precision == Precision.FP64) {
            clEnqueueReadBuffer(device.queue, buffer.mem(), CL_TRUE, 0, buffer.bytes(), Pointer.to(out), 0, null,
                    null);
        } else {
            float[] f = new float[n];
            clEnqueueReadBuffer(device.queue, buffer.mem(), CL_TRUE, 0, buffer.bytes(), Pointer.to(f), 0, null,
                    null);
            for (int i = 0; i < n; i++) {
                out[i] = f[i];
            }
        }
        return out;
    }

    private static float[] toFloats(double[] data) {
        float[] f = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            f[i] = (float) data[i];
        }
        return f;
    }

    private static boolean isOutOfMemory(CLException e) {
        int status = e.getStatus();
        return status == CL_MEM_OBJECT_ALLOCATION_FAILURE || status == CL_OUT_OF_RESOURCES
                || status == CL_OUT_OF_HOST_MEMORY;
    }

    /** {@code what}: the operation and shape that asked, e.g. "dot: Matrix (4096, 4096): ", or nothing. */
    private BackendUnavailableException outOfMemory(String what, long bytes, CLException cause) {
        long liveBytes = 0;
        for (DeviceBuffer b : live) {
            liveBytes += b.bytes();
        }
        String message = what + "OpenCL device " + device.deviceName + " is out of memory: cannot allocate " + mib(bytes)
                + " (" + live.size() + " buffers, " + mib(liveBytes) + " in use; the device allows "
                + mib(device.maxAllocBytes) + " per buffer, " + mib(device.globalMemBytes) + " in all); free "
                + "matrices with MatrixScope, train on smaller batches, or use -D"
                + OpenClBackendProvider.PRECISION_PROPERTY + "=fp32";
        return cause == null ? new BackendUnavailableException(message)
                : new BackendUnavailableException(message + " (" + cause.getMessage() + ")", cause);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    // ---------------------------------------------------------------- launching kernels

    private void fill(DeviceBuffer C, double value) {
        if (C.elements() > 0) {
            launch1D(fill, C.elements(), C, value, C.elements());
        }
    }

    /** A one-dimensional launch: n work-items, rounded up to whole work-groups of WG. */
    private void launch1D(cl_kernel kernel, int n, Object... args) {
        launch(kernel, new long[] {roundUp(n, tiles.wg())}, new long[] {tiles.wg()}, args);
    }

    /**
     * Binds the arguments in order (a DeviceBuffer, an Integer for an {@code int}, a Double for a {@code real}) and
     * enqueues the kernel. It returns at once; the in-order queue runs kernels one after the other.
     */
    private synchronized void launch(cl_kernel kernel, long[] global, long[] local, Object... args) {
        checkOpen();
        // Bind the kernel arguments, in the order of the kernel's parameters.
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof DeviceBuffer buffer) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(buffer.mem()));
            } else if (arg instanceof Integer value) {
                clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {value}));
            } else if (arg instanceof Double value) {
                if (precision == Precision.FP64) {
                    clSetKernelArg(kernel, i, Sizeof.cl_double, Pointer.to(new double[] {value}));
                } else {
                    clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {value.floatValue()}));
                }
            } else {
                throw new IllegalArgumentException("kernel argument " + i + ": " + arg);
            }
        }
        try {
            // Enqueue the kernel over the NDRange: global work-items in work-groups of local.
            clEnqueueNDRangeKernel(device.queue, kernel, global.length, null, global, local, 0, null, null);
        } catch (CLException e) {
            throw isOutOfMemory(e) ? outOfMemory("", 0, e) : e;
        }
    }

    private static long roundUp(int n, int multiple) {
        return (long) ceilDiv(n, multiple) * multiple;
    }

    /** ⌈n / d⌉, in long arithmetic: n + d − 1 would overflow an int for n near 2³¹. */
    private static int ceilDiv(int n, int d) {
        return (int) ((n + (long) d - 1) / d);
    }

    /**
     * The buffers of one operation. Device-resident, an operand's buffer is its own and the result becomes the new
     * matrix's storage. Copied per operation, the operands are uploaded for this operation only, and the result is
     * read back into a host array; closing the operation frees those buffers.
     */
    private final class Operation implements AutoCloseable {

        private final List<DeviceBuffer> temporaries = new ArrayList<>();

        /** The device buffer holding operand {@code a} (for a transposed view, its untransposed storage). */
        DeviceBuffer in(Matrix a) {
            if (a.storage() instanceof DeviceBuffer buffer) {
                return buffer;
            }
            DeviceBuffer uploaded = allocate("upload", a.shape(), (double[]) a.storage());
            temporaries.add(uploaded);
            return uploaded;
        }

        /**
         * A buffer for the (rows, cols) result of {@code op}: freed by {@link #close()} unless {@link #out} hands it
         * to a matrix.
         */
        DeviceBuffer result(String op, int rows, int cols) {
            DeviceBuffer buffer = allocate(op, Shape.of(op, rows, cols));
            temporaries.add(buffer);
            return buffer;
        }

        /** A buffer for intermediate numbers, freed by {@link #close()}. */
        DeviceBuffer temporary(int elements) {
            return result("reduce", 1, elements);
        }

        /** The result as a matrix of this backend: the buffer itself, or its numbers copied to the host. */
        Matrix out(DeviceBuffer result, int rows, int cols) {
            if (residency == Residency.DEVICE_RESIDENT) {
                temporaries.remove(result);
                return Matrix.wrap(OpenClBackend.this, rows, cols, result);
            }
            return Matrix.wrap(OpenClBackend.this, rows, cols, read(result));
        }

        @Override
        public void close() {
            for (int i = temporaries.size() - 1; i >= 0; i--) {
                free(temporaries.get(i));
            }
        }
    }
}
