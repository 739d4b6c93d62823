/*
 * The CLBlast side of benchmarks/compare-opencl.sh: CLBlast's DGEMM (or SGEMM) on the device the engine's OpenCL
 * backend picks (a GPU if any platform has one, else an accelerator, else the first device), one JSON line per size.
 *
 *     cc -O2 -o clblast_gemm benchmarks/clblast_gemm.c -lclblast -lOpenCL
 *     ./clblast_gemm fp64 256,512,1024
 *
 * As MatmulBenchmark times the engine's kernels: C = A·B with n×n row-major matrices that stay on the device, each
 * product waited for with clFinish. Two products first (CLBlast compiles its kernels on the first call), then the mean
 * time of one product over about 1 s. Each line: {"impl": "clblast", "bench": "matmul", "precision": ..., "n": ...,
 * "seconds": s}.
 */
#define CL_TARGET_OPENCL_VERSION 120
#include <clblast_c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void fail(const char *what, int code) {
    fprintf(stderr, "clblast_gemm: %s failed with code %d\n", what, code);
    exit(1);
}

/* As OpenClDevice chooses: the first GPU of any platform, else the first accelerator, else the first device. */
static cl_device_id pick_device(void) {
    cl_platform_id platforms[16];
    cl_uint count = 0;
    cl_int err = clGetPlatformIDs(16, platforms, &count);
    if (err != CL_SUCCESS || count == 0) fail("clGetPlatformIDs (no OpenCL platform?)", err);
    if (count > 16) count = 16;
    cl_device_type wanted[] = {CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_ACCELERATOR, CL_DEVICE_TYPE_ALL};
    for (int w = 0; w < 3; w++) {
        for (cl_uint p = 0; p < count; p++) {
            cl_device_id device;
            if (clGetDeviceIDs(platforms[p], wanted[w], 1, &device, NULL) == CL_SUCCESS) {
                return device;
            }
        }
    }
    fail("clGetDeviceIDs (no OpenCL device?)", CL_DEVICE_NOT_FOUND);
    return NULL;
}

static void gemm(int fp64, cl_command_queue queue, size_t n, cl_mem a, cl_mem b, cl_mem c) {
    CLBlastStatusCode status = fp64
        ? CLBlastDgemm(CLBlastLayoutRowMajor, CLBlastTransposeNo, CLBlastTransposeNo, n, n, n, 1.0, a, 0, n, b, 0, n,
                       0.0, c, 0, n, &queue, NULL)
        : CLBlastSgemm(CLBlastLayoutRowMajor, CLBlastTransposeNo, CLBlastTransposeNo, n, n, n, 1.0f, a, 0, n, b, 0,
                       n, 0.0f, c, 0, n, &queue, NULL);
    if (status != CLBlastSuccess) {
        fail(fp64 ? "CLBlastDgemm" : "CLBlastSgemm", status);
    }
    clFinish(queue);
}

int main(int argc, char **argv) {
    if (argc != 3 || (strcmp(argv[1], "fp64") != 0 && strcmp(argv[1], "fp32") != 0)) {
        fprintf(stderr, "usage: clblast_gemm fp64|fp32 n[,n...]\n");
        return 2;
    }
    int fp64 = strcmp(argv[1], "fp64") == 0;
    size_t bytes_per = fp64 ? sizeof(double) : sizeof(float);

    cl_int err;
    cl_device_id device = pick_device();
    cl_context context = clCreateContext(NULL, 1, &device, NULL, NULL, &err);
    if (err != CL_SUCCESS) fail("clCreateContext", err);
    cl_command_queue queue = clCreateCommandQueue(context, device, 0, &err);
    if (err != CL_SUCCESS) fail("clCreateCommandQueue", err);

    char *sizes = strdup(argv[2]);
    srand(1);
    for (char *s = strtok(sizes, ","); s != NULL; s = strtok(NULL, ",")) {
        size_t n = (size_t) atol(s);
        size_t bytes = n * n * bytes_per;
        void *host = malloc(bytes);
        for (size_t i = 0; i < n * n; i++) {
            double v = rand() / (double) RAND_MAX - 0.5;
            if (fp64) ((double *) host)[i] = v; else ((float *) host)[i] = (float) v;
        }
        cl_mem a = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, host, &err);
        if (err != CL_SUCCESS) fail("clCreateBuffer", err);
        cl_mem b = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, bytes, host, &err);
        if (err != CL_SUCCESS) fail("clCreateBuffer", err);
        cl_mem c = clCreateBuffer(context, CL_MEM_READ_WRITE, bytes, NULL, &err);
        if (err != CL_SUCCESS) fail("clCreateBuffer", err);

        gemm(fp64, queue, n, a, b, c);
        gemm(fp64, queue, n, a, b, c);
        long calls = 0;
        double start = now(), elapsed;
        do {
            gemm(fp64, queue, n, a, b, c);
            calls++;
            elapsed = now() - start;
        } while (elapsed < 1.0);
        printf("{\"impl\": \"clblast\", \"bench\": \"matmul\", \"precision\": \"%s\", \"n\": %zu, \"seconds\": %.9g}\n",
               argv[1], n, elapsed / calls);
        fflush(stdout);
        clReleaseMemObject(a);
        clReleaseMemObject(b);
        clReleaseMemObject(c);
        free(host);
    }
    free(sizes);
    clReleaseCommandQueue(queue);
    clReleaseContext(context);
    return 0;
}
