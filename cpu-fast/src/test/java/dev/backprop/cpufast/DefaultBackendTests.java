package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import org.junit.jupiter.api.Test;

/** With this module on the class path and the Vector API present, {@code cpu} means the fast backend. */
class DefaultBackendTests {

    @Test
    void cpuNamesTheFastBackendAndCpuReferenceThePlainLoops() {
        assertThat(FastCpuBackendProvider.vectorApiPresent()).as("surefire passes --add-modules").isTrue();
        assertThat(Backends.byName("cpu")).isInstanceOf(FastCpuBackend.class).isSameAs(Backends.defaultCpu());
        assertThat(Backends.byName("cpu-fast")).isInstanceOf(FastCpuBackend.class);
        assertThat(Backends.byName("cpu-reference")).isSameAs(Backends.cpu());
        assertThat(Backends.names()).startsWith("cpu", "cpu-reference").contains("cpu-fast");
    }

    @Test
    void eachCpuBackendIsFoundAgainByTheNameItPrints() {
        assertThat(Backends.cpu().name()).isEqualTo("cpu-reference");
        assertThat(Backends.defaultCpu().name()).isEqualTo("cpu-fast");
        assertThat(Backends.byName(Backends.cpu().name())).isSameAs(Backends.cpu());
        assertThat(Backends.byName(Backends.defaultCpu().name())).isInstanceOf(FastCpuBackend.class);
    }

    @Test
    void aMatrixMovesBetweenTheCpuBackendsWithoutACopy() {
        Matrix a = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        Matrix onFast = a.to(Backends.defaultCpu());
        assertThat(onFast.backend()).isSameAs(Backends.defaultCpu());
        assertThat(onFast.storage()).isSameAs(a.storage());
        assertThat(onFast.toArray()).isEqualTo(a.toArray());
        Matrix view = a.T().to(Backends.defaultCpu());
        assertThat(view.isTransposed()).isTrue();
        assertThat(view.shape()).isEqualTo(a.T().shape());
        assertThat(view.toArray()).isEqualTo(a.T().toArray());
        assertThat(onFast.to(Backends.cpu()).storage()).isSameAs(a.storage());
        // the numbers are shared, never changed: an operation on either side makes a new matrix
        assertThat(onFast.plus(1).toArray()).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(a.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }
}
