package dev.backprop.exercises;

import dev.backprop.core.matrix.Matrix;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Grades an exercise class against the reference solution, function by function in dependency order: type and
 * shape, then values (numpy's allclose), then a diagnosis; a gradient check for backward functions; BLOCKED for a
 * function whose dependency fails.
 */
public final class Grader {

    private final Workspace workspace;
    private final StudentCompiler compiler;

    public Grader(Workspace workspace) {
        this.workspace = workspace;
        this.compiler = new StudentCompiler(workspace.cache());
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Grades the student's file of the set, or the reference solution itself when {@code solutions}. */
    public SetResult grade(ExerciseSet set, boolean solutions) {
        String source = solutions ? solutionSource(set) : studentSource(set);
        String name = solutions ? "src/solution/java/…/" + set.className() + ".java" : set.className() + ".java";
        return grade(set, source, name);
    }

    /** The student's file of the set; when it is missing, says so once and how to get it back. */
    private String studentSource(ExerciseSet set) {
        Path file = workspace.student(set.className());
        if (Files.notExists(file)) {
            throw new IllegalStateException(file + " is missing: ./workshop exercises reset " + set.name()
                    + " writes it again, with the untouched stubs");
        }
        return Workspace.read(file);
    }

    /** The reference solution's source. */
    public String solutionSource(ExerciseSet set) {
        return Workspace.read(workspace.solution(set.className()));
    }

    /** The stub file generated from the reference solution. */
    public String stubSource(ExerciseSet set) {
        return Regions.studentFile(solutionSource(set));
    }

    /** What the reference solution returns on the grader's inputs, part by part, printed as numpy prints. */
    public String expectedOutput(ExerciseSet set, FunctionSpec f) {
        Object expected;
        try {
            expected = call(reference(set), f, f.inputs.get());
        } catch (StudentFailure e) {
            throw new IllegalStateException("the reference solution failed: " + e.getMessage(), e);
        }
        StringBuilder out = new StringBuilder();
        for (Part p : f.parts.apply(expected)) {
            String value = p.value() instanceof Double d ? Compare.repr(d) : String.valueOf(p.value());
            out.append(p.name()).append(value.contains("\n") ? " =\n" : " = ").append(value).append('\n');
        }
        return out.toString().stripTrailing();
    }

    Class<?> reference(ExerciseSet set) {
        String solution = solutionSource(set);
        StudentCompiler.Compiled reference = compiler.compile(set.className(), Regions.solutionAsStudent(solution),
                Regions.studentFile(solution), set.className() + ".java (reference)");
        if (reference.type() == null || !reference.errorsByMethod().isEmpty()) {
            throw new IllegalStateException("the reference solution of " + set.name() + " does not compile: "
                    + (reference.fileError() != null ? reference.fileError() : reference.errorsByMethod()));
        }
        return reference.type();
    }

    /** Grades the given source of the set's exercise class. */
    public SetResult grade(ExerciseSet set, String source, String displayName) {
        return grade(set, source, displayName, set.functions().stream().map(FunctionSpec::workshopName).toList());
    }

    /**
     * Grades one function of the given source, and the functions it depends on (directly or not), which it needs
     * to be graded first: the result lists those, in the set's order, and no other.
     */
    public SetResult grade(ExerciseSet set, String source, String displayName, String function) {
        FunctionSpec f = set.function(function);
        if (f == null) {
            throw new IllegalArgumentException("set " + set.name() + " has no function '" + function + "'");
        }
        Set<String> needed = new HashSet<>();
        Deque<String> toVisit = new ArrayDeque<>(List.of(f.workshopName()));
        while (!toVisit.isEmpty()) {
            String name = toVisit.pop();
            if (needed.add(name) && set.function(name) != null) {
                toVisit.addAll(set.function(name).dependsOn());
            }
        }
        return grade(set, source, displayName, set.functions().stream().map(FunctionSpec::workshopName)
                .filter(needed::contains).toList());
    }

    private SetResult grade(ExerciseSet set, String source, String displayName, List<String> functions) {
        Class<?> reference = reference(set);
        String stub = stubSource(set);
        StudentCompiler.Compiled subject = compiler.compile(set.className(), source, stub, displayName);
        List<FunctionResult> results = new ArrayList<>();
        Map<String, FunctionResult> byName = new HashMap<>();
        for (FunctionSpec f : set.functions()) {
            if (!functions.contains(f.workshopName())) {
                continue;
            }
            FunctionResult r;
            try {
                r = gradeOne(f, subject, reference, byName);
            } catch (RuntimeException e) {
                // a result the grader cannot take apart (a list holding null, say) fails this function only
                r = fail(f, "the grader could not check what " + f.workshopName() + " returned: "
                        + Sandbox.describe(e, subject.type() == null ? Grader.class : subject.type()));
            }
            results.add(r);
            byName.put(f.workshopName(), r);
        }
        return new SetResult(set, results);
    }

    private FunctionResult gradeOne(FunctionSpec f, StudentCompiler.Compiled subject, Class<?> reference,
                                    Map<String, FunctionResult> earlier) {
        if (subject.fileError() != null) {
            return fail(f, "does not compile: " + subject.fileError());
        }
        String compileError = subject.errorsByMethod().get(f.javaName());
        if (compileError != null) {
            return fail(f, compileError);
        }
        for (String dependency : f.dependsOn()) {
            FunctionResult d = earlier.get(dependency);
            if (d != null && !d.passed()) {
                return new FunctionResult(f.workshopName(), FunctionResult.Status.BLOCKED,
                        List.of("BLOCKED by " + dependency + " (it calls " + dependency + "; fix that first)"));
            }
        }
        Object expected;
        try {
            expected = call(reference, f, f.inputs.get());
        } catch (StudentFailure e) {
            throw new IllegalStateException("the reference solution failed: " + e.getMessage(), e);
        }
        Object[] args = f.inputs.get();
        Object actual;
        Object second;
        try {
            actual = call(subject.type(), f, args);
            second = call(subject.type(), f, f.inputs.get());
        } catch (StudentFailure e) {
            return fail(f, e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        String modified = modifiedInput(f, args, f.inputs.get());
        List<Part> expectedParts = f.parts.apply(expected);
        List<Part> actualParts = actual == null ? List.of() : f.parts.apply(actual);
        if (actual == null) {
            lines.add(f.workshopName() + " returned null; expected " + Compare.describe(expected));
        } else {
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < expectedParts.size(); i++) {
                Part e = expectedParts.get(i);
                Object a = i < actualParts.size() ? actualParts.get(i).value() : null;
                List<String> problem = Compare.problem(e.name(), a, e.value(), f.m);
                if (problem.isEmpty()) {
                    continue;
                }
                wrong.add(e.name());
                if (wrong.size() == 1) {
                    lines.addAll(problem);
                    String known = knownMistake(f, e.name(), a);
                    if (known != null) {
                        lines.removeIf(l -> l.startsWith("diagnosis:"));
                        lines.add("diagnosis: " + known);
                    }
                }
            }
            if (wrong.size() > 1) {
                lines.add("also wrong: " + String.join(", ", wrong.subList(1, wrong.size())));
            }
            if (f.extraCheck != null && wrong.isEmpty()) {
                lines.addAll(f.extraCheck.apply(actual, f.inputs.get()));
            }
        }
        if (f.deterministic && !Compare.close(second, actual)) {
            lines.add("a second identical call returned a different result: hidden state between calls, or a"
                    + " random draw without its seed (the workshop seeds each draw, e.g. np.random.seed(2))");
        }
        if (modified != null) {
            lines.add(modified);
        }
        boolean gradientsOk = true;
        if (f.gradientCheck != null && actual != null
                && actualParts.stream().allMatch(p -> p.value() != null)) {
            List<String> check = gradientCheck(f, actual);
            gradientsOk = check.stream().noneMatch(l -> l.contains("✗") || l.startsWith("the gradient check"));
            if (!lines.isEmpty() || !gradientsOk) {
                lines.addAll(check);
            }
        }
        if (lines.isEmpty() && gradientsOk) {
            return new FunctionResult(f.workshopName(), FunctionResult.Status.PASS, List.of());
        }
        return new FunctionResult(f.workshopName(), FunctionResult.Status.FAIL, lines);
    }

    private static String knownMistake(FunctionSpec f, String part, Object actual) {
        for (Mistake mistake : f.mistakes) {
            Object wrong;
            try {
                wrong = mistake.result().apply(f.inputs.get());
            } catch (RuntimeException e) {
                continue;
            }
            for (Part p : f.parts.apply(wrong)) {
                if (p.name().equals(part) && Compare.close(actual, p.value())) {
                    return mistake.diagnosis();
                }
            }
        }
        return null;
    }

    private static List<String> gradientCheck(FunctionSpec f, Object actual) {
        List<String> out = new ArrayList<>();
        List<GradientCheckSpec.ParameterGradient> grads;
        try {
            grads = f.gradientCheck.gradients(actual, f.inputs.get());
        } catch (RuntimeException e) {
            out.add("the gradient check could not run: " + e.getMessage());
            return out;
        }
        out.add("gradient check, per parameter: ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖), ε = 1e-7,"
                + " threshold 2e-7:");
        int firstFailingLayer = -1;
        List<String> failing = new ArrayList<>();
        for (GradientCheckSpec.ParameterGradient g : grads) {
            if (g.analytic() == null || !g.analytic().shape().equals(g.numeric().shape())) {
                out.add(String.format(Locale.ROOT, "  %-5s ✗ shape %s, expected %s", g.name(),
                        g.analytic() == null ? "null" : g.analytic().shape(), g.numeric().shape()));
                failing.add(g.name());
                firstFailingLayer = Math.max(firstFailingLayer, g.layer());
                continue;
            }
            double[] a = g.analytic().toArray();
            double[] n = g.numeric().toArray();
            double diff = dev.backprop.core.gradcheck.GradientCheck.difference(a, n);
            boolean ok = diff < GradientCheckSpec.THRESHOLD;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-5s %-9.2e %s", g.name(), diff,
                    ok ? "✓" : "✗"));
            if (!ok) {
                int worst = 0;
                for (int i = 0; i < a.length; i++) {
                    if (Math.abs(a[i] - n[i]) > Math.abs(a[worst] - n[worst])) {
                        worst = i;
                    }
                }
                int cols = g.numeric().cols();
                line.append(String.format(Locale.ROOT, "  worst element %s[%d, %d]: analytic %s, numeric %s",
                        g.name(), worst / cols, worst % cols, Compare.num(a[worst]), Compare.num(n[worst])));
                failing.add(g.name());
                firstFailingLayer = Math.max(firstFailingLayer, g.layer());
            }
            out.add(line.toString());
        }
        if (firstFailingLayer > 0) {
            out.add("first failing layer (going backward from the output): layer " + firstFailingLayer
                    + "; wrong: " + String.join(", ", failing));
        }
        return out;
    }

    private static String modifiedInput(FunctionSpec f, Object[] after, Object[] fresh) {
        for (int i = 0; i < after.length && i < fresh.length; i++) {
            List<Matrix> a = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            Part.matrices(after[i], a);
            Part.matrices(fresh[i], b);
            for (int k = 0; k < a.size() && k < b.size(); k++) {
                if (!Arrays.equals(a.get(k).toArray(), b.get(k).toArray())) {
                    String name = i < f.argNames.size() ? f.argNames.get(i) : "argument " + (i + 1);
                    return f.workshopName() + " modified its input " + name + " in place (a matrix inside it"
                            + " changed during the call); compute new matrices instead of writing into the"
                            + " arguments";
                }
            }
        }
        return null;
    }

    /** Calls the function of the given class with these arguments, within its time limit. */
    static Object call(Class<?> type, FunctionSpec f, Object[] args) throws StudentFailure {
        Method method = null;
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(f.javaName()) && Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() == args.length) {
                method = m;
            }
        }
        if (method == null) {
            throw new StudentFailure("there is no static method " + f.javaName() + " with " + args.length
                    + " parameters in " + type.getSimpleName() + " (was it renamed?)");
        }
        method.setAccessible(true);
        return Sandbox.call(method, args, f.timeLimit, f.workshopName());
    }

    private static FunctionResult fail(FunctionSpec f, String line) {
        return new FunctionResult(f.workshopName(), FunctionResult.Status.FAIL, List.of(Objects.requireNonNull(line)));
    }
}
