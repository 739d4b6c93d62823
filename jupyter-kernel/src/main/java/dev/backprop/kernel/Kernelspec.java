package dev.backprop.kernel;

import com.google.gson.GsonBuilder;
import dev.backprop.core.data.AtomicFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernelspec Jupyter finds the kernel by: a folder {@code kernels/backprop-workshop} holding {@code kernel.json},
 * whose {@code argv} starts {@link KernelMain} with this JVM and this class path (the engine, the lessons and the
 * kernel, as {@code ./workshop} built them), through bash (see {@link #DROP_INCUBATOR_WARNING}).
 */
final class Kernelspec {

    /** The system property the exercises' workspace is read from ({@code dev.backprop.exercises.Workspace}). */
    static final String EXERCISES_DIR = "backprop.exercises.dir";

    /**
     * A bash script that runs its arguments (the kernel's JVM) with the JVM's first line on stderr dropped when it is
     * {@code WARNING: Using incubator modules: jdk.incubator.vector}, as {@code ./workshop} drops it: the Vector API
     * (the fast CPU backend) is an incubator module in JDK 17, and the line would land in the terminal of whoever
     * started Jupyter, saying nothing to a student. Everything else on stderr passes through; {@code exec} keeps the
     * JVM's process id the one Jupyter started.
     */
    static final String DROP_INCUBATOR_WARNING = "drop() { if IFS= read -r line; then"
            + " [[ \"$line\" == 'WARNING: Using incubator modules: jdk.incubator.vector' ]] || printf '%s\\n' \"$line\";"
            + " exec cat; fi; printf '%s' \"$line\"; }; exec \"$@\" 2> >(drop >&2)";

    private Kernelspec() {
    }

    /** {@code PREFIX/share/jupyter/kernels}, where {@code jupyter kernelspec install --prefix PREFIX} puts kernels. */
    static Path kernelsUnderPrefix(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /**
     * The user's kernels folder, as Jupyter looks for it: {@code $JUPYTER_DATA_DIR/kernels}, else
     * {@code ~/Library/Jupyter/kernels} on macOS, {@code %APPDATA%\jupyter\kernels} on Windows, and
     * {@code $XDG_DATA_HOME/jupyter/kernels} (default {@code ~/.local/share/jupyter/kernels}) elsewhere.
     */
    static Path userKernels(Map<String, String> env) {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path data;
        if (env.get("JUPYTER_DATA_DIR") != null) {
            data = Path.of(env.get("JUPYTER_DATA_DIR"));
        } else if (os.contains("mac")) {
            data = Path.of(home, "Library", "Jupyter");
        } else if (os.contains("win") && env.get("APPDATA") != null) {
            data = Path.of(env.get("APPDATA"), "jupyter");
        } else if (env.get("XDG_DATA_HOME") != null) {
            data = Path.of(env.get("XDG_DATA_HOME"), "jupyter");
        } else {
            data = Path.of(home, ".local", "share", "jupyter");
        }
        return data.resolve("kernels");
    }

    /**
     * The contents of {@code kernel.json}: start {@link KernelMain} with {@code java} on {@code classpath}; with
     * {@code exercises} (the exercises module's folder, or null) passed on as {@code backprop.exercises.dir}, so that
     * a worksheet's grader finds the exercise sources from whatever folder Jupyter starts the kernel in.
     */
    static String kernelJson(Path java, List<Path> classpath, Path exercises) {
        // --add-modules: the fast CPU backend (module cpu-fast) uses the Vector API, an incubator module in JDK 17;
        // --add-exports: and the JDK's uninitialised arrays for its results (OutputArrays)
        List<String> argv = new ArrayList<>(List.of("bash", "-c", DROP_INCUBATOR_WARNING, "backprop-workshop-kernel",
                java.toString(), "--add-modules=jdk.incubator.vector",
                "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        if (exercises != null) {
            argv.add("-D" + EXERCISES_DIR + "=" + exercises.toAbsolutePath());
        }
        argv.addAll(List.of("-cp", classpath.stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining(File.pathSeparator)),
                KernelMain.class.getName(), "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", WorkshopKernel.DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The exercises module's folder this JVM was given ({@code ./workshop} gives it), or null. */
    static Path currentExercises() {
        String dir = System.getProperty(EXERCISES_DIR);
        return dir == null ? null : Path.of(dir);
    }

    /** This JVM's class path, entry by entry. */
    static List<Path> currentClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** This JVM's {@code java} launcher. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Writes {@code kernels/backprop-workshop/kernel.json} (through a temporary file and a move, so it is whole or
     * absent) and returns the kernelspec folder.
     *
     * @throws NotDirectoryException naming the file in the way, when the nearest part of the path that exists is a
     *     file and not a folder
     */
    static Path install(Path kernels, String kernelJson) throws IOException {
        Path dir = kernels.resolve(WorkshopKernel.NAME);
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new NotDirectoryException(p.toString());
                }
                break;
            }
        }
        AtomicFiles.writeString(dir.resolve("kernel.json"), kernelJson);
        return dir;
    }

    /**
     * Removes the kernelspec folder under {@code kernels}; returns it, or null when there was none. Only a folder
     * holding a {@code kernel.json} is removed, with what is in it (files only: a kernelspec has no subfolders).
     */
    static Path remove(Path kernels) throws IOException {
        Path dir = kernels.resolve(WorkshopKernel.NAME);
        if (!Files.isRegularFile(dir.resolve("kernel.json"))) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
        return dir;
    }
}
