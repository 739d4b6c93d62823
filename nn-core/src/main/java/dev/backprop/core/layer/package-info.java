/** Layers with their forward and backward steps side by side: {@code Dense}, {@code Dropout}, {@code Maxout}. */
package dev.backprop.core.layer;
