package dev.backprop.exercises;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/** Prints a set's results for the student, and writes them as JSON for course tools. */
public final class Report {

    private Report() {
    }

    /** The results as the student reads them, ending with the summary line {@code two-layer: 6/8 passed}. */
    public static String text(SetResult result, String onlyFunction) {
        StringBuilder out = new StringBuilder();
        out.append(result.set().name()).append(" — ").append(result.set().title()).append('\n');
        for (FunctionResult r : result.results()) {
            if (onlyFunction == null || r.function().equals(onlyFunction)) {
                out.append(function(r, "  "));
            }
        }
        out.append(result.summary()).append('\n');
        return out.toString();
    }

    /** The mark a result's line starts with: ✓ for PASS, ✗ for FAIL, – for BLOCKED. */
    public static String mark(FunctionResult.Status status) {
        return switch (status) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case BLOCKED -> "–";
        };
    }

    /**
     * One function's result, each line starting with {@code indent}: {@code ✓ PASS    sigmoid}, or the FAIL line
     * and under it, indented further, what is wrong, or the BLOCKED line and under it what blocks it
     * ({@code BLOCKED by sigmoid (it calls sigmoid; fix that first)}).
     */
    public static String function(FunctionResult r, String indent) {
        StringBuilder out = new StringBuilder(indent).append(mark(r.status())).append(' ')
                .append(String.format("%-7s", r.status().name())).append(' ').append(r.function()).append('\n');
        if (!r.passed()) {
            String under = indent + "    ";
            for (String line : r.message()) {
                out.append(under).append(line.replace("\n", "\n" + under)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The results in Gradescope's {@code results.json} form: a total {@code score}, and for each function a test
     * with {@code name}, {@code status} (passed/failed), {@code score}, {@code max_score} and {@code output} (the
     * grader's message); {@code extra_data.result} keeps PASS/FAIL/BLOCKED.
     */
    public static String json(List<SetResult> results) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode tests = root.putArray("tests");
        double total = 0;
        for (SetResult set : results) {
            for (FunctionResult r : set.results()) {
                ObjectNode t = tests.addObject();
                t.put("name", set.set().name() + ": " + r.function());
                t.put("status", r.passed() ? "passed" : "failed");
                t.put("score", r.passed() ? 1.0 : 0.0);
                t.put("max_score", 1.0);
                t.put("output", r.passed() ? "PASS" : String.join("\n", r.message()));
                t.putObject("extra_data").put("result", r.status().name()).put("set", set.set().name());
                total += r.passed() ? 1 : 0;
            }
        }
        root.put("score", total);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the results as JSON", e);
        }
    }

    /** Writes {@link #json} to a file, whole or not at all. */
    public static void writeJson(Path file, List<SetResult> results) {
        Workspace.write(file, json(results));
    }
}
