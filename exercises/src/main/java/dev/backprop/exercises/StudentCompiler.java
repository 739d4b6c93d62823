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
import java.util.Collection;
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
 * An error elsewhere in the method of a function (say, a {@code return} of a variable the student's region no longer
 * declares) fails that function the same way, with the method's whole body replaced by a throw; only an error
 * outside those methods (an import, another class member) fails the whole file.
 */
final class StudentCompiler {

    /** The result: the class (null when nothing could be compiled), and the compiler errors found. */
    record Compiled(Class<?> type, Map<String, String> errorsByMethod, String fileError) {
    }

    /** Part of the cache key: change it when what is cached (the messages, say) changes. */
    private static final String CACHE_VERSION = "3";

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
        boolean isolable = regions.size() == stubs.size();
        Set<Integer> stubbed = new TreeSet<>();
        Map<String, SourceMethods.Method> replaced = new LinkedHashMap<>();
        String text = source;
        while (true) {
            List<Diagnostic<? extends JavaFileObject>> errors = javac(classes, className, text, classpath);
            if (errors.isEmpty()) {
                return result;
            }
            Set<Integer> stubbedBefore = Set.copyOf(stubbed);
            Set<String> replacedBefore = Set.copyOf(replaced.keySet());
            List<SourceMethods.Method> methods = null;
            String unattributed = null;
            for (Diagnostic<? extends JavaFileObject> d : errors) {
                int line = (int) d.getLineNumber();
                String message = displayName + ":" + line + ": " + firstLine(d.getMessage(Locale.ROOT));
                int region = isolable ? regionOf(regions, line) : -1;
                String method = null;
                if (region >= 0 && !stubbedBefore.contains(region)) {
                    stubbed.add(region);
                    method = regions.get(region).method();
                } else if (isolable) {
                    methods = methods == null ? SourceMethods.of(text) : methods;
                    SourceMethods.Method m = methodOf(methods, regions, line);
                    if (m != null && !replacedBefore.contains(m.name())) {
                        replaced.putIfAbsent(m.name(), m);
                        method = m.name();
                    }
                }
                if (method == null) {
                    unattributed = unattributed == null ? message : unattributed;
                } else if (result.getProperty("method." + method) == null) {
                    result.setProperty("method." + method, "does not compile: " + message);
                }
            }
            if (unattributed != null) {
                result.clear();
                result.setProperty("file", unattributed);
                return result;
            }
            text = withBodiesStubbed(Regions.withRegionsStubbed(source, regions, stubs, stubbed, "does not compile"),
                    replaced.values());
        }
    }

    private static int regionOf(List<Regions.Region> regions, long line) {
        for (int k = 0; k < regions.size(); k++) {
            if (regions.get(k).contains((int) line)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The method a 1-based line falls in, from its declaration to its closing brace, when its body can be stubbed:
     * a method with regions (one the student fills in), whose body spans lines of its own and holds no region of
     * another method (as it would when a missing brace made the parser take the next methods for part of it).
     */
    private static SourceMethods.Method methodOf(List<SourceMethods.Method> methods, List<Regions.Region> regions,
                                                 int line1) {
        for (SourceMethods.Method m : methods) {
            if (line1 - 1 < m.declaration() || line1 - 1 > m.last() || m.last() - m.body() < 2) {
                continue;
            }
            boolean own = regions.stream().anyMatch(r -> m.name().equals(r.method()));
            boolean alone = regions.stream().noneMatch(r -> r.start() > m.body() && r.end() < m.last()
                    && !m.name().equals(r.method()));
            return own && alone ? m : null;
        }
        return null;
    }

    /**
     * The source with the bodies of these methods replaced by a throw, keeping the line count (so compiler messages
     * for the rest of the file keep their line numbers): an error outside a method's regions, or one that its
     * regions' stubs do not remove, fails that method only.
     */
    private static String withBodiesStubbed(String text, Collection<SourceMethods.Method> methods) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (SourceMethods.Method m : methods) {
            for (int i = m.body() + 1; i < m.last(); i++) {
                lines.set(i, "");
            }
            lines.set(m.body() + 1, "throw new IllegalStateException(\"does not compile\");");
        }
        return String.join("\n", lines) + "\n";
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
