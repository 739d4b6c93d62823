/** The OpenCL backend: the kernels for matmul, activations and reductions, found by {@code Backends.byName("opencl")}. */
package dev.backprop.opencl;
