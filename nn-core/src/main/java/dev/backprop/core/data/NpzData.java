package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Labelled data from an {@code .npz}, in either of two layouts:
 * <ul>
 *   <li>Keras's ({@code keras.datasets.mnist}'s {@code mnist.npz}): {@code x_train}, {@code y_train} and, if
 *       present, {@code x_test}, {@code y_test}, examples along the FIRST axis ({@code x_train} (60000, 28, 28));
 *       each example is flattened into a column of X;</li>
 *   <li>the workshop's: {@code X} (n_x, m) with examples as columns and {@code Y}, either the labels (1, m) or
 *       (m,), or one-hot (classes, m).</li>
 * </ul>
 * Labels must be whole numbers ≥ 0; the classes are 0..max over all parts.
 */
public final class NpzData {

    private NpzData() {
    }

    /**
     * @return the training part and the test part ({@code null} when the file has no {@code x_test})
     * @throws DataFileException naming the file and the key that is missing, mis-shaped or holds a bad label
     */
    public static TrainTest load(Path file) throws IOException {
        Map<String, NpyArray> a = Npz.read(file).arrays();
        String name = file.toString();
        if (a.containsKey("x_train")) {
            int[] yTrain = labels(name, "y_train", need(name, a, "y_train"));
            int[] yTest = a.containsKey("x_test") ? labels(name, "y_test", need(name, a, "y_test")) : new int[0];
            int classes = Math.max(max(yTrain), max(yTest)) + 1;
            int[] hw = imageSize(a.get("x_train"));
            LabeledData train = labeled(name, "x_train", a.get("x_train"), true, yTrain, classes, hw);
            LabeledData test = a.containsKey("x_test")
                    ? labeled(name, "x_test", a.get("x_test"), true, yTest, classes, imageSize(a.get("x_test")))
                    : null;
            return new TrainTest(train, test);
        }
        NpyArray X = need(name, a, "X");
        NpyArray Y = need(name, a, "Y");
        if (X.shape().length != 2) {
            throw new DataFileException(name, "entry X.npy", "expected X of 2 dimensions (n_x, m), found shape "
                    + NpyArray.shapeText(X.shape()));
        }
        int[] y = Y.shape().length == 2 && Y.shape()[0] > 1 ? oneHotLabels(name, "Y", Y) : labels(name, "Y", Y);
        return new TrainTest(labeled(name, "X", X, false, y, max(y) + 1, new int[] {0, 0}), null);
    }

    private static NpyArray need(String name, Map<String, NpyArray> a, String key) throws DataFileException {
        NpyArray array = a.get(key);
        if (array == null) {
            throw new DataFileException(name, "zip directory", "expected an array '" + key + "' (the file has "
                    + a.keySet() + ")");
        }
        return array;
    }

    private static int[] labels(String name, String key, NpyArray y) throws DataFileException {
        int[] labels = new int[y.data().length];
        for (int i = 0; i < labels.length; i++) {
            double v = y.data()[i];
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE - 1) {
                throw new DataFileException(name, "entry " + key + ".npy, element " + i,
                        "expected a class label 0, 1, 2, ..., found " + v);
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /** The classes of one-hot columns (n_classes, m): each column a single 1 among 0s. */
    private static int[] oneHotLabels(String name, String key, NpyArray y) throws DataFileException {
        int classes = y.shape()[0];
        int m = y.shape()[1];
        double[] v = y.toMatrix().toArray();
        int[] labels = new int[m];
        for (int j = 0; j < m; j++) {
            int ones = 0;
            for (int c = 0; c < classes; c++) {
                double e = v[c * m + j];
                if (e != 0 && e != 1) {
                    throw new DataFileException(name, "entry " + key + ".npy, row " + c + ", column " + j,
                            "expected one-hot labels (0 or 1), found " + e);
                }
                if (e == 1) {
                    labels[j] = c;
                    ones++;
                }
            }
            if (ones != 1) {
                throw new DataFileException(name, "entry " + key + ".npy, column " + j, "expected one-hot labels,"
                        + " a single 1 per example, found " + ones);
            }
        }
        return labels;
    }

    /**
     * X from {@code array}: Keras's layout, examples along the first axis ({@code examplesFirst}), or the
     * workshop's, examples as columns.
     */
    private static LabeledData labeled(String name, String key, NpyArray array, boolean examplesFirst, int[] y,
            int classes, int[] hw) throws DataFileException {
        Matrix X = examplesFirst ? array.rowsOf() : array.toMatrix();
        if (X.cols() != y.length) {
            throw new DataFileException(name, "entry " + key + ".npy", "expected " + y.length + " examples, one per"
                    + " label, found " + X.cols());
        }
        requireFinite(name, key, array, examplesFirst ? 0 : 1);
        return new LabeledData(X, y, classes, hw[0], hw[1]);
    }

    /**
     * Refuses an array holding NaN or ±∞, naming the first such element: its index in the file's (C) order, numpy's
     * index of it and, where {@code exampleAxis} ≥ 0, the example it belongs to.
     */
    static void requireFinite(String name, String key, NpyArray array, int exampleAxis) throws DataFileException {
        double[] data = array.data();
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                int[] index = unravel(array.shape(), k);
                StringBuilder at = new StringBuilder(key).append('[');
                for (int d = 0; d < index.length; d++) {
                    at.append(d == 0 ? "" : ", ").append(index[d]);
                }
                at.append(']');
                if (exampleAxis >= 0 && exampleAxis < index.length) {
                    at.append(", example ").append(index[exampleAxis]);
                }
                throw new DataFileException(name, "entry " + key + ".npy, element " + k + " (" + at + ")",
                        "expected a finite number, found " + data[k]);
            }
        }
    }

    /** numpy's {@code np.unravel_index(k, shape)}: the index in each dimension of flat (C-order) element k. */
    private static int[] unravel(int[] shape, int k) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = k % shape[d];
            k /= shape[d];
        }
        return index;
    }

    private static int[] imageSize(NpyArray x) {
        return x.shape().length == 3 ? new int[] {x.shape()[1], x.shape()[2]} : new int[] {0, 0};
    }

    private static int max(int[] values) {
        int max = -1;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }
}
