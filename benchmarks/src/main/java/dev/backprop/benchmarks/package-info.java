/** benchmarks. */
package dev.backprop.benchmarks;
