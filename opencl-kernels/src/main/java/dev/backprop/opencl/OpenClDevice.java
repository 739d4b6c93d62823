package dev.backprop.opencl;

import static org.jocl.CL.CL_DEVICE_DOUBLE_FP_CONFIG;
import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_LOCAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ACCELERATOR;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_DEVICE_VERSION;
import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.CL_PLATFORM_VERSION;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseContext;

import dev.backprop.core.matrix.BackendUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;
import org.jocl.cl_queue_properties;

/**
 * One OpenCL device with its context and command queue: the part of the OpenCL set-up every program shares.
 * It chooses a GPU where there is one, else an accelerator, else any device (a CPU through PoCL, say).
 *
 * <p>When OpenCL cannot run here, {@link #open()} throws {@link BackendUnavailableException} with one line saying
 * what is missing and how to install it.
 */
final class OpenClDevice implements AutoCloseable {

    /** How to get OpenCL on Debian or Ubuntu: the ICD loader, and PoCL, a driver that runs on the CPU. */
    static final String DEBIAN_INSTALL = "apt-get install ocl-icd-libopencl1 pocl-opencl-icd";

    final cl_platform_id platform;
    final cl_device_id device;
    final cl_context context;
    final cl_command_queue queue;

    final String platformName;
    final String deviceName;
    final String deviceType;
    final boolean hasFp64;
    final long maxAllocBytes;
    final long globalMemBytes;
    final long localMemBytes;
    final int maxWorkGroupSize;

    private OpenClDevice(cl_platform_id platform, cl_device_id device, cl_context context, cl_command_queue queue) {
        this.platform = platform;
        this.device = device;
        this.context = context;
        this.queue = queue;
        this.platformName = platformString(platform, CL_PLATFORM_NAME);
        this.deviceName = deviceString(device, CL_DEVICE_NAME);
        this.deviceType = typeName(deviceLong(device, CL_DEVICE_TYPE));
        this.hasFp64 = deviceString(device, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64") || doubleFpConfig(device) != 0;
        this.maxAllocBytes = deviceLong(device, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        this.globalMemBytes = deviceLong(device, CL_DEVICE_GLOBAL_MEM_SIZE);
        this.localMemBytes = deviceLong(device, CL_DEVICE_LOCAL_MEM_SIZE);
        this.maxWorkGroupSize = (int) Math.min(Integer.MAX_VALUE, deviceSize(device, CL_DEVICE_MAX_WORK_GROUP_SIZE));
    }

    /**
     * Finds a device and opens a context and an in-order command queue on it.
     *
     * @throws BackendUnavailableException when there is no OpenCL library, no platform or no device
     */
    static OpenClDevice open() {
        try {
            // Step 1: make every failing OpenCL call throw a CLException instead of returning an error code.
            CL.setExceptionsEnabled(true);
        } catch (LinkageError e) {
            throw noLibrary(e);
        }

        // Step 2: list the platforms (one per installed driver: PoCL, NVIDIA, ...).
        cl_platform_id[] platforms = platforms();

        // Step 3: choose a device: a GPU if any platform has one, else an accelerator, else any (a CPU).
        cl_platform_id platform = null;
        cl_device_id device = null;
        int best = Integer.MAX_VALUE;
        for (cl_platform_id p : platforms) {
            for (cl_device_id d : devices(p)) {
                int rank = rank(deviceLong(d, CL_DEVICE_TYPE));
                if (rank < best) {
                    best = rank;
                    platform = p;
                    device = d;
                }
            }
        }
        if (device == null) {
            throw new BackendUnavailableException("OpenCL unavailable: " + platforms.length + " platform(s) ("
                    + platformNames(platforms) + ") but no device; install a driver for your device, or PoCL for the "
                    + "CPU: " + DEBIAN_INSTALL);
        }

        // Step 4: create a context for that one device.
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL.CL_CONTEXT_PLATFORM, platform);
        cl_context context = clCreateContext(properties, 1, new cl_device_id[] {device}, null, null, null);

        // Step 5: create a command queue: commands run one after the other, in the order they are enqueued.
        cl_command_queue queue;
        try {
            queue = createQueue(platform, device, context);
        } catch (RuntimeException e) {
            clReleaseContext(context);
            throw e;
        }
        return new OpenClDevice(platform, device, context, queue);
    }

    private static cl_platform_id[] platforms() {
        int[] count = new int[1];
        try {
            clGetPlatformIDs(0, null, count);
        } catch (CLException e) {
            // the ICD loader answers CL_PLATFORM_NOT_FOUND_KHR when no driver is registered
            count[0] = 0;
        }
        if (count[0] == 0) {
            throw new BackendUnavailableException("OpenCL unavailable: the OpenCL loader found no platform (no driver "
                    + "registered in /etc/OpenCL/vendors); install one, e.g. PoCL for the CPU: " + DEBIAN_INSTALL
                    + ", or your GPU vendor's OpenCL driver");
        }
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        return platforms;
    }

    private static List<cl_device_id> devices(cl_platform_id platform) {
        int[] count = new int[1];
        try {
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, count);
        } catch (CLException e) {
            // CL_DEVICE_NOT_FOUND: a platform without devices
            return List.of();
        }
        cl_device_id[] devices = new cl_device_id[count[0]];
        clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
        return List.of(devices);
    }

    /**
     * clCreateCommandQueueWithProperties is OpenCL 2.0; an OpenCL 1.x platform only has the older call, which
     * JOCL marks deprecated.
     */
    @SuppressWarnings("deprecation")
    private static cl_command_queue createQueue(cl_platform_id platform, cl_device_id device, cl_context context) {
        if (majorVersion(platformString(platform, CL_PLATFORM_VERSION)) >= 2
                && majorVersion(deviceString(device, CL_DEVICE_VERSION)) >= 2) {
            return clCreateCommandQueueWithProperties(context, device, new cl_queue_properties(), null);
        }
        return CL.clCreateCommandQueue(context, device, 0, null);
    }

    /** The X of "OpenCL X.Y ...". */
    private static int majorVersion(String version) {
        Matcher m = Pattern.compile("OpenCL (\\d+)\\.").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** CL_DEVICE_DOUBLE_FP_CONFIG, or 0 where the query itself is not supported (OpenCL 1.0 and 1.1). */
    private static long doubleFpConfig(cl_device_id device) {
        try {
            return deviceLong(device, CL_DEVICE_DOUBLE_FP_CONFIG);
        } catch (CLException e) {
            return 0;
        }
    }

    private static int rank(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return 0;
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return 1;
        }
        return 2;
    }

    private static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) {
            return "GPU";
        }
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) {
            return "accelerator";
        }
        if ((type & CL_DEVICE_TYPE_CPU) != 0) {
            return "CPU";
        }
        return "device";
    }

    private static String platformNames(cl_platform_id[] platforms) {
        List<String> names = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            names.add(platformString(p, CL_PLATFORM_NAME));
        }
        return String.join(", ", names);
    }

    /**
     * The message for a missing OpenCL library. JOCL 2.0.6 loads {@code libOpenCL.so.1}, which Debian's
     * {@code ocl-icd-libopencl1} installs.
     */
    static BackendUnavailableException noLibrary(LinkageError e) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String hint;
        if (os.contains("linux")) {
            hint = "install the OpenCL loader and a driver, on Debian/Ubuntu: " + DEBIAN_INSTALL
                    + " (PoCL runs OpenCL on the CPU)";
        } else if (os.contains("mac")) {
            hint = "macOS ships OpenCL in /System/Library/Frameworks/OpenCL.framework; check that it is present";
        } else {
            hint = "install your GPU vendor's driver (it includes OpenCL.dll), or an OpenCL CPU runtime";
        }
        return new BackendUnavailableException("OpenCL unavailable: JOCL could not load the OpenCL library ("
                + e.getMessage() + "); " + hint, e);
    }

    /** Releases the queue, then the context: the reverse of their creation. */
    @Override
    public void close() {
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }

    // ---------------------------------------------------------------- clGet*Info, typed

    static String deviceString(cl_device_id device, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(device, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetDeviceInfo(device, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    static long deviceLong(cl_device_id device, int param) {
        long[] value = new long[1];
        clGetDeviceInfo(device, param, Sizeof.cl_ulong, Pointer.to(value), null);
        return value[0];
    }

    /** A {@code size_t} answer; JOCL runs on 64-bit JVMs only, where it is 8 bytes. */
    static long deviceSize(cl_device_id device, int param) {
        long[] value = new long[1];
        clGetDeviceInfo(device, param, Sizeof.size_t, Pointer.to(value), null);
        return value[0];
    }

    static String platformString(cl_platform_id platform, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetPlatformInfo(platform, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    /** A NUL-terminated C string. */
    static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).trim();
    }
}
