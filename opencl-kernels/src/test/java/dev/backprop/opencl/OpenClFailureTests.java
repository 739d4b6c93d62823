package dev.backprop.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.backprop.core.matrix.Backend;
import dev.backprop.core.matrix.BackendUnavailableException;
import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a student sees when OpenCL cannot run, or is misused: one line naming what is missing and how to install
 * it, and clear errors for a released matrix or a closed backend. Also: the provider is found by name.
 */
class OpenClFailureTests {

    @Test
    void theProviderIsFoundByNameAndSaysWhatItRunsOn() {
        assertThat(Backends.names()).contains("cpu", "opencl");
        Backend backend;
        try {
            backend = Backends.byName("opencl");
        } catch (BackendUnavailableException e) {
            OpenClTestSupport.backendOrSkip(null, Residency.DEVICE_RESIDENT);   // skips, or fails if required
            throw e;
        }
        assertThat(backend).isInstanceOf(OpenClBackend.class);
        OpenClBackend opencl = (OpenClBackend) backend;
        try (opencl) {
            assertThat(backend.name()).isEqualTo("opencl");
            assertThat(backend.description()).startsWith("OpenCL: ").contains(opencl.deviceName())
                    .contains(opencl.precision().label()).contains("data stays on the device");
        }
    }

    @Test
    void systemPropertiesChooseThePrecisionAndTheResidency() {
        System.setProperty(OpenClBackendProvider.PRECISION_PROPERTY, "fp32");
        System.setProperty(OpenClBackendProvider.RESIDENCY_PROPERTY, "copy");
        try (OpenClBackend opencl = (OpenClBackend) providerOrSkip()) {
            assertThat(opencl.precision()).isEqualTo(Precision.FP32);
            assertThat(opencl.residency()).isEqualTo(Residency.COPY_PER_OPERATION);
            assertThat(opencl.needsRelease()).isFalse();
            assertThat(opencl.description()).contains("fp32").contains("copied to the device and back");
        } finally {
            System.clearProperty(OpenClBackendProvider.PRECISION_PROPERTY);
            System.clearProperty(OpenClBackendProvider.RESIDENCY_PROPERTY);
        }
    }

    @Test
    void unknownOptionsAreRejectedNamingWhatIsAccepted() {
        assertThat(Precision.parse("FP64")).isEqualTo(Precision.FP64);
        assertThat(Precision.parse("float")).isEqualTo(Precision.FP32);
        assertThat(Precision.parse("auto")).isNull();
        assertThat(Residency.parse(null)).isEqualTo(Residency.DEVICE_RESIDENT);
        assertThatThrownBy(() -> Precision.parse("fp16")).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("OpenCL precision 'fp16' is unknown: use -Dbackprop.opencl.precision=fp64, fp32 or auto");
        assertThatThrownBy(() -> Residency.parse("gpu")).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("OpenCL residency 'gpu' is unknown: use -Dbackprop.opencl.residency=device or copy");
    }

    @Test
    void aMissingOpenClLibraryIsOneLineSayingWhatToInstall() {
        BackendUnavailableException e = OpenClDevice.noLibrary(new UnsatisfiedLinkError(
                "Could not initialize native OpenCL library. Implementation library could not be loaded"));
        assertThat(e.getMessage()).startsWith("OpenCL unavailable: JOCL could not load the OpenCL library")
                .doesNotContain("\n");
        if (System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(e.getMessage()).contains("apt-get install").contains("ocl-icd-libopencl1");
        }
    }

    /** A child JVM whose OpenCL loader finds no driver: ocl-icd reads the drivers from $OCL_ICD_VENDORS. */
    @Test
    void noPlatformIsOneLineSayingWhatToInstall(@TempDir Path noDrivers) throws IOException, InterruptedException {
        assumeThat(System.getProperty("os.name").toLowerCase(Locale.ROOT)).as("ocl-icd is a Linux loader")
                .contains("linux");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ProbeBackend.class.getName()));
        child.environment().put("OCL_ICD_VENDORS", noDrivers.toString());
        child.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = child.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(out).startsWith("UNAVAILABLE OpenCL unavailable: ").doesNotContain("\n").contains("apt-get install");
        if (Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libOpenCL.so"))) {
            assertThat(out).contains("found no platform");
        }
    }

    @Test
    void aKernelThatDoesNotBuildReportsTheBuildLog() {
        OpenClTestSupport.backendOrSkip(Precision.FP32, Residency.DEVICE_RESIDENT).close();
        try (OpenClDevice device = OpenClDevice.open()) {
            assertThatThrownBy(() -> KernelProgram.build(device, "broken.cl", "-DTS=16"))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageStartingWith("OpenCL kernel build failed: broken.cl on " + device.deviceName
                            + " with options '-DTS=16'")
                    .hasMessageContaining("build log:\n")
                    .hasMessageContaining("undeclared_variable");
        }
    }

    @Test
    void runningOutOfDeviceMemoryIsOneLineWithWhatToDo() {
        try (OpenClBackend opencl = OpenClTestSupport.backendOrSkip(Precision.FP64, Residency.DEVICE_RESIDENT)) {
            // the largest matrix a Shape can describe: 46 340² doubles, 16 GiB
            assumeThat(46_340L * 46_340L * 8).as("a device that can hold 16 GiB in one buffer")
                    .isGreaterThan(opencl.maxAllocBytes());
            assertThatThrownBy(() -> opencl.full(46_340, 46_340, 0.0))
                    .isInstanceOf(BackendUnavailableException.class)
                    .hasMessageStartingWith("full: OpenCL device " + opencl.deviceName() + " cannot hold Matrix "
                            + "(46340, 46340): it needs 16383.")
                    .hasMessageContaining("CL_DEVICE_MAX_MEM_ALLOC_SIZE")
                    .hasMessageContaining("smaller batches")
                    .hasMessageNotContaining("\n");
            assertThat(opencl.liveBuffers()).isZero();
        }
    }

    @Test
    void aReleasedMatrixOrAClosedBackendSaysSo() {
        OpenClBackend opencl = OpenClTestSupport.backendOrSkip(null, Residency.DEVICE_RESIDENT);
        Matrix a;
        try {
            a = opencl.full(2, 2, 1.0);
            a.release();
            assertThatThrownBy(() -> a.plus(1.0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("released").hasMessageContaining("scope.keep");
        } finally {
            opencl.close();
        }
        opencl.close();   // closing twice is harmless
        assertThatThrownBy(() -> opencl.full(1, 1, 0.0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this OpenCL backend is closed");
    }

    private static Backend providerOrSkip() {
        try {
            return new OpenClBackendProvider().create();
        } catch (BackendUnavailableException e) {
            OpenClTestSupport.backendOrSkip(null, Residency.DEVICE_RESIDENT);
            throw e;
        }
    }
}
