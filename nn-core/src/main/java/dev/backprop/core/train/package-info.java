/** The one training loop: epochs over mini-batches, the {@code History}, callbacks, and the Keras-style {@code Sequential}. */
package dev.backprop.core.train;
