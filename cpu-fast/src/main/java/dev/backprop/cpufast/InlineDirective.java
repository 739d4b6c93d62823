package dev.backprop.cpufast;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Tells HotSpot's JIT to inline {@link VectorMath}'s vector helpers and {@link Gemm}'s {@code writeRow} wherever they
 * are called: a compiler directive, added at run time through the DiagnosticCommand MBean, as
 * {@code jcmd <pid> Compiler.directives_add FILE} adds one. A helper that takes or returns a {@code DoubleVector} and
 * is compiled on its own instead of inlined passes its vectors as objects on the heap; whether that happened depended
 * on the order in which the JIT compiled things, and the planar {@code nn_model} took 0.21 s instead of 0.14 s.
 * The array loops ({@code expVector}, {@code tanhVector}, …) are left to be compiled on their own: inlined all four
 * into {@code FastCpuBackend.map}, they outgrew what C2 inlines into one method, and σ's loop, compiled without its
 * helpers, took 2.3 µs instead of 0.35 µs for the planar network's (1, 400).
 *
 * <p>On a JVM without that MBean nothing changes but the speed: the numbers are the same either way.
 */
final class InlineDirective {

    static final String DIRECTIVE = "[{ match: \"*.*\", inline: [\"-dev/backprop/cpufast/VectorMath.*Vector\","
            + " \"+dev/backprop/cpufast/VectorMath.*\", \"+dev/backprop/cpufast/Gemm.writeRow\"] }]";

    private InlineDirective() {
    }

    /** Adds the directive; returns whether the JVM took it. */
    static boolean add() {
        return add(DIRECTIVE);
    }

    /** Adds {@code directive} (HotSpot's compiler-directive JSON); returns whether the JVM took it. */
    static boolean add(String directive) {
        Path file = null;
        try {
            file = Files.createTempFile("backprop-inline-", ".json");
            Files.writeString(file, directive);
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(reply).startsWith("1 compiler directives added");
        } catch (JMException | IOException | RuntimeException | LinkageError e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }
}
