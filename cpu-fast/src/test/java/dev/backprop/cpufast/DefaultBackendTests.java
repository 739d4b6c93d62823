package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backprop.core.matrix.Backends;
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
}
