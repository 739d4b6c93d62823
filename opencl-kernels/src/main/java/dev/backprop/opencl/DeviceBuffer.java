package dev.backprop.opencl;

import static org.jocl.CL.clReleaseMemObject;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jocl.cl_mem;

/**
 * The storage of a device-resident {@link dev.backprop.core.matrix.Matrix}: one OpenCL buffer of {@code elements}
 * numbers, row-major. An empty matrix has no buffer. Released at most once, however often it is asked to be.
 */
final class DeviceBuffer {

    private final cl_mem mem;
    private final int elements;
    private final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    DeviceBuffer(cl_mem mem, int elements, long bytes) {
        this.mem = mem;
        this.elements = elements;
        this.bytes = bytes;
    }

    /** The buffer, for a kernel argument or a copy. */
    cl_mem mem() {
        if (released.get()) {
            throw new IllegalStateException("this matrix's device buffer was released (its MatrixScope closed, "
                    + "or release() was called): keep it with scope.keep(...) to use it later");
        }
        return mem;
    }

    int elements() {
        return elements;
    }

    long bytes() {
        return bytes;
    }

    /** Frees the device memory; true the first time, false when it was already free. */
    boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        if (mem != null) {
            clReleaseMemObject(mem);
        }
        return true;
    }
}
