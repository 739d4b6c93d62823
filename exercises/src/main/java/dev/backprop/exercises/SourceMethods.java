package dev.backprop.exercises;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The static methods of an exercise class's source and the lines each spans, found by javac's parser (so a brace in
 * a comment or a string cannot mislead it). A worksheet cuts its code cells from these lines, and the grader of a
 * notebook puts the cells back in their place.
 */
public final class SourceMethods {

    /**
     * A method of the source, by 0-based line: {@code first} is the first line of its Javadoc (its declaration when
     * it has none), {@code declaration} the line its modifiers start on, {@code body} the line of the body's opening
     * brace ({@code declaration} unless the signature is wrapped) and {@code last} the line of its closing brace.
     */
    public record Method(String name, int first, int declaration, int body, int last) {
    }

    private SourceMethods() {
    }

    /** The static methods with a body of the source's top-level classes, in source order. */
    public static List<Method> of(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run ./workshop with a JDK, not a JRE");
        }
        URI uri = URI.create("string:///Exercise.java");
        JavaFileObject file = new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null,
                List.of(file));
        CompilationUnitTree unit;
        try {
            unit = task.parse().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the exercise source: " + e.getMessage(), e);
        }
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        LineMap lineMap = unit.getLineMap();
        List<String> lines = source.lines().toList();
        List<Method> methods = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            if (!(type instanceof ClassTree c)) {
                continue;
            }
            for (Tree member : c.getMembers()) {
                if (member instanceof MethodTree m && m.getBody() != null
                        && m.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    int declaration = line(lineMap, positions.getStartPosition(unit, m));
                    methods.add(new Method(m.getName().toString(), javadocStart(lines, declaration), declaration,
                            line(lineMap, positions.getStartPosition(unit, m.getBody())),
                            line(lineMap, positions.getEndPosition(unit, m) - 1)));
                }
            }
        }
        return methods;
    }

    /** The method called {@code name}, or null. */
    public static Method find(List<Method> methods, String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    private static int line(LineMap lineMap, long position) {
        return (int) lineMap.getLineNumber(position) - 1;
    }

    /** The line the comment just above the declaration starts on, or the declaration's own line. */
    private static int javadocStart(List<String> lines, int declaration) {
        int above = declaration - 1;
        if (above < 0 || !lines.get(above).strip().endsWith("*/")) {
            return declaration;
        }
        while (above > 0 && !lines.get(above).strip().startsWith("/*")) {
            above--;
        }
        return above;
    }
}
