package dev.backprop.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.matrix.MatrixScope;
import dev.backprop.core.matrix.Shape;
import org.junit.jupiter.api.Test;

/** {@code Backends.byName("opencl")} shares one backend per device; too large a matrix names its shape and the limit. */
class OpenClSharedBackendTests {

    private static Backend openclOrSkip() {
        try {
            return Backends.byName("opencl");
        } catch (BackendUnavailableException e) {
            OpenClTestSupport.backendOrSkip(null, Residency.DEVICE_RESIDENT);   // skips, or fails if required
            throw e;
        }
    }

    @Test
    @SuppressWarnings("try")   // the scope only frees the matrices
    void twoByNameCallsGiveOneBackendWhoseMatricesMix() {
        Backend first = openclOrSkip();
        Backend second = Backends.byName("opencl");
        assertThat(second).isSameAs(first);
        try (MatrixScope scope = MatrixScope.open()) {
            Matrix a = Matrix.row(1, 2, 3).to(first);
            Matrix b = Matrix.row(10, 20, 30).to(second);
            assertThat(a.plus(b).toArray()).containsExactly(11, 22, 33);
        }
    }

    @Test
    void aClosedSharedBackendIsReplacedByTheNextCall() {
        OpenClBackend first = (OpenClBackend) openclOrSkip();
        first.close();
        Backend next = Backends.byName("opencl");
        assertThat(next).isNotSameAs(first);
        assertThat(Matrix.row(1, 2).to(next).times(2.0).toArray()).containsExactly(2, 4);
    }

    @Test
    void aShapeBeyondTheDevicesLargestBufferNamesTheShapeAndTheLimit() {
        OpenClBackend opencl = (OpenClBackend) openclOrSkip();
        long maxAlloc = opencl.maxAllocBytes();
        int bytes = opencl.precision().bytes();
        // the smallest (rows, 1024) matrix over the limit, when one fits a Shape
        long rows = maxAlloc / bytes / 1024 + 1;
        org.junit.jupiter.api.Assumptions.assumeTrue(rows * 1024 <= Shape.MAX_ELEMENTS,
                "the device's largest buffer holds more than any Shape");
        assertThatThrownBy(() -> opencl.full((int) rows, 1024, 1.0))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageStartingWith("full: OpenCL device " + opencl.deviceName() + " cannot hold Matrix ("
                        + rows + ", 1024)")
                .hasMessageContaining("CL_DEVICE_MAX_MEM_ALLOC_SIZE")
                .hasMessageNotContaining("CL_INVALID_BUFFER_SIZE");
        assertThatThrownBy(() -> opencl.full(65_536, 65_536, 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("full: shape (65536,65536) has 4294967296 elements");
    }
}
