package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTests {

    @TempDir
    Path dir;

    @Test
    void bundledMnistIsRealDigitsSplit8000And2000() throws IOException {
        TrainTest mnist = Mnist.bundled();
        assertThat(mnist.train().X().shape().toString()).isEqualTo("(784, 8000)");
        assertThat(mnist.test().X().shape().toString()).isEqualTo("(784, 2000)");
        assertThat(mnist.train().height()).isEqualTo(28);
        assertThat(ClassBalance.counts(mnist.train())).containsExactly(805, 896, 797, 811, 789, 695, 805, 859, 767, 776);
        assertThat(ClassBalance.counts(mnist.test())).containsExactly(196, 231, 194, 221, 191, 168, 209, 211, 177, 202);
        assertThat(mnist.train().X().max()).isEqualTo(255.0);
        assertThat(mnist.train().scaled(255).X().max()).isEqualTo(1.0);
    }

    @Test
    void bundledDigitsAreScikitLearns1797ImagesOf8x8() throws IOException {
        LabeledData digits = Mnist.digits();
        assertThat(digits.X().shape().toString()).isEqualTo("(64, 1797)");
        assertThat(digits.X().max()).isEqualTo(16.0);
        assertThat(ClassBalance.counts(digits)).containsExactly(178, 182, 177, 183, 181, 182, 181, 179, 174, 180);
        // sklearn: load_digits().target[:10] == [0 1 2 3 4 5 6 7 8 9], images[0][0] == [0 0 5 13 9 1 0 0]
        assertThat(digits.labels()).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(digits.select(new int[] {0}).X().T().toArray()).startsWith(0, 0, 5, 13, 9, 1, 0, 0);
    }

    @Test
    void aFolderOfMnistFilesPlainOrGzippedLoads() throws IOException {
        writeSet(dir, "train", 3, new byte[] {1, 2, 9}, ".gz");
        writeSet(dir, "t10k", 2, new byte[] {0, 4}, "");
        TrainTest set = Mnist.load(dir);
        assertThat(set.train().labels()).containsExactly(1, 2, 9);
        assertThat(set.test().labels()).containsExactly(0, 4);
        // pixel p of image i is (i*4 + p) here; X (4, m) holds image i in column i
        assertThat(set.train().X().toArray2D()[1]).containsExactly(1, 5, 9);
    }

    @Test
    void aMissingFileIsNamedWithItsFolder() {
        assertThatThrownBy(() -> Mnist.load(dir)).isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("train-images-idx3-ubyte");
    }

    @Test
    void aMissingFolderOrAFileInItsPlaceIsSaidSo() throws IOException {
        // before: "folder: expected an MNIST file train-images-idx3-ubyte …, found none", for a folder not there
        Path missing = dir.resolve("nowhere");
        assertThatThrownBy(() -> Mnist.load(missing)).hasMessage(missing + ": no such folder");
        assertThatThrownBy(() -> Datasets.load("dir:" + missing, "label")).hasMessage(missing + ": no such folder");
        Path file = Files.writeString(dir.resolve("mnist.npz"), "");
        assertThatThrownBy(() -> Mnist.load(file)).hasMessage(file + ": is a file, not a folder of MNIST files");
        // before: "…: folder: expected an MNIST file train-images-idx3-ubyte (or …gz), found none"
        Path folder = Files.createDirectories(dir.resolve("train-images-idx3-ubyte"));
        assertThatThrownBy(() -> Mnist.load(dir)).hasMessage(folder + ": is a folder, not an MNIST file");
    }

    @Test
    void extraBytesAfterTheDataAreCountedInLabelsOrImages() throws IOException {
        // before: "expected the file to end after the 3 elements (3), found 1 more bytes"
        Files.write(dir.resolve("l"), new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 3, 9});
        assertThatThrownBy(() -> Idx.read(dir.resolve("l"), 1))
                .hasMessage(dir.resolve("l") + ": byte 11: expected the file to end after its 3 labels, found 1 more"
                        + " byte");
        Files.write(dir.resolve("m"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 1, 2, 3});
        assertThatThrownBy(() -> Idx.read(dir.resolve("m"), 1))
                .hasMessage(dir.resolve("m") + ": byte 9: expected the file to end after its 1 label, found 2 more"
                        + " bytes");
        Files.write(dir.resolve("i"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 5, 6, 7});
        assertThatThrownBy(() -> Idx.read(dir.resolve("i"), 3))
                .hasMessage(dir.resolve("i") + ": byte 18: expected the file to end after its 1 image of 1x2 pixels,"
                        + " found 1 more byte");
    }

    @Test
    void imageCountDifferentFromLabelCountIsRejected() throws IOException {
        Idx.write(dir.resolve("i"), new int[] {3, 2, 2}, new byte[12]);
        Idx.write(dir.resolve("l"), new int[] {2}, new byte[2]);
        assertThatThrownBy(() -> Mnist.read(dir.resolve("i"), dir.resolve("l"), 10))
                .isInstanceOf(DataFileException.class)
                .hasMessage(dir.resolve("l") + ": byte 4: expected 3 labels, one per image of " + dir.resolve("i")
                        + ", found 2");
    }

    @Test
    void aLabelOutOfRangeIsRejectedAtItsByte() throws IOException {
        Idx.write(dir.resolve("i"), new int[] {3, 1, 1}, new byte[3]);
        Idx.write(dir.resolve("l"), new int[] {3}, new byte[] {1, 10, 2});
        assertThatThrownBy(() -> Mnist.read(dir.resolve("i"), dir.resolve("l"), 10))
                .hasMessage(dir.resolve("l") + ": byte 9: label 1 is 10, expected a class in [0, 10)");
    }

    @Test
    void wrongMagicNamesExpectedAndFound() throws IOException {
        Files.write(dir.resolve("x"), new byte[] {0, 0, 8, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(dir.resolve("x"), 3))
                .hasMessage(dir.resolve("x") + ": byte 3: expected 3 dimensions (magic 0x00000803), found 1"
                        + " (magic 0x00000801)");
        Files.write(dir.resolve("y"), new byte[] {'P', 'K', 3, 4});
        assertThatThrownBy(() -> Idx.read(dir.resolve("y"), 1))
                .hasMessage(dir.resolve("y") + ": byte 0: expected the IDX magic number 0x00000801 (an idx1-ubyte"
                        + " file), found 0x504B0304");
    }

    @Test
    void unsupportedElementTypeIsNamed() throws IOException {
        Files.write(dir.resolve("x"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 0});
        assertThatThrownBy(() -> Idx.read(dir.resolve("x"), 1)).hasMessageContaining("found 0x0D (float)");
    }

    @Test
    void dimensionsThatOverflowAreRejectedBeforeAllocating() throws IOException {
        Files.write(dir.resolve("x"), new byte[] {0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0});
        assertThatThrownBy(() -> Idx.read(dir.resolve("x"), 3))
                .hasMessageContaining("byte 8: size 1 is 65536: the sizes hold 4294967296 elements");
        Files.write(dir.resolve("y"), new byte[] {0, 0, 8, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        assertThatThrownBy(() -> Idx.read(dir.resolve("y"), 1)).hasMessageContaining("size 0 is 4294967295");
    }

    @Test
    void truncatedDataSaysHowMuchWasExpected() throws IOException {
        Files.write(dir.resolve("x"), new byte[] {0, 0, 8, 1, 0, 0, 0, 5, 1, 2});
        assertThatThrownBy(() -> Idx.read(dir.resolve("x"), 1))
                .hasMessage(dir.resolve("x") + ": byte 10: truncated data: expected 5 labels from byte 8 to"
                        + " byte 13, the file ends after 10 bytes");
    }

    @Test
    void fashionMnistIsFoundWhereDebianInstallsIt() throws IOException {
        assumeTrue(Files.isDirectory(Mnist.DEBIAN_FASHION_MNIST), "dataset-fashion-mnist is not installed");
        TrainTest fashion = Mnist.fashionMnist().orElseThrow();
        assertThat(fashion.train().m()).isEqualTo(60000);
        assertThat(fashion.test().m()).isEqualTo(10000);
    }

    /** An images file of n 2x2 images whose pixel p of image i is i*4 + p, and its labels. */
    static void writeSet(Path dir, String prefix, int n, byte[] labels, String ext) throws IOException {
        byte[] pixels = new byte[n * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        Idx.write(dir.resolve(prefix + "-images-idx3-ubyte" + ext), new int[] {n, 2, 2}, pixels);
        Idx.write(dir.resolve(prefix + "-labels-idx1-ubyte" + ext), new int[] {n}, labels);
    }
}
