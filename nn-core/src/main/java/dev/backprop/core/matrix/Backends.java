package dev.backprop.core.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds backends by name: {@code cpu} is always here; others are found on the class path through
 * {@link ServiceLoader} ({@link BackendProvider}), so that {@code nn-core} itself depends on nothing.
 *
 * <p>{@code cpu} names the fastest CPU backend that can start here: {@value #FAST_CPU} (module {@code cpu-fast},
 * which needs the JVM flag {@code --add-modules=jdk.incubator.vector}) where it can, else the reference
 * {@link CpuBackend}, which {@value #REFERENCE_CPU} and {@link #cpu()} always name.
 */
public final class Backends {

    /** The name that picks the fastest CPU backend that can start here ({@link #defaultCpu()}). */
    public static final String DEFAULT_CPU = "cpu";

    /** The name of the SIMD backend of module {@code cpu-fast}. */
    public static final String FAST_CPU = "cpu-fast";

    /** The name that always means the reference backend's plain loops. */
    public static final String REFERENCE_CPU = "cpu-reference";

    private Backends() {
    }

    /** The reference backend. */
    public static Backend cpu() {
        return CpuBackend.INSTANCE;
    }

    /** The names of every backend a provider on the class path offers, {@code cpu} and {@code cpu-reference} first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(DEFAULT_CPU);
        names.add(REFERENCE_CPU);
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            names.add(provider.name());
        }
        return names;
    }

    /**
     * The backend called {@code name}, from its provider. Providers share one backend per device and configuration
     * (the {@code opencl} provider does), so two calls give matrices that can be mixed.
     *
     * @throws BackendUnavailableException when no provider has that name, or its provider cannot start it
     *                                     (no driver, no device): the message says what is missing
     */
    public static Backend byName(String name) {
        if (name.equals(DEFAULT_CPU)) {
            return defaultCpu();
        }
        if (name.equals(REFERENCE_CPU)) {
            return CpuBackend.INSTANCE;
        }
        Optional<BackendProvider> provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name))
                .findFirst();
        return provider.orElseThrow(() -> new BackendUnavailableException(
                "no backend called '" + name + "' (known: " + String.join(", ", names()) + ")")).create();
    }

    /**
     * The CPU backend {@code ./workshop} and the lessons train on: {@value #FAST_CPU} where its provider is on the
     * class path and can start (the results then differ from the reference's in their last bits only), else the
     * reference {@link #cpu()}.
     */
    public static Backend defaultCpu() {
        return DefaultCpu.BACKEND;
    }

    /** Found once, on first use. */
    private static final class DefaultCpu {
        static final Backend BACKEND = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(FAST_CPU))
                .findFirst()
                .flatMap(p -> {
                    try {
                        return Optional.of(p.create());
                    } catch (BackendUnavailableException e) {
                        return Optional.empty();
                    }
                })
                .orElse(CpuBackend.INSTANCE);
    }
}
