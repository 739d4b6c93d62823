package dev.backprop.core.data;

import dev.backprop.core.matrix.Backends;
import dev.backprop.core.matrix.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * MNIST-format data sets (28×28 digits, or Fashion-MNIST's clothes): an images file ({@code idx3-ubyte}) and a
 * labels file ({@code idx1-ubyte}), read into X (rows·columns, m) with pixels 0..255 (divide by 255, see
 * {@link LabeledData#scaled}) and labels 0..9. The deck's "MNIST dataset … 784" inputs are the 28·28 rows of X.
 */
public final class Mnist {

    /** Where Debian's {@code dataset-fashion-mnist} package installs Fashion-MNIST. */
    public static final Path DEBIAN_FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String RESOURCES = "/dev/backprop/core/data/";

    private Mnist() {
    }

    /**
     * The bundled real MNIST digits: 8 000 for training and 2 000 for testing, from the first 10 000 images of
     * the MNIST training set (see NOTICE). Pixels 0..255.
     */
    public static TrainTest bundled() throws IOException {
        return new TrainTest(resource("mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz", 10),
                resource("mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz", 10));
    }

    /**
     * scikit-learn's {@code digits}: 1 797 handwritten digits of 8×8 pixels, each 0..16 (divide by 16), in
     * scikit-learn's order and not split (see {@link TrainTestting}).
     */
    public static LabeledData digits() throws IOException {
        return resource("digits/digits-images-idx3-ubyte.gz", "digits/digits-labels-idx1-ubyte.gz", 10);
    }

    /**
     * Fashion-MNIST where Debian's {@code dataset-fashion-mnist} put it (/usr/share/datasets/fashion-mnist), if it is
     * installed.
     */
    public static Optional<TrainTest> fashionMnist() throws IOException {
        return Files.isDirectory(DEBIAN_FASHION_MNIST) ? Optional.of(load(DEBIAN_FASHION_MNIST)) : Optional.empty();
    }

    /**
     * The four MNIST files of a folder: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
     * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each plain or with {@code .gz} (the full
     * MNIST, 60 000 + 10 000, or Fashion-MNIST).
     *
     * @throws FileSystemException naming {@code dir} when there is no such folder, or a file in its place
     * @throws DataFileException   naming the folder and the missing file, or the bad file and where it is bad
     */
    public static TrainTest load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new FileSystemException(dir.toString(), null, Files.exists(dir)
                    ? "is a file, not a folder of MNIST files" : "no such folder");
        }
        return new TrainTest(read(find(dir, "train-images-idx3-ubyte"), find(dir, "train-labels-idx1-ubyte"), 10),
                read(find(dir, "t10k-images-idx3-ubyte"), find(dir, "t10k-labels-idx1-ubyte"), 10));
    }

    /** One images file and its labels file, labels in [0, classes). */
    public static LabeledData read(Path images, Path labels, int classes) throws IOException {
        return toData(Idx.read(images, 3), images.toString(), Idx.read(labels, 1), labels.toString(), classes);
    }

    static LabeledData resource(String images, String labels, int classes) throws IOException {
        return toData(readResource(images, 3), images, readResource(labels, 1), labels, classes);
    }

    private static Idx.Array readResource(String name, int dims) throws IOException {
        try (InputStream in = Mnist.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new DataFileException(RESOURCES + name, "classpath", "bundled data missing from the jar");
            }
            return Idx.read(RESOURCES + name, in, dims);
        }
    }

    /** X (rows·cols, m) from the images (m, rows, cols); the labels checked against the count and the classes. */
    static LabeledData toData(Idx.Array images, String imagesName, Idx.Array labels, String labelsName,
            int classes) throws DataFileException {
        int m = images.dims()[0];
        int height = images.dims()[1];
        int width = images.dims()[2];
        if (labels.dims()[0] != m) {
            throw new DataFileException(labelsName, "byte 4", "expected " + m + " labels, one per image of "
                    + imagesName + ", found " + labels.dims()[0]);
        }
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = labels.get(i);
            if (y[i] >= classes) {
                throw new DataFileException(labelsName, "byte " + (labels.dataOffset() + i), "label " + i + " is "
                        + y[i] + ", expected a class in [0, " + classes + ")");
            }
        }
        long pixels = (long) height * width;
        if (pixels > Integer.MAX_VALUE - 16 || pixels * m > Integer.MAX_VALUE - 16) {
            throw new DataFileException(imagesName, "byte 4", (m == 0 ? "one image" : m + " images") + " of " + height
                    + "x" + width + (m == 0 ? " is " : " are ") + pixels * Math.max(m, 1) + " values, more than one"
                    + " matrix can hold");
        }
        int n = (int) pixels;
        // X[p][i] = pixel p of image i: the file's (m, n) transposed to examples as columns
        double[] X = new double[n * m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                X[p * m + i] = images.get(i * n + p);
            }
        }
        // X is ours alone: the matrix takes it as it is (60 000 images are 376 MB; a copy would double that)
        return new LabeledData(Matrix.wrap(Backends.cpu(), n, m, X), y, classes, height, width);
    }

    private static Path find(Path dir, String name) throws IOException {
        for (String candidate : new String[] {name, name + ".gz", name.replace("-idx", ".idx"),
                name.replace("-idx", ".idx") + ".gz"}) {
            Path file = dir.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
            if (Files.isDirectory(file)) {
                throw new FileSystemException(file.toString(), null, "is a folder, not an MNIST file");
            }
        }
        throw new DataFileException(dir.toString(), "folder", "expected an MNIST file " + name + " (or " + name
                + ".gz), found none");
    }
}
