package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;

/** Run in a child JVM by {@link OpenClFailureTests}: prints what {@code Backends.byName("opencl")} gives. */
public final class ProbeBackend {

    private ProbeBackend() {
    }

    public static void main(String[] args) throws Exception {
        try {
            Backend backend = Backends.byName("opencl");
            System.out.println("STARTED " + backend.description());
            ((AutoCloseable) backend).close();
        } catch (BackendUnavailableException e) {
            System.out.println("UNAVAILABLE " + e.getMessage());
        }
    }
}
