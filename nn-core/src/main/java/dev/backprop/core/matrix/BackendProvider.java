package dev.backprop.core.matrix;

/** A {@link java.util.ServiceLoader} service that makes a {@link Backend} on demand. */
public interface BackendProvider {

    /** The name the backend is chosen by, e.g. {@code opencl}. */
    String name();

    /**
     * Starts the backend.
     *
     * @throws BackendUnavailableException when it cannot run here; the message names what is missing and how to install it
     */
    Backend create();
}
