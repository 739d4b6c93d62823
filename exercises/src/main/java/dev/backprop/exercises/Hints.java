package dev.backprop.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/** The hint levels revealed so far, one more with each {@code --hint}; kept under the module's target folder. */
final class Hints {

    private Hints() {
    }

    /** Reveals the next hint of the function and returns every hint revealed so far, numbered. */
    static String next(Workspace workspace, ExerciseSet set, FunctionSpec f) {
        Properties state = new Properties();
        if (Files.isRegularFile(workspace.hintState())) {
            try (var in = Files.newBufferedReader(workspace.hintState(), StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + workspace.hintState() + ": " + e.getMessage(), e);
            }
        }
        String key = set.name() + "." + f.workshopName();
        List<String> hints = f.hints();
        int level = Math.min(hints.size(), Integer.parseInt(state.getProperty(key, "0")) + 1);
        state.setProperty(key, String.valueOf(level));
        StringBuilder text = new StringBuilder();
        for (String k : new TreeSet<>(state.stringPropertyNames())) {
            text.append(k).append('=').append(state.getProperty(k)).append('\n');
        }
        Workspace.write(workspace.hintState(), text.toString());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < level; i++) {
            out.append("hint ").append(i + 1).append('/').append(hints.size()).append(" for ")
                    .append(f.workshopName()).append(": ").append(hints.get(i)).append('\n');
        }
        if (level == hints.size()) {
            out.append("(that was the last hint for ").append(f.workshopName()).append(")\n");
        }
        return out.toString();
    }
}
