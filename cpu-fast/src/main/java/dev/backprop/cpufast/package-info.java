/** The fast CPU backend: packed SIMD matrix multiply and vectorised elementwise math (Vector API). */
package dev.backprop.cpufast;
