package dev.backprop.opencl;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendProvider;

/**
 * Offers {@link OpenClBackend} to {@code Backends.byName("opencl")} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.backprop.core.matrix.BackendProvider}), so that {@code nn-core} needs no OpenCL.
 *
 * <p>Chosen with system properties: {@value #PRECISION_PROPERTY} = {@code fp64}, {@code fp32} or {@code auto} (the
 * default: fp64 where the device has it), and {@value #RESIDENCY_PROPERTY} = {@code device} (the default) or
 * {@code copy} (copy every operand to the device and back for each operation).
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

    /** A new backend on the best device, as the system properties ask; close it when done. */
    @Override
    public Backend create() {
        return OpenClBackend.create(Precision.parse(System.getProperty(PRECISION_PROPERTY)),
                Residency.parse(System.getProperty(RESIDENCY_PROPERTY)));
    }
}
