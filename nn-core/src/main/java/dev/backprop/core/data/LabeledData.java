package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.util.Arrays;

/**
 * Examples with integer class labels, examples as columns: X is (n_x, m), {@code labels[i]} is the class of column
 * i, in [0, classes). Images keep their height and width (X then holds each image's pixels row by row in one
 * column, n_x = height·width); other data has height = width = 0.
 */
public record LabeledData(Matrix X, int[] labels, int classes, int height, int width) {

    public LabeledData {
        if (labels.length != X.cols()) {
            throw new IllegalArgumentException("LabeledData: X " + X.shape().compact() + " has " + X.cols()
                    + " examples (columns) but there are " + labels.length + " labels");
        }
        if (height * width != 0 && height * width != X.rows()) {
            throw new IllegalArgumentException("LabeledData: images of " + height + "x" + width + " need "
                    + height * width + " rows in X, found " + X.shape().compact());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("LabeledData: label " + labels[i] + " of example " + i
                        + " is outside [0, " + classes + ")");
            }
        }
    }

    /** Non-image data: X (n_x, m) and its labels. */
    public LabeledData(Matrix X, int[] labels, int classes) {
        this(X, labels, classes, 0, 0);
    }

    /** m, the number of examples. */
    public int m() {
        return X.cols();
    }

    /** Whether the columns of X are images of {@link #height()} × {@link #width()} pixels. */
    public boolean isImages() {
        return height > 0;
    }

    /** Y as one-hot columns (classes, m), for a softmax output. See {@link OneHot#encode}. */
    public Matrix Y() {
        return OneHot.encode(labels, classes);
    }

    /** The labels as a row (1, m), for a sigmoid output or a sparse loss. */
    public Matrix labelRow() {
        return Matrix.row(Arrays.stream(labels).asDoubleStream().toArray());
    }

    /** X and the one-hot Y as a {@link Dataset}. */
    public Dataset toDataset() {
        return new Dataset(X, Y());
    }

    /** The same examples with X replaced (normalized, say); the labels and image size stay. */
    public LabeledData withX(Matrix newX) {
        return new LabeledData(newX, labels, classes, height, width);
    }

    /** The examples (columns) at the given indices, in that order, like {@code X[:, indices]}. */
    public LabeledData select(int[] indices) {
        int[] outLabels = new int[indices.length];
        Matrix out = X.columns(indices);
        for (int j = 0; j < indices.length; j++) {
            outLabels[j] = labels[indices[j]];
        }
        return new LabeledData(out, outLabels, classes, height, width);
    }

    /** X's shape, the labels and the classes, for a student printing it (a record would print an array's address). */
    @Override
    public String toString() {
        String count = labels.length + (labels.length == 1 ? " label" : " labels");
        return "LabeledData[X " + X.shape().compact() + ", " + count + " of " + classes + " classes"
                + (isImages() ? ", " + height + "×" + width + " images" : "") + "]";
    }

    /** Scales every value by 1/{@code by}: pixels 0..255 become 0..1 with {@code by} = 255. Workshop: {@code X / 255}. */
    public LabeledData scaled(double by) {
        return withX(X.div(by));
    }
}
