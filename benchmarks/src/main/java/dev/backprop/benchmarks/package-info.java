/** JMH benchmarks: the matmul kernels in GFLOP/s, and a training step of the two-layer network, on each backend. */
package dev.backprop.benchmarks;
