package dev.backprop.core.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases of sklearn_reference.txt, written by scripts/data_reference.py with scikit-learn. */
final class ScikitLearnReference {

    record Case(String name, int classes, int digits, List<String> names, int[] yTrue, int[] yPred,
            String confusionMatrix, String report, Map<String, double[]> averages) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Regression(String name, double[] y, double[] yhat, double mae, double mse, double r2) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = new ArrayList<>();
    static final List<Regression> REGRESSIONS = new ArrayList<>();

    static {
        try (InputStream in = ScikitLearnReference.class.getResourceAsStream(
                "/dev/backprop/core/metrics/sklearn_reference.txt")) {
            parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ScikitLearnReference() {
    }

    private static void parse(String[] lines) {
        int i = 1;
        while (i < lines.length && !lines[i].isEmpty()) {
            String[] head = lines[i].split(" ", 5);
            if (head[1].equals("regression")) {
                double[] y = hex(lines[i + 1]);
                double[] yhat = hex(lines[i + 2]);
                double[] m = hex(lines[i + 3]);
                REGRESSIONS.add(new Regression(head[2], y, yhat, m[0], m[1], m[2]));
                i += 4;
                continue;
            }
            Map<String, String> sections = new LinkedHashMap<>();
            String section = null;
            StringBuilder body = new StringBuilder();
            for (i++; !lines[i].equals("@@ end"); i++) {
                if (lines[i].startsWith("@@ ")) {
                    if (section != null) {
                        sections.put(section, body.toString());
                    }
                    section = lines[i].substring(3);
                    body.setLength(0);
                } else {
                    body.append(lines[i]).append('\n');
                }
            }
            sections.put(section, body.toString());
            i++;
            Map<String, double[]> averages = new LinkedHashMap<>();
            for (String line : sections.get("averages").split("\n")) {
                String[] f = line.split(" ", 2);
                averages.put(f[0], hex(f[1]));
            }
            String cm = sections.get("confusion_matrix");
            CASES.add(new Case(head[2], Integer.parseInt(head[3]), Integer.parseInt(head[4].split(" ")[0]),
                    head[4].split(" ", 2)[1].equals("-") ? null : List.of(head[4].split(" ", 2)[1].split("\\|")),
                    ints(sections.get("y_true")), ints(sections.get("y_pred")), cm.substring(0, cm.length() - 1),
                    sections.get("classification_report"), averages));
        }
    }

    private static int[] ints(String line) {
        return Arrays.stream(line.strip().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    private static double[] hex(String line) {
        return Arrays.stream(line.strip().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }
}
