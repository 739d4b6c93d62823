package dev.backprop.core;

import dev.backprop.core.matrix.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reference values written by {@code scripts/workshop_reference.py} from the workshop's numpy code: named matrices
 * with exact (hex) values, and named blocks of text such as numpy's printed output.
 */
public final class Reference {

    private final Map<String, Matrix> matrices = new HashMap<>();
    private final Map<String, String> texts = new HashMap<>();

    private Reference() {
    }

    /** Reads a reference file from the test class path, e.g. {@code /dev/backprop/core/model/two_layer_reference.txt}. */
    public static Reference load(String resource) {
        Reference ref = new Reference();
        try (InputStream in = Reference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no reference resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] head = line.split(" ");
                if (head[0].equals("text")) {
                    int n = Integer.parseInt(head[2]);
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < n; i++) {
                        s.append(r.readLine());
                        if (i < n - 1) {
                            s.append('\n');
                        }
                    }
                    ref.texts.put(head[1], s.toString());
                } else {
                    int rows = Integer.parseInt(head[1]);
                    int cols = Integer.parseInt(head[2]);
                    String[] values = r.readLine().trim().split(" ");
                    double[] data = new double[rows * cols];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = parse(values[i]);
                    }
                    ref.matrices.put(head[0], Matrix.of(rows, cols, data));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ref;
    }

    private static double parse(String v) {
        return switch (v) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    public Matrix matrix(String name) {
        Matrix m = matrices.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no reference matrix '" + name + "'");
        }
        return m;
    }

    public double scalar(String name) {
        return matrix(name).item();
    }

    public String text(String name) {
        String s = texts.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no reference text '" + name + "'");
        }
        return s;
    }

    /** Largest |a − b| / ulp(b) over all elements: 0 means bit-identical. */
    public static double maxUlps(Matrix actual, Matrix expected) {
        double[] a = actual.toArray();
        double[] e = expected.toArray();
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - e[i]) / Math.ulp(e[i]));
        }
        return worst;
    }
}
