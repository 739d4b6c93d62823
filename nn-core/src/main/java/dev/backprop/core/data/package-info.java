/**
 * Data sets of the workshop, generated draw for draw as their Python originals: the planar flower, scikit-learn's
 * moons, circles and blobs, XOR, and the TensorFlow Playground's four. Examples are columns: X (n_x, m), Y (1, m).
 */
package dev.backprop.core.data;
