package dev.backprop.core.matrix;

/** A {@link java.util.ServiceLoader} service that makes a {@link Backend} on demand. */
public interface BackendProvider {

    /** The name the backend is chosen by, e.g. {@code opencl}. */
    String name();

    /**
     * The backend: started on the first call, and the same one again on later calls for the same device and
     * configuration, so that matrices from two calls can be mixed.
     *
     * @throws BackendUnavailableException when it cannot run here; the message names what is missing and how to install it
     */
    Backend create();
}
