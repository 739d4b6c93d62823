package dev.backprop.core;

import dev.backprop.core.matrix.Matrix;
import dev.backprop.core.model.DeepNetwork.DeepParameters;
import dev.backprop.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/** The inputs of the DLS assignments' published test cases, drawn as their {@code testCases.py} draws them. */
public final class DlsTestCases {

    private DlsTestCases() {
    }

    /** For l = 1..L: W^[l] = randn(n^[l], n^[l−1]), then b^[l] = randn(n^[l], 1), from {@code random} in that order. */
    public static DeepParameters parameters(NumpyRandom random, int... layerDims) {
        List<Matrix> W = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l < layerDims.length; l++) {
            W.add(random.randn(layerDims[l], layerDims[l - 1]));
            b.add(random.randn(layerDims[l], 1));
        }
        return new DeepParameters(W, b);
    }
}
