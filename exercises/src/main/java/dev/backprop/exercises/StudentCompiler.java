package dev.backprop.exercises;

import dev.backprop.core.matrix.Matrix;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise file in-process with {@code javax.tools}, into a cache keyed by the source's hash, so
 * {@code ./workshop check} compiles only what changed and a file that does not compile never breaks the launcher.
 *
 * <p>When some regions do not compile, each such region is replaced by its stub and a throw, and the file is
 * compiled again: those functions are reported with their first compiler message and the others are still graded.
 */
final class StudentCompiler {

    /** The result: the class (null when nothing could be compiled), and the compiler errors found. */
    record Compiled(Class<?> type, Map<String, String> errorsByMethod, String fileError) {
    }

    /** Part of the cache key: change it when what is cached (the messages, say) changes. */
    private static final String CACHE_VERSION = "2";

    private final Path cacheRoot;

    StudentCompiler(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /**
     * Compiles {@code source} (the text of {@code className}.java) and loads the class. {@code stubSource} is the
     * generated stub of the same file, whose region stubs replace regions that do not compile.
     */
    Compiled compile(String className, String source, String stubSource, String displayName) {
        String classpath = classpath();
        Path dir = cacheRoot.resolve(className + "-" + hash(CACHE_VERSION + "\0" + source + "\0" + stubSource + "\0"
                + classpath));
        Path done = dir.resolve("compiled.properties");
        Properties result = new Properties();
        if (Files.isRegularFile(done)) {
            result = load(done);
        } else {
            result = compileInto(dir.resolve("classes"), className, source, stubSource, displayName, classpath);
            store(done, result);
        }
        Map<String, String> byMethod = new LinkedHashMap<>();
        for (String key : new TreeSet<>(result.stringPropertyNames())) {
            if (key.startsWith("method.")) {
                byMethod.put(key.substring("method.".length()), result.getProperty(key));
            }
        }
        String fileError = result.getProperty("file");
        if (fileError != null) {
            return new Compiled(null, byMethod, fileError);
        }
        try {
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                    StudentCompiler.class.getClassLoader());
            return new Compiled(loader.loadClass(Workspace.PACKAGE + "." + className), byMethod, null);
        } catch (ClassNotFoundException | MalformedURLException | LinkageError e) {
            return new Compiled(null, byMethod, displayName + ": the compiled class cannot be loaded: " + e);
        }
    }

    private Properties compileInto(Path classes, String className, String source, String stubSource,
                                   String displayName, String classpath) {
        Properties result = new Properties();
        List<Regions.Region> regions;
        List<Regions.Region> stubs = Regions.ofStudent(stubSource);
        try {
            regions = Regions.ofStudent(source);
        } catch (IllegalArgumentException e) {
            regions = List.of();
        }
        Set<Integer> stubbed = new TreeSet<>();
        String text = source;
        for (int attempt = 0; attempt <= stubs.size(); attempt++) {
            List<Diagnostic<? extends JavaFileObject>> errors = javac(classes, className, text, classpath);
            if (errors.isEmpty()) {
                return result;
            }
            boolean progress = false;
            for (Diagnostic<? extends JavaFileObject> d : errors) {
                String message = displayName + ":" + d.getLineNumber() + ": " + firstLine(d.getMessage(Locale.ROOT));
                int region = regionOf(regions, d.getLineNumber());
                if (region < 0 || regions.size() != stubs.size() || attempt == stubs.size()) {
                    result.clear();
                    result.setProperty("file", message);
                    return result;
                }
                if (stubbed.add(region)) {
                    progress = true;
                    result.setProperty("method." + regions.get(region).method(), "does not compile: " + message);
                }
            }
            if (!progress) {
                result.clear();
                result.setProperty("file", displayName + ": does not compile");
                return result;
            }
            text = Regions.withRegionsStubbed(source, regions, stubs, stubbed, "does not compile");
        }
        result.setProperty("file", displayName + ": does not compile");
        return result;
    }

    private static int regionOf(List<Regions.Region> regions, long line) {
        for (int k = 0; k < regions.size(); k++) {
            if (regions.get(k).contains((int) line)) {
                return k;
            }
        }
        return -1;
    }

    private static List<Diagnostic<? extends JavaFileObject>> javac(Path classes, String className, String source,
                                                                    String classpath) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run ./workshop with a JDK, not a JRE");
        }
        try {
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + classes + ": " + e.getMessage(), e);
        }
        URI uri = URI.create("string:///" + Workspace.PACKAGE.replace('.', '/') + "/" + className + ".java");
        JavaFileObject file = new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", classes.toString(), "-cp", classpath, "-proc:none", "-g",
                "-encoding", "UTF-8", "-nowarn");
        compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(d);
            }
        }
        return errors;
    }

    /** nn-core and this module, wherever they are (classes folders under Maven, jars elsewhere). */
    static String classpath() {
        return location(Matrix.class) + File.pathSeparator + location(StudentCompiler.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + type.getName(), e);
        }
    }

    /** javac's first line, and its "symbol:" line where it names what cannot be found. */
    private static String firstLine(String s) {
        String[] lines = s.split("\n");
        for (String line : lines) {
            if (line.trim().startsWith("symbol:")) {
                return lines[0] + " (" + line.trim().replaceAll("\\s+", " ") + ")";
            }
        }
        return lines[0];
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return p;
    }

    private static void store(Path file, Properties p) {
        StringBuilder text = new StringBuilder();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            text.append(escape(key)).append('=').append(escape(p.getProperty(key))).append('\n');
        }
        Workspace.write(file, text.toString());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '=' -> b.append("\\=");
                case ':' -> b.append("\\:");
                default -> b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }
}
