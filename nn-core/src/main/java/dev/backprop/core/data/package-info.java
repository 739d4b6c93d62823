/**
 * Data sets: the workshop's generated data (the planar flower), the decks' small examples, bundled real digits
 * (MNIST, scikit-learn's digits), loaders for MNIST's IDX, CSV and numpy's .npy/.npz, and the pipeline that
 * prepares them (normalization, splitting, class balance). Examples are columns: X is (n_x, m).
 */
package dev.backprop.core.data;
