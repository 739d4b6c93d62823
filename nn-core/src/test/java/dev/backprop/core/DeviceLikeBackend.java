package dev.backprop.core;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BinaryOp;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.Reduction;
import dev.backprop.core.matrix.Shape;
import dev.backprop.core.matrix.UnaryOp;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A test backend that behaves like a device: its matrices are not the CPU's (mixing the two throws, so code that
 * builds a constant on the CPU and forgets {@code .to(backend)} fails), it {@linkplain #needsRelease needs
 * release} (so {@link dev.backprop.core.matrix.MatrixScope} frees its temporaries), and it counts the buffers still
 * alive and refuses to read a released one. The arithmetic is the CPU backend's, so results are bit-identical.
 */
public final class DeviceLikeBackend implements Backend {

    /** A device buffer: the numbers, and whether it has been freed. */
    private static final class Buffer {
        final double[] data;
        boolean released;

        Buffer(double[] data) {
            this.data = data;
        }
    }

    private final Set<Buffer> live = Collections.newSetFromMap(new IdentityHashMap<>());

    /** The buffers allocated and not yet released. */
    public int liveBuffers() {
        return live.size();
    }

    @Override
    public String name() {
        return "device-like";
    }

    @Override
    public String description() {
        return "test backend: CPU arithmetic in device-like buffers that must be released";
    }

    private Matrix device(int rows, int cols, double[] data) {
        Buffer buffer = new Buffer(data);
        live.add(buffer);
        return Matrix.wrap(this, rows, cols, buffer);
    }

    private Matrix device(Matrix cpu) {
        return device(cpu.rows(), cpu.cols(), cpu.toArray());
    }

    /** The CPU twin of a device matrix (a transposed view stays a view). */
    private static Matrix host(Matrix a) {
        Buffer buffer = (Buffer) a.storage();
        if (buffer.released) {
            throw new IllegalStateException("device-like: " + a.shape().compact() + " read after release");
        }
        return a.isTransposed() ? Matrix.of(a.cols(), a.rows(), buffer.data).T()
                : Matrix.of(a.rows(), a.cols(), buffer.data);
    }

    private static Backend cpu() {
        return dev.backprop.core.matrix.Backends.cpu();
    }

    @Override
    public Matrix upload(int rows, int cols, double[] rowMajor) {
        return device(rows, cols, rowMajor.clone());
    }

    @Override
    public double[] download(Matrix a) {
        return host(a).toArray();
    }

    @Override
    public Matrix full(int rows, int cols, double value) {
        return device(Matrix.full(rows, cols, value));
    }

    @Override
    public Matrix matmul(Matrix a, Matrix b) {
        return device(host(a).dot(host(b)));
    }

    @Override
    public Matrix transpose(Matrix a) {
        return device(host(a).T().contiguous());
    }

    @Override
    public Matrix map(UnaryOp op, double p, Matrix a) {
        return device(host(a).map(op, p));
    }

    @Override
    public Matrix zip(BinaryOp op, Matrix a, Matrix b, Shape out) {
        return device(host(a).zip(op, host(b)));
    }

    @Override
    public Matrix zipScalar(BinaryOp op, Matrix a, double s, boolean scalarFirst) {
        return device(cpu().zipScalar(op, host(a), s, scalarFirst));
    }

    @Override
    public Matrix reduce(Reduction reduction, Matrix a, int axis) {
        return device(cpu().reduce(reduction, host(a), axis));
    }

    @Override
    public Matrix sliceColumns(Matrix a, int from, int to) {
        return device(host(a).columns(from, to));
    }

    @Override
    public boolean release(Matrix a) {
        Buffer buffer = (Buffer) a.storage();
        if (buffer.released) {
            throw new IllegalStateException("device-like: " + a.shape().compact() + " released twice");
        }
        buffer.released = true;
        live.remove(buffer);
        return true;
    }

    @Override
    public boolean needsRelease() {
        return true;
    }
}
