package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.core.matrix.Matrix;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads files numpy wrote (scripts/data_reference.py) and writes files numpy reads. */
class NpyTests {

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(NpyTests.class.getResource("/dev/backprop/core/data/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"f8_little", "f8_big", "f4_little", "f4_big", "i8_little", "i8_big", "i4_little",
            "i4_big", "i2_little", "i1_little", "u1_little", "u2_little", "u4_little", "u8_big", "f8_fortran"})
    void everySupportedDtypeAndByteOrderReadsAsArange(String kind) throws IOException {
        NpyArray a = Npy.read(fixture("arange_3x4_" + kind + ".npy"));
        assertThat(a.shape()).containsExactly(3, 4);
        assertThat(a.data()).containsExactly(DoubleStream.iterate(0, v -> v + 1).limit(12).toArray());
        assertThat(a.toMatrix()).isEqualTo(Matrix.of(3, 4, a.data()));
    }

    @Test
    void booleansOneAndThreeDimensionalAndScalarArraysRead() throws IOException {
        assertThat(Npy.read(fixture("arange_3x4_b1.npy")).data()).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1);
        NpyArray cube = Npy.read(fixture("arange_2x3x4_f8_fortran.npy"));
        assertThat(cube.shape()).containsExactly(2, 3, 4);
        assertThat(cube.data()).containsExactly(DoubleStream.iterate(0, v -> v + 1).limit(24).toArray());
        assertThat(Npy.read(fixture("arange_5_f8.npy")).toMatrix().shape().toString()).isEqualTo("(1, 5)");
        assertThat(Npy.read(fixture("scalar_f8.npy")).toMatrix().item()).isEqualTo(12.0);
    }

    @Test
    void javaWritesTheBytesNpSaveWrites() throws IOException {
        double[] W = {0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0};
        assertThat(Npy.toBytes(NpyArray.of(Matrix.of(2, 3, W)))).isEqualTo(Files.readAllBytes(fixture("f8_2x3.npy")));
        double[] b = {0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0};
        assertThat(Npy.toBytes(NpyArray.of(Matrix.of(4, 1, b)))).isEqualTo(Files.readAllBytes(fixture("f8_4x1.npy")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c16:'<c16' (complex)", "U2:'<U2' (unicode string)", "f2:'<f2' (half-precision float)",
            "structured:a structured dtype"})
    void unsupportedDtypesAreNamed(String caseAndMessage) {
        String[] c = caseAndMessage.split(":", 2);
        Path file = fixture("unsupported_" + c[0] + ".npy");
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(file + ": byte 10 (header {'descr': ")
                .hasMessageContaining("unsupported dtype").hasMessageContaining(c[1]);
    }

    @Test
    void aNativeByteOrderIsRefusedByName() {
        byte[] bytes = Npy.toBytes(NpyArray.of(Matrix.row(1, 2)));
        bytes[21] = '=';   // {'descr': '<f8' → '=f8'
        assertThatThrownBy(() -> Npy.parse("x.npy", bytes)).hasMessageContaining("unsupported byte order '='");
    }

    @Test
    void theModelPythonSavedLoadsWithItsArchitecture() throws IOException {
        ModelFile.Model model = ModelFile.load(fixture("python_model.npz"));
        assertThat(model.parameters().keySet()).containsExactly("W1", "b1", "W2", "b2");
        assertThat(model.parameters().get("W1")).isEqualTo(Matrix.of(3, 2, 0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0));
        assertThat(model.parameters().get("b1")).isEqualTo(Matrix.column(0, 1 / 11.0, 2 / 11.0));
        assertThat(model.parameters().get("b2")).isEqualTo(Matrix.of(1, 1, 0.5));
        assertThat(model.architecture()).isEqualTo("{\"layers\": [2, 3, 1], \"activations\": [\"tanh\", \"sigmoid\"]}");
    }

    @Test
    void aCompressedNpzLoadsAndA1DBiasBecomesAColumn() throws IOException {
        ModelFile.Model model = ModelFile.load(fixture("python_model_compressed.npz"));
        assertThat(model.parameters().get("b1")).isEqualTo(Matrix.column(0, 1 / 11.0, 2 / 11.0));
        assertThat(model.architecture()).isEmpty();
    }

    @Test
    void savedParametersLoadBackEqualAndTheirEntriesAreNumpysBytes() throws IOException {
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        parameters.put("W1", Matrix.of(2, 3, 0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0));
        parameters.put("b1", Matrix.column(0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0));
        Path file = dir.resolve("model.npz");
        ModelFile.save(file, parameters, "{\"layers\": [3, 2]}");
        ModelFile.Model back = ModelFile.load(file);
        assertThat(back.parameters()).isEqualTo(parameters);
        assertThat(back.architecture()).isEqualTo("{\"layers\": [3, 2]}");
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            assertThat(zip.getInputStream(zip.getEntry("W1.npy")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(fixture("f8_2x3.npy")));
            assertThat(zip.getInputStream(zip.getEntry("b1.npy")).readAllBytes())
                    .isEqualTo(Files.readAllBytes(fixture("f8_4x1.npy")));
        }
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void aParameterHoldingNaNIsNotSavedAndTheOldFileStays() throws IOException {
        Path file = dir.resolve("model.npz");
        ModelFile.save(file, Map.of("W1", Matrix.row(1, 2)), "");
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> ModelFile.save(file, Map.of("W1", Matrix.row(1, Double.NaN)), ""))
                .hasMessageContaining("parameter W1 (1,2) holds NaN");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void kerasLayoutPutsEachExampleInAColumn() throws IOException {
        TrainTest data = NpzData.load(fixture("keras_layout.npz"));
        assertThat(data.train().X().shape().toString()).isEqualTo("(6, 4)");
        assertThat(data.train().height()).isEqualTo(2);
        assertThat(data.train().X().T().toArray()).startsWith(0, 1, 2, 3, 4, 5, 6);
        assertThat(data.train().labels()).containsExactly(0, 1, 2, 1);
        assertThat(data.test().labels()).containsExactly(2);
        assertThat(data.train().classes()).isEqualTo(3);
    }

    @Test
    void workshopLayoutNpzRoundTrips() throws IOException {
        Path file = dir.resolve("d.npz");
        Npz.write(file, Map.of("X", NpyArray.of(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)),
                "Y", NpyArray.of(Matrix.row(1, 0, 1))), Map.of());
        TrainTest data = NpzData.load(file);
        assertThat(data.train().X()).isEqualTo(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6));
        assertThat(data.train().labels()).containsExactly(1, 0, 1);
        assertThat(data.test()).isNull();
    }

    @Test
    void aNonIntegerLabelInAnNpzIsNamed() throws IOException {
        Path file = dir.resolve("d.npz");
        Npz.write(file, Map.of("X", NpyArray.of(Matrix.row(1, 2)), "Y", NpyArray.of(Matrix.row(0, 0.5))), Map.of());
        assertThatThrownBy(() -> NpzData.load(file))
                .hasMessage(file + ": entry Y.npy, element 1: expected a class label 0, 1, 2, ..., found 0.5");
    }

    @Test
    void aNaNOrInfinityInXIsNamedByItsElementAndExample() throws IOException {
        // before: "entry X.npy: expected finite numbers, found NaN or infinity", without saying where
        Path file = dir.resolve("d.npz");
        Npz.write(file, Map.of("X", NpyArray.of(Matrix.of(2, 3, 1, 2, 3, 4, Double.NaN, 6)),
                "Y", NpyArray.of(Matrix.row(1, 0, 1))), Map.of());
        assertThatThrownBy(() -> NpzData.load(file)).isInstanceOf(DataFileException.class)
                .hasMessage(file + ": entry X.npy, element 4 (X[1, 1], example 1): expected a finite number,"
                        + " found NaN");
        Path keras = dir.resolve("keras.npz");
        double[] pixels = new double[2 * 2 * 3];
        pixels[9] = Double.NEGATIVE_INFINITY;
        Npz.write(keras, Map.of("x_train", new NpyArray("<f8", new int[] {2, 2, 3}, pixels),
                "y_train", NpyArray.of(Matrix.row(0, 1))), Map.of());
        assertThatThrownBy(() -> NpzData.load(keras))
                .hasMessage(keras + ": entry x_train.npy, element 9 (x_train[1, 1, 0], example 1): expected a finite"
                        + " number, found -Infinity");
    }

    @Test
    void aSavedParameterHoldingInfinityIsNamedByItsElement() throws IOException {
        Path file = dir.resolve("model.npz");
        Npz.write(file, Map.of("b1", NpyArray.of(Matrix.of(3, 1, 0, Double.POSITIVE_INFINITY, 0))), Map.of());
        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessage(file + ": entry b1.npy, element 1 (b1[1, 0]): expected a finite number, found Infinity");
    }

    @Test
    void aNegativeDimensionIsNamedAsOne() {
        byte[] bytes = Npy.toBytes(NpyArray.of(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replace("(2, 3)", "(-2,-3)");
        // before: "shape (-2,-3) holds more elements than one array can"
        assertThatThrownBy(() -> Npy.parse("bad.npy", text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                .hasMessageContaining("bad.npy").hasMessageContaining("shape (-2,-3) has a negative dimension -2");
    }

    @Test
    void aCorruptZipEntryIsNamedWithTheByteWhereItStarts(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("one.npz");
        Npz.write(file, Map.of("X", NpyArray.of(Matrix.of(2, 3, 1, 2, 3, 4, 5, 6))), Map.of());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 3] ^= 0x55;
        Files.write(file, bytes);
        // before: "…: entry X.npy: corrupt or truncated zip data (…)", without a byte
        assertThatThrownBy(() -> Npz.read(file)).hasMessageStartingWith(file + ": entry X.npy, byte 0: ");
        Files.write(file, java.util.Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> Npz.read(file)).hasMessageStartingWith(file + ": ").hasMessageContaining("byte");
    }
}
