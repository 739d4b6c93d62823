/** Dense 2-D matrices of doubles with numpy's semantics, and the {@link dev.backprop.core.matrix.Backend} seam they compute through. */
package dev.backprop.core.matrix;
