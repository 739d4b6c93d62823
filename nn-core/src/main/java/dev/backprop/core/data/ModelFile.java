package dev.backprop.core.data;

import dev.backprop.core.matrix.Matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trained parameters saved as numpy's {@code .npz}, so Python reads weights trained in Java and the reverse:
 * one array per parameter ({@code W1.npy}, {@code b1.npy}, …, as {@code float64} in its own shape) and the
 * architecture beside them as {@code architecture.json}. In Python:
 * <pre>
 * p = np.load("model.npz"); W1 = p["W1"]; architecture = json.loads(p["architecture.json"])
 * np.savez("model.npz", W1=W1, b1=b1, ...)        # a file this class loads
 * </pre>
 */
public final class ModelFile {

    /** The entry that holds the architecture. */
    public static final String ARCHITECTURE = "architecture.json";

    private ModelFile() {
    }

    /** Parameters by name, in their order, and the architecture text ({@code ""} when the file has none). */
    public record Model(Map<String, Matrix> parameters, String architecture) {
    }

    /**
     * Writes the parameters and the architecture (JSON text, by convention) to a temporary file and moves it into
     * place, so a crash never leaves a half-written model.
     */
    public static void save(Path file, Map<String, Matrix> parameters, String architecture) throws IOException {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Matrix> p : parameters.entrySet()) {
            if (!p.getValue().isFinite()) {
                throw new IllegalArgumentException("save " + file + ": parameter " + p.getKey() + " "
                        + p.getValue().shape().compact() + " holds NaN or infinity");
            }
            arrays.put(p.getKey(), NpyArray.of(p.getValue()));
        }
        Npz.write(file, arrays, architecture.isEmpty() ? Map.of() : Map.of(ARCHITECTURE, architecture));
    }

    /**
     * Reads the parameters of an {@code .npz}. 2-D arrays keep their shape; a 1-D array (a bias saved as
     * {@code (n,)}, as Keras keeps it) becomes a column (n, 1), as the workshop's {@code b1} is.
     *
     * @throws DataFileException for a bad file, an array of 3 or more dimensions, or NaN/infinity in an array
     */
    public static Model load(Path file) throws IOException {
        Npz.Contents contents = Npz.read(file);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : contents.arrays().entrySet()) {
            NpyArray a = e.getValue();
            String where = "entry " + e.getKey() + ".npy";
            Matrix matrix = switch (a.shape().length) {
                case 1 -> Matrix.of(a.shape()[0], 1, a.data());
                case 2 -> a.toMatrix();
                default -> throw new DataFileException(file.toString(), where, "expected a 1-D or 2-D parameter,"
                        + " found shape " + NpyArray.shapeText(a.shape()));
            };
            NpzData.requireFinite(file.toString(), e.getKey(), a, -1);
            parameters.put(e.getKey(), matrix);
        }
        return new Model(Collections.unmodifiableMap(parameters), contents.texts().getOrDefault(ARCHITECTURE, ""));
    }
}
