package dev.backprop.exercises;

import dev.backprop.core.data.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the exercise sources live: the {@code exercises} module directory, from the system property
 * {@code backprop.exercises.dir} (set by {@code ./workshop}), else {@code ./exercises} or the working directory
 * (Maven runs the tests in the module directory).
 */
public record Workspace(Path moduleDir) {

    /** The package the exercise classes share, in the solution and the student source roots. */
    public static final String PACKAGE = "dev.backprop.exercises.student";

    /** The workspace this process runs in. */
    public static Workspace current() {
        String dir = System.getProperty("backprop.exercises.dir");
        if (dir != null) {
            return new Workspace(Path.of(dir).toAbsolutePath().normalize());
        }
        Path here = Path.of("").toAbsolutePath();
        Path child = here.resolve("exercises");
        return new Workspace(Files.isDirectory(child.resolve("src/solution")) ? child : here);
    }

    /** The reference solution of a class, e.g. {@code TwoLayerNetworkExercise}. */
    public Path solution(String className) {
        return moduleDir.resolve("src/solution/java").resolve(PACKAGE.replace('.', '/')).resolve(className + ".java");
    }

    /** The file a student edits. */
    public Path student(String className) {
        return moduleDir.resolve("src/student/java").resolve(PACKAGE.replace('.', '/')).resolve(className + ".java");
    }

    /** Compiled classes are cached here, keyed by the source's hash. */
    public Path cache() {
        return moduleDir.resolve("target/grader-cache");
    }

    /** What {@code --hint} has revealed so far. */
    public Path hintState() {
        return moduleDir.resolve("target/hints.properties");
    }

    /** Reads a UTF-8 file, naming it when that fails. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a UTF-8 file whole or not at all: to a temp file beside it, then moved into place. */
    public static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            String why = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new UncheckedIOException("cannot write " + file + ": " + why, e);
        }
    }
}
