/** opencl-kernels. */
package dev.backprop.opencl;
