package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.backprop.core.matrix.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every loader on damaged files: each valid file truncated at every offset, and each of its header bytes flipped
 * (XOR 0xFF and XOR 0x01). Every case must either throw a {@link DataFileException} naming the file, or load data
 * equal to the undamaged file's (a flipped byte that does not matter, such as a gzip timestamp or a letter of a
 * CSV feature name): never a partial
 * data set, never another exception. CSV has no length header, so a CSV cut at the end of a line, or inside the
 * last number, is a valid shorter file: there every example but the last must equal the original's, and the last
 * may differ only in its last cell.
 */
class CorruptFileCorpusTests {

    @TempDir
    Path dir;

    /** A loader: reads the file and returns what it loaded, as a value that {@code equals} compares. */
    interface Loader {
        Object load(Path file) throws IOException;
    }

    private record Outcome(int cases, int rejected, int equal, int shorterCsv) {
    }

    private Outcome run(String format, byte[] valid, int headerBytes, int[] extraFlips, Loader loader,
            boolean csv) throws IOException {
        Path file = dir.resolve(format);
        Files.write(file, valid);
        Object original = loader.load(file);
        List<byte[]> damaged = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int n = 0; n < valid.length; n++) {
            damaged.add(Arrays.copyOf(valid, n));
            labels.add("truncated to " + n + " bytes");
        }
        List<Integer> flips = new ArrayList<>();
        for (int i = 0; i < Math.min(headerBytes, valid.length); i++) {
            flips.add(i);
        }
        for (int i : extraFlips) {
            flips.add(i < 0 ? valid.length + i : i);
        }
        for (int i : flips) {
            for (int mask : new int[] {0xFF, 0x01}) {
                byte[] b = valid.clone();
                b[i] ^= (byte) mask;
                damaged.add(b);
                labels.add("byte " + i + " XOR 0x" + Integer.toHexString(mask));
            }
        }
        int rejected = 0;
        int equal = 0;
        int shorter = 0;
        for (int k = 0; k < damaged.size(); k++) {
            Files.write(file, damaged.get(k));
            Object loaded;
            try {
                loaded = loader.load(file);
            } catch (DataFileException e) {
                assertThat(e.getMessage()).as(format + ", " + labels.get(k)).startsWith(file.toString());
                rejected++;
                continue;
            } catch (Exception | OutOfMemoryError e) {
                fail(format + ", " + labels.get(k) + ": " + e + " is not a DataFileException", e);
                return null;
            }
            if (Objects.equals(loaded, original)) {
                equal++;
            } else if (csv && labels.get(k).startsWith("truncated") && isShorterCsv((Table) loaded, (Table) original)) {
                shorter++;
            } else {
                fail(format + ", " + labels.get(k) + ": loaded " + loaded + ", neither an error nor the original "
                        + original);
            }
        }
        return new Outcome(damaged.size(), rejected, equal, shorter);
    }

    private static boolean isShorterCsv(Table loaded, Table original) {
        int m = loaded.X().cols();
        if (m > original.X().cols()) {
            return false;
        }
        double[][] a = loaded.X().toArray2D();
        double[][] b = original.X().toArray2D();
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < m; i++) {
                if (a[r][i] != b[r][i]) {
                    return false;
                }
            }
        }
        // the label is the last column: only the last example's label may be a cut number
        return m == 0 || loaded.y().subList(0, m - 1).equals(original.y().subList(0, m - 1));
    }

    /** LabeledData compared by value (its arrays). */
    private record Loaded(Matrix X, List<Integer> labels, int classes) {
        static Loaded of(LabeledData d) {
            return new Loaded(d.X(), Arrays.stream(d.labels()).boxed().toList(), d.classes());
        }
    }

    /** A CSV table's numbers; the feature names may differ (a flipped letter in a name is still a whole file). */
    private record Table(Matrix X, List<Double> y) {
        static Table of(Csv.Table t) {
            return new Table(t.X(), Arrays.stream(t.y()).boxed().toList());
        }
    }

    @Test
    void everyDamagedFileIsRejectedWithItsNameOrLoadsWhole() throws IOException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        // IDX images, plain and gzipped (4 images of 3x3), and IDX labels, each read as MNIST with its partner
        byte[] pixels = new byte[36];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path images = dir.resolve("images");
        Path labels = dir.resolve("labels");
        Idx.write(images, new int[] {4, 3, 3}, pixels);
        Idx.write(labels, new int[] {4}, new byte[] {3, 1, 4, 1});
        byte[] idxImages = Files.readAllBytes(images);
        byte[] idxLabels = Files.readAllBytes(labels);
        outcomes.put("idx3 images", run("images.idx3", idxImages, 16, new int[0],
                f -> Loaded.of(Mnist.read(f, labels, 10)), false));
        outcomes.put("idx3 images, gzipped", run("images.idx3.gz", gzip(idxImages), 10,
                new int[] {-1, -2, -3, -4, -5, -6, -7, -8}, f -> Loaded.of(Mnist.read(f, labels, 10)), false));
        outcomes.put("idx1 labels", run("labels.idx1", idxLabels, 8, new int[0],
                f -> Loaded.of(Mnist.read(images, f, 10)), false));
        outcomes.put("idx1 labels, gzipped", run("labels.idx1.gz", gzip(idxLabels), 10,
                new int[] {-1, -2, -3, -4, -5, -6, -7, -8}, f -> Loaded.of(Mnist.read(images, f, 10)), false));
        // .npy: float64 as np.save writes it, and numpy-written big-endian int32 and Fortran-order files
        byte[] npy = Npy.toBytes(NpyArray.of(Matrix.of(3, 4, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)));
        outcomes.put("npy <f8", run("a.npy", npy, 128, new int[0], Npy::read, false));
        for (String fixture : new String[] {"arange_3x4_i4_big.npy", "arange_3x4_f8_fortran.npy"}) {
            byte[] b = Files.readAllBytes(NpyTests.fixture(fixture));
            outcomes.put("npy " + fixture, run(fixture, b, 128, new int[0], Npy::read, false));
        }
        // .npz: a model saved by ModelFile (two arrays and the architecture), and one numpy wrote
        Path model = dir.resolve("model.npz");
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        parameters.put("W1", Matrix.of(2, 2, 1, 2, 3, 4));
        parameters.put("b1", Matrix.column(0.5, -0.5));
        ModelFile.save(model, parameters, "{\"layers\": [2, 2]}");
        byte[] npz = Files.readAllBytes(model);
        outcomes.put("npz (ModelFile)", run("m.npz", npz, npz.length, new int[0], ModelFile::load, false));
        byte[] pythonNpz = Files.readAllBytes(NpyTests.fixture("python_model.npz"));
        outcomes.put("npz (np.savez)", run("p.npz", pythonNpz, 200, new int[0], ModelFile::load, false));
        // CSV with a header and a label column
        byte[] csv = "bedrooms,bathrooms,sqft,price\n5,3,3000,350.25\n4,2,2100,210\n3,1,1200,99.5\n"
                .getBytes(StandardCharsets.UTF_8);
        outcomes.put("csv", run("h.csv", csv, 30, new int[0], f -> Table.of(Csv.read(f, "price")), true));
        outcomes.put("csv, class labels", run("c.csv", "x1,x2,y\n0.5,1,0\n0.25,2,2\n1,3,1\n"
                .getBytes(StandardCharsets.UTF_8), 8, new int[0], f -> {
                    LabeledData d = Csv.readClasses(f, "y", 3);
                    return new Table(d.X(), Arrays.stream(d.labels()).asDoubleStream().boxed().toList());
                }, true));

        int cases = 0;
        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Outcome> e : outcomes.entrySet()) {
            Outcome o = e.getValue();
            cases += o.cases();
            report.append(String.format("%-28s %5d cases: %5d rejected, %3d loaded equal, %3d valid shorter CSV%n",
                    e.getKey(), o.cases(), o.rejected(), o.equal(), o.shorterCsv()));
        }
        System.out.print(report.append("corpus: ").append(cases).append(" damaged files\n"));
        assertThat(cases).isGreaterThan(2000);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
