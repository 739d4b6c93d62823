package dev.backprop.opencl;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseProgram;

import dev.backprop.core.matrix.BackendUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * One {@code .cl} file from the class path, compiled for one device, and the kernels made from it. The source is
 * read as a resource next to this class ({@code dev/backprop/opencl/matmul.cl}), so it is found inside a jar too.
 */
final class KernelProgram implements AutoCloseable {

    private final String resource;
    private final OpenClDevice device;
    private final cl_program program;
    private final Map<String, cl_kernel> kernels = new LinkedHashMap<>();

    private KernelProgram(String resource, OpenClDevice device, cl_program program) {
        this.resource = resource;
        this.device = device;
        this.program = program;
    }

    /**
     * Compiles {@code resource} (a file name in this package) with build options such as {@code -DFP64 -DTS=16}.
     *
     * @throws BackendUnavailableException when the device's compiler rejects it; the message holds the build log
     */
    static KernelProgram build(OpenClDevice device, String resource, String options) {
        String source = read(resource);

        // Step 1: create a program object from the source text.
        cl_program program = clCreateProgramWithSource(device.context, 1, new String[] {source}, null, null);

        // Step 2: compile it for our device; on failure the compiler's messages are in the build log.
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.device}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, device.device);
            clReleaseProgram(program);
            throw new BackendUnavailableException("OpenCL kernel build failed: " + resource + " on "
                    + device.deviceName + " with options '" + options + "' (" + e.getMessage()
                    + "); build log:\n" + log, e);
        }
        return new KernelProgram(resource, device, program);
    }

    /** The kernel called {@code name}, made on first use. */
    cl_kernel kernel(String name) {
        cl_kernel kernel = kernels.get(name);
        if (kernel == null) {
            try {
                // Step 3: make a kernel object: the entry point, to which arguments are bound before each launch.
                kernel = clCreateKernel(program, name, null);
            } catch (CLException e) {
                throw new IllegalStateException(resource + " has no kernel '" + name + "' (" + e.getMessage() + ")", e);
            }
            kernels.put(name, kernel);
        }
        return kernel;
    }

    /** The largest work-group this kernel can run with on the device (registers and local memory limit it). */
    long maxWorkGroupSize(cl_kernel kernel) {
        long[] size = new long[1];
        clGetKernelWorkGroupInfo(kernel, device.device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(size),
                null);
        return size[0];
    }

    /** Releases the kernels, newest first, then the program. */
    @Override
    public void close() {
        List<cl_kernel> made = new ArrayList<>(kernels.values());
        for (int i = made.size() - 1; i >= 0; i--) {
            clReleaseKernel(made.get(i));
        }
        kernels.clear();
        clReleaseProgram(program);
    }

    private static String read(String resource) {
        try (InputStream in = KernelProgram.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + resource + " is not on the class path next to "
                        + KernelProgram.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + resource, e);
        }
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            String text = OpenClDevice.cString(log);
            return text.isEmpty() ? "(empty)" : text;
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }
}
