package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * Offers {@link OpenClBackend} to {@code Backends.byName("opencl")} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.backprop.core.matrix.BackendProvider}), so that {@code nn-core} needs no OpenCL.
 *
 * <p>Chosen with system properties: {@value #PRECISION_PROPERTY} = {@code fp64}, {@code fp32} or {@code auto} (the
 * default: fp64 where the device has it), and {@value #RESIDENCY_PROPERTY} = {@code device} (the default) or
 * {@code copy} (copy every operand to the device and back for each operation).
 *
 * <p>One backend per device and configuration: every call with the same properties returns the same backend (one
 * OpenCL context), so matrices from two {@code Backends.byName("opencl")} calls can be mixed. It lives until the JVM
 * exits; if someone closes it, the next call starts a new one.
 */
public final class OpenClBackendProvider implements BackendProvider {

    /** {@code -Dbackprop.opencl.precision=fp32} computes in float. */
    public static final String PRECISION_PROPERTY = "backprop.opencl.precision";

    /** {@code -Dbackprop.opencl.residency=copy} copies operands to the device and back for every operation. */
    public static final String RESIDENCY_PROPERTY = "backprop.opencl.residency";

    @Override
    public String name() {
        return "opencl";
    }

    /** The shared backends, by precision and residency (null precision: the best the device has). */
    private static final Map<String, OpenClBackend> SHARED = new HashMap<>();

    /** The shared backend on the best device, as the system properties ask (started on first use). */
    @Override
    public Backend create() {
        Precision precision = Precision.parse(System.getProperty(PRECISION_PROPERTY));
        Residency residency = Residency.parse(System.getProperty(RESIDENCY_PROPERTY));
        String key = precision + "/" + residency;
        synchronized (SHARED) {
            OpenClBackend backend = SHARED.get(key);
            if (backend == null || backend.isClosed()) {
                backend = OpenClBackend.create(precision, residency);
                SHARED.put(key, backend);
            }
            return backend;
        }
    }
}
