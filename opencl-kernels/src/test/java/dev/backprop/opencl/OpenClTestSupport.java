package dev.backprop.opencl;

import dev.backprop.core.matrix.BackendUnavailableException;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the OpenCL backend a test class needs. Where OpenCL cannot run, every test that asks for the backend is
 * skipped with the reason (a JUnit assumption, reported per test), unless {@code -Dopencl.required=true} (CI),
 * which turns the skip into a failure.
 */
final class OpenClTestSupport implements AutoCloseable {

    private final OpenClBackend backend;
    private final String skipReason;

    private OpenClTestSupport(OpenClBackend backend, String skipReason) {
        this.backend = backend;
        this.skipReason = skipReason;
    }

    static boolean required() {
        return Boolean.parseBoolean(System.getProperty("opencl.required", "false"));
    }

    /** For {@code @BeforeAll}: a backend, or the reason there is none (thrown at once if OpenCL is required). */
    static OpenClTestSupport start(Precision precision, Residency residency) {
        try {
            return new OpenClTestSupport(OpenClBackend.create(precision, residency), null);
        } catch (BackendUnavailableException e) {
            String reason = skipReason(precision, e);
            System.err.println("[opencl-kernels] " + reason);
            return new OpenClTestSupport(null, reason);
        }
    }

    /** The backend; a test that calls this is skipped, with the reason, when there is none. */
    OpenClBackend backend() {
        Assumptions.assumeTrue(backend != null, skipReason);
        return backend;
    }

    @Override
    public void close() {
        if (backend != null) {
            backend.close();
        }
    }

    /** For a single test: a backend of its own, or the test is skipped (or failed, if OpenCL is required). */
    static OpenClBackend backendOrSkip(Precision precision, Residency residency) {
        try {
            return OpenClBackend.create(precision, residency);
        } catch (BackendUnavailableException e) {
            Assumptions.abort(skipReason(precision, e));
            throw e;   // not reached: abort throws
        }
    }

    private static String skipReason(Precision precision, BackendUnavailableException e) {
        if (precision == Precision.FP64 && e.getMessage().contains("cl_khr_fp64")) {
            // OpenCL runs, but this device has no double precision: the fp32 tests still run
            return "skipping the fp64 tests: " + e.getMessage();
        }
        if (required()) {
            throw new AssertionError("opencl.required=true, but " + e.getMessage(), e);
        }
        return "no OpenCL here, skipping (set -Dopencl.required=true to fail instead): " + e.getMessage();
    }
}
