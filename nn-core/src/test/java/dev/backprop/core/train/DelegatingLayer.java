package dev.backprop.core.train;

import dev.backprop.core.layer.Layer;
import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.random.NumpyRandom;
import java.util.List;

/**
 * A layer that hands every call to {@code inner}, for tests that change or watch one step of a real layer (a planted
 * bug, a call count). {@link #backwardToParameters} is left to {@link Layer}'s default, which calls this layer's own
 * {@link #backward}, so a wrapper that changes backward changes the first layer's step too.
 */
abstract class DelegatingLayer implements Layer {

    final Layer inner;

    DelegatingLayer(Layer inner) {
        this.inner = inner;
    }

    @Override
    public int build(int nPrev, NumpyRandom random) {
        return inner.build(nPrev, random);
    }

    @Override
    public Matrix forward(Matrix A_prev, boolean training) {
        return inner.forward(A_prev, training);
    }

    @Override
    public Matrix backward(Matrix dA) {
        return inner.backward(dA);
    }

    @Override
    public List<Matrix> parameters() {
        return inner.parameters();
    }

    @Override
    public void setParameters(List<Matrix> parameters) {
        inner.setParameters(parameters);
    }

    @Override
    public List<Matrix> gradients() {
        return inner.gradients();
    }

    @Override
    public boolean[] weights() {
        return inner.weights();
    }

    @Override
    public int units() {
        return inner.units();
    }

    @Override
    public String type() {
        return inner.type();
    }
}
