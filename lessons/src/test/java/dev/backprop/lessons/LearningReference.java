package dev.backprop.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A reference file of {@code scripts/backprop_reference.py} or {@code scripts/gradient_descent_reference.py}: one
 * line per record, its key (the words before the first number) then its values.
 */
final class LearningReference {

    private final Map<String, double[]> records;

    private LearningReference(Map<String, double[]> records) {
        this.records = records;
    }

    static LearningReference load(String resource) {
        try (InputStream in = LearningReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            return new LearningReference(lines.stream().collect(Collectors.toMap(LearningReference::key,
                    LearningReference::values)));
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static boolean isNumber(String word) {
        return word.matches("-?[0-9][0-9.e+-]*");
    }

    private static String key(String line) {
        return Arrays.stream(line.split(" ")).takeWhile(w -> !isNumber(w)).collect(Collectors.joining(" "));
    }

    private static double[] values(String line) {
        return Arrays.stream(line.split(" ")).dropWhile(w -> !isNumber(w)).filter(LearningReference::isNumber)
                .mapToDouble(Double::parseDouble).toArray();
    }

    /** The values of the record with this key, e.g. {@code get("buggy difference")}. */
    double[] get(String key) {
        double[] v = records.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no record '" + key + "' in the reference; it has " + records.keySet());
        }
        return v;
    }

    double value(String key) {
        return get(key)[0];
    }
}
