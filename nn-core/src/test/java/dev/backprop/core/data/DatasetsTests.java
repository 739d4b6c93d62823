package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTests {

    @TempDir
    Path dir;

    @Test
    void mnistComesScaledToZeroOne() throws IOException {
        TrainTest mnist = Datasets.load("mnist", "label");
        assertThat(mnist.train().m()).isEqualTo(8000);
        assertThat(mnist.test().X().max()).isEqualTo(1.0);
    }

    @Test
    void digitsAreSplit80To20Stratified() throws IOException {
        TrainTest digits = Datasets.load("digits", "label");
        assertThat(digits.train().m() + digits.test().m()).isEqualTo(1797);
        assertThat(digits.test().m()).isBetween(355, 365);
        assertThat(java.util.Arrays.stream(ClassBalance.counts(digits.test())).boxed().toList()).allSatisfy(c -> assertThat(c).isBetween(34, 37));
        assertThat(digits.train().X().max()).isEqualTo(1.0);
    }

    @Test
    void csvAndFolderSourcesLoad() throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,label\n1,0\n2,1\n");
        assertThat(Datasets.load("csv:" + csv, "label").train().labels()).containsExactly(0, 1);
        MnistTests.writeSet(dir, "train", 2, new byte[] {0, 1}, "");
        MnistTests.writeSet(dir, "t10k", 1, new byte[] {1}, ".gz");
        assertThat(Datasets.load("dir:" + dir, "label").test().labels()).containsExactly(1);
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Datasets.load("cifar", "label"))
                .hasMessage("unknown data set 'cifar', expected one of " + Datasets.NAMES);
    }

    @Test
    void aMissingFileSaysSoWithItsName(@TempDir Path dir) {
        // before: java.nio.file.NoSuchFileException with the path alone as its message
        for (String kind : new String[] {"csv", "npz"}) {
            Path missing = dir.resolve("nowhere." + kind);
            assertThatThrownBy(() -> Datasets.load(kind + ":" + missing, "label"))
                    .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessage(missing + ": no such file");
        }
    }

    @Test
    void labeledDataPrintsItsShapeNotAnArrayAddress() {
        // before: "LabeledData[X=…, labels=[I@1e800aaa, …]"
        LabeledData data = new LabeledData(dev.backprop.core.matrix.Matrix.zeros(4, 3), new int[] {0, 1, 1}, 2, 2, 2);
        assertThat(data).hasToString("LabeledData[X (4,3), 3 labels of 2 classes, 2×2 images]");
        assertThat(data.select(new int[] {0})).hasToString("LabeledData[X (4,1), 1 label of 2 classes, 2×2 images]");
    }
}
