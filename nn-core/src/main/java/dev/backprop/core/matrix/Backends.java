package dev.backprop.core.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds backends by name: {@code cpu} is always here; others are found on the class path through
 * {@link ServiceLoader} ({@link BackendProvider}), so that {@code nn-core} itself depends on nothing.
 */
public final class Backends {

    private Backends() {
    }

    /** The reference backend. */
    public static Backend cpu() {
        return CpuBackend.INSTANCE;
    }

    /** The names of every backend a provider on the class path offers, {@code cpu} first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(CpuBackend.INSTANCE.name());
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
        if (name.equals(CpuBackend.INSTANCE.name())) {
            return CpuBackend.INSTANCE;
        }
        Optional<BackendProvider> provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name))
                .findFirst();
        return provider.orElseThrow(() -> new BackendUnavailableException(
                "no backend called '" + name + "' (known: " + String.join(", ", names()) + ")")).create();
    }
}
