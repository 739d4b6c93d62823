package dev.backprop.core.init;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * How a layer's weights W^[l] (n^[l], n^[l−1]) start; biases always start at zero. Every initializer draws from a
 * {@link NumpyRandom} the way the DLS "Initialization" assignment does ({@code np.random.seed(3)}, then
 * {@code np.random.randn(layers_dims[l], layers_dims[l-1]) * scale} layer by layer), so a seeded run gives the
 * notebook's weights.
 *
 * <p>The workshop's {@code DeepNetwork.Initialization} values map to {@code random(0.01)} (SMALL_RANDOM),
 * {@link #he()} (HE), {@link #xavier()} (XAVIER) and {@link #zeros()} (ZEROS), with the same draws.
 */
public interface Initializer {

    /** A short name for command lines: {@code zeros}, {@code random}, {@code he}, {@code xavier}, ... */
    String name();

    /** W^[l] for a layer of n units with nPrev inputs, drawn from {@code random} (nothing is drawn for zeros). */
    Matrix weights(int n, int nPrev, NumpyRandom random);

    /**
     * DLS: {@code initialize_parameters_zeros/_random/_he(layers_dims)}: seeds numpy's generator, then for
     * l = 1..L−1 in turn W^[l] = {@link #weights weights(n^[l], n^[l−1])} and b^[l] = zeros((n^[l], 1)). Returns
     * W1, b1, W2, b2, ... (the order of {@code DeepParameters.of}), on the CPU.
     */
    default List<Matrix> initializeParameters(int[] layersDims, int seed) {
        if (layersDims.length < 2) {
            throw new IllegalArgumentException(name() + " initialization: layers_dims needs at least 2 sizes, got "
                    + layersDims.length);
        }
        for (int n : layersDims) {
            if (n < 1) {
                throw new IllegalArgumentException(name() + " initialization: every layer size must be ≥ 1, got "
                        + java.util.Arrays.toString(layersDims));
            }
        }
        NumpyRandom random = new NumpyRandom(seed);
        List<Matrix> parameters = new ArrayList<>();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.add(weights(layersDims[l], layersDims[l - 1], random));
            parameters.add(Matrix.zeros(layersDims[l], 1));
        }
        return parameters;
    }

    /**
     * The initializer a command line names: {@code zeros}, {@code random} (× 0.01), {@code large} (× 10, DLS's
     * "random"), {@code he}, {@code xavier}, {@code glorot-normal} or {@code glorot-uniform}.
     *
     * @throws IllegalArgumentException for any other name, listing the known ones
     */
    static Initializer named(String name) {
        return switch (name) {
            case "zeros" -> zeros();
            case "random" -> random(RandomNormal.SMALL);
            case "large" -> random(RandomNormal.LARGE);
            case "he" -> he();
            case "xavier" -> xavier();
            case "glorot-normal" -> glorotNormal();
            case "glorot-uniform" -> glorotUniform();
            default -> throw new IllegalArgumentException("unknown initialization '" + name + "': use zeros, random, "
                    + "large, he, xavier, glorot-normal or glorot-uniform");
        };
    }

    /** All zeros (DLS {@code initialize_parameters_zeros}). */
    static Initializer zeros() {
        return new Zeros();
    }

    /** randn · scale: 0.01 is the workshop's, 10 DLS's "large" {@code initialize_parameters_random}. */
    static Initializer random(double scale) {
        return new RandomNormal(scale);
    }

    /** randn · √(2 / n^[l−1]) (DLS {@code initialize_parameters_he}). */
    static Initializer he() {
        return new He();
    }

    /** randn · √(1 / n^[l−1]), the "Xavier" of the DLS lectures. */
    static Initializer xavier() {
        return new Xavier();
    }

    /** randn · √(2 / (n^[l−1] + n^[l])), Glorot and Bengio's normal. */
    static Initializer glorotNormal() {
        return new GlorotNormal();
    }

    /** uniform(−limit, limit), limit = √(6 / (n^[l−1] + n^[l])): Glorot and Bengio's, Keras's default. */
    static Initializer glorotUniform() {
        return new GlorotUniform();
    }
}
