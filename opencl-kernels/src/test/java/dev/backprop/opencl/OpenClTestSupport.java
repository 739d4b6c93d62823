package dev.backprop.opencl;

import dev.backprop.core.matrix.BackendUnavailableException;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the OpenCL backend a test class needs. Where OpenCL cannot run, the class is skipped with the reason
 * (JUnit assumption), unless {@code -Dopencl.required=true} (CI), which turns the skip into a failure.
 */
final class OpenClTestSupport {

    private OpenClTestSupport() {
    }

    static boolean required() {
        return Boolean.parseBoolean(System.getProperty("opencl.required", "false"));
    }

    static OpenClBackend backendOrSkip(Precision precision, Residency residency) {
        try {
            return OpenClBackend.create(precision, residency);
        } catch (BackendUnavailableException e) {
            if (precision == Precision.FP64 && e.getMessage().contains("cl_khr_fp64")) {
                // OpenCL runs, but this device has no double precision: the fp32 tests still run
                Assumptions.abort("OpenCL device has no fp64, skipping the fp64 tests: " + e.getMessage());
            }
            if (required()) {
                throw new AssertionError("opencl.required=true, but " + e.getMessage(), e);
            }
            Assumptions.abort("no OpenCL here, skipping (set -Dopencl.required=true to fail instead): "
                    + e.getMessage());
            throw e;   // not reached: abort throws
        }
    }
}
