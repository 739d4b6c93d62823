package dev.backprop.cpufast;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendProvider;
import dev.backprop.core.matrix.BackendUnavailableException;

/**
 * Offers {@link FastCpuBackend} to {@code Backends.byName("cpu-fast")} (and so to the default {@code cpu}) through
 * {@link java.util.ServiceLoader}. It needs the JVM flag {@code --add-modules=jdk.incubator.vector}, which
 * {@code ./workshop} passes; without it, {@link #create()} says so and the reference backend is used.
 *
 * <p>{@value #THREADS_PROPERTY} sets how many threads a large matrix product uses (default: every core).
 */
public final class FastCpuBackendProvider implements BackendProvider {

    /** {@code -Dbackprop.cpu.threads=1} keeps every product on the calling thread. */
    public static final String THREADS_PROPERTY = "backprop.cpu.threads";

    /** The module the backend is written with. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    @Override
    public String name() {
        return "cpu-fast";
    }

    /** Whether this JVM was started with the Vector API ({@code --add-modules=jdk.incubator.vector}). */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    @Override
    public Backend create() {
        if (!vectorApiPresent()) {
            throw new BackendUnavailableException("the fast CPU backend needs the Vector API: start java with "
                    + "--add-modules=" + VECTOR_MODULE + " (./workshop does)");
        }
        String threads = System.getProperty(THREADS_PROPERTY);
        int n = Runtime.getRuntime().availableProcessors();
        if (threads != null) {
            try {
                n = Integer.parseInt(threads.strip());
            } catch (NumberFormatException e) {
                throw new BackendUnavailableException("-D" + THREADS_PROPERTY + "=" + threads + " is not a number");
            }
            if (n < 1) {
                throw new BackendUnavailableException("-D" + THREADS_PROPERTY + "=" + threads + " must be at least 1");
            }
        }
        return FastCpuBackend.withThreads(n);
    }
}
