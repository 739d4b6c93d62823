package dev.backprop.core.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Data sets by the names {@code ./workshop train --dataset} takes, ready to train on: pixels scaled to [0, 1].
 * <pre>
 * mnist           the bundled real MNIST digits, 8 000 train / 2 000 test, pixels / 255
 * fashion-mnist   Fashion-MNIST from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist), / 255
 * digits          scikit-learn's 8×8 digits, pixels / 16, split 80 / 20 stratified with seed 0
 * dir:DIR         the four MNIST-format files of a folder (the full MNIST or Fashion-MNIST), / 255
 * csv:PATH        a CSV file whose column {@code labelColumn} holds the classes 0, 1, …; no test part
 * npz:PATH        an .npz in Keras's layout (x_train, y_train, x_test, y_test) or the workshop's (X, Y)
 * </pre>
 */
public final class Datasets {

    /** The names {@link #load} accepts, for a command line's help and errors. */
    public static final String NAMES = "mnist, fashion-mnist, digits, dir:DIR, csv:PATH, npz:PATH";

    private Datasets() {
    }

    /**
     * Loads a data set by name.
     *
     * @return the training part and the test part; {@code test} is null where the source has none (split the
     *         training part with {@link Splitting})
     * @throws IllegalArgumentException for an unknown name
     * @throws DataFileException        for a bad file, naming it and where in it
     * @throws java.nio.file.FileSystemException for a missing file or folder, or a folder where a file should be
     *                                  (and the reverse), naming it
     */
    public static TrainTest load(String name, String labelColumn) throws IOException {
        if (name.startsWith("dir:")) {
            return scaled(Mnist.load(Path.of(name.substring(4))), 255);
        }
        if (name.startsWith("csv:")) {
            return new TrainTest(Csv.readClasses(Path.of(name.substring(4)), labelColumn, 0), null);
        }
        if (name.startsWith("npz:")) {
            return NpzData.load(Path.of(name.substring(4)));
        }
        return switch (name) {
            case "mnist" -> scaled(Mnist.bundled(), 255);
            case "fashion-mnist" -> scaled(Mnist.fashionMnist().orElseThrow(() -> new DataFileException(
                    Mnist.DEBIAN_FASHION_MNIST.toString(), "folder", "expected Fashion-MNIST where Debian's"
                            + " dataset-fashion-mnist installs it, found no such folder (apt-get install"
                            + " dataset-fashion-mnist, or --dataset dir:DIR)")), 255);
            case "digits" -> {
                Splitting.Parts parts = Splitting.split(Mnist.digits().scaled(16), 0.8, 0, 0.2, 0, true);
                yield new TrainTest(parts.train(), parts.test());
            }
            default -> throw new IllegalArgumentException("unknown data set '" + name + "', expected one of " + NAMES);
        };
    }

    private static TrainTest scaled(TrainTest t, double by) {
        return new TrainTest(t.train().scaled(by), t.test().scaled(by));
    }
}
