package dev.backprop.exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One graded function of a set: its workshop name and Java name, what it depends on, its formula and hints, the
 * seeded inputs it is graded on, the mistakes the grader recognises, and (for a backward function) its gradient
 * check.
 */
public final class FunctionSpec {

    final String workshopName;
    final String javaName;
    final List<String> dependsOn = new ArrayList<>();
    final List<String> hints = new ArrayList<>();
    final List<Mistake> mistakes = new ArrayList<>();
    String task = "";
    String formula = "";
    List<String> argNames = List.of();
    Supplier<Object[]> inputs = () -> new Object[0];
    Function<Object, List<Part>> parts;
    int m;
    GradientCheckSpec gradientCheck;
    BiFunction<Object, Object[], List<String>> extraCheck;
    boolean deterministic = true;
    Duration timeLimit = Duration.ofSeconds(Long.getLong("backprop.exercises.time-limit-seconds", 10));

    private FunctionSpec(String workshopName, String javaName) {
        this.workshopName = workshopName;
        this.javaName = javaName;
        this.parts = value -> Part.of(value, resultName(workshopName));
    }

    /** A function called {@code workshopName} in the workshop and {@code javaName} in the exercise class. */
    public static FunctionSpec of(String workshopName, String javaName) {
        return new FunctionSpec(workshopName, javaName);
    }

    public String workshopName() {
        return workshopName;
    }

    public String javaName() {
        return javaName;
    }

    public List<String> dependsOn() {
        return dependsOn;
    }

    public List<String> hints() {
        return hints;
    }

    public String task() {
        return task;
    }

    public String formula() {
        return formula;
    }

    /** The names of the arguments, as the workshop calls them. */
    public List<String> argNames() {
        return argNames;
    }

    /** Fresh, seeded arguments, as the grader passes them. */
    public Object[] newInputs() {
        return inputs.get();
    }

    /** The named parts of a result of this function. */
    public List<Part> partsOf(Object result) {
        return parts.apply(result);
    }

    /** The functions (workshop names) this one calls: it is BLOCKED while one of them fails. */
    public FunctionSpec dependsOn(String... names) {
        dependsOn.addAll(List.of(names));
        return this;
    }

    /** What the student writes, in a sentence or two. */
    public FunctionSpec task(String text) {
        this.task = text;
        return this;
    }

    /** The workshop's formulas, one per line, with shapes. */
    public FunctionSpec formula(String text) {
        this.formula = text;
        return this;
    }

    /** Hints, from a nudge to nearly the answer; never code. */
    public FunctionSpec hints(String... levels) {
        hints.addAll(List.of(levels));
        return this;
    }

    /** The arguments' names and a supplier of fresh, seeded arguments (called once per call). */
    public FunctionSpec inputs(List<String> names, Supplier<Object[]> supplier) {
        this.argNames = names;
        this.inputs = supplier;
        return this;
    }

    /** The number of examples in the inputs, so a factor of m or 1/m can be named. */
    public FunctionSpec m(int examples) {
        this.m = examples;
        return this;
    }

    /** How to split the result into named parts, when its record components do not name them. */
    public FunctionSpec parts(Function<Object, List<Part>> splitter) {
        this.parts = splitter;
        return this;
    }

    /** A mistake to recognise. */
    public FunctionSpec mistake(String diagnosis, Function<Object[], Object> result) {
        mistakes.add(new Mistake(diagnosis, result));
        return this;
    }

    public FunctionSpec gradientCheck(GradientCheckSpec check) {
        this.gradientCheck = check;
        return this;
    }

    /** A further check of the result (result, inputs) → problems; empty when fine. */
    public FunctionSpec extraCheck(BiFunction<Object, Object[], List<String>> check) {
        this.extraCheck = check;
        return this;
    }

    /** For functions meant to return a different result each call (none in the workshop so far). */
    public FunctionSpec nondeterministic() {
        this.deterministic = false;
        return this;
    }

    public FunctionSpec timeLimit(Duration limit) {
        this.timeLimit = limit;
        return this;
    }

    private static String resultName(String workshopName) {
        return switch (workshopName) {
            case "compute_cost" -> "cost";
            default -> "result";
        };
    }
}
