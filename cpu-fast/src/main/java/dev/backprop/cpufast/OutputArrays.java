package dev.backprop.cpufast;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

/**
 * A result's array, for a loop that writes every element before anything reads one: a released temporary's from the
 * {@link ArrayPool} where there is one, else a fresh one not zeroed first, as numpy's {@code A @ B} and
 * {@code np.tanh(Z)} write into {@code np.empty}, where the JVM allows it.
 *
 * <p>{@code new double[length]} zeroes the array, and a fresh array in the young generation has its lines out of the
 * caches: at 64³ the zeroing was 0.4–0.7 µs of a 7.1–7.6 µs product, and a two-thread product waited while its
 * caller zeroed all of C (512 KB at 256³) before either thread started. The JDK's own uninitialised allocation
 * ({@code jdk.internal.misc.Unsafe.allocateUninitializedArray}, which its string concatenation uses) skips that:
 * at 64³ (one thread) 7.1–7.6 → 6.7–6.9 µs, at 256³ (two threads) 212–235 → 199–209 µs (benchmarks/RESULTS.md).
 *
 * <p>The JDK lends it only to a program started with
 * {@code --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED} (./workshop, the notebook kernel and the benchmarks
 * pass it). Without the flag, and below {@link #UNINITIALIZED_FROM} elements, where zeroing costs less than the call,
 * the array is an ordinary zeroed one: only the speed differs.
 *
 * <p>With the system property {@code dev.backprop.cpufast.poisonOutputs=true} (cpu-fast's tests set it) every array
 * from {@link #forOverwrite} starts full of NaN, so that a loop which leaves an element unwritten fails a test instead
 * of returning whatever the memory held.
 */
final class OutputArrays {

    /** From this many elements (32 KB) on, an array is left uninitialised. */
    static final int UNINITIALIZED_FROM = 4096;

    /** {@code Unsafe.allocateUninitializedArray(Class, int)} on the JDK's instance, or null where not exported. */
    private static final MethodHandle ALLOCATE = allocator();

    private static final boolean POISON = Boolean.getBoolean("dev.backprop.cpufast.poisonOutputs");

    private OutputArrays() {
    }

    /** An array of {@code length} doubles whose contents are unspecified: the caller must write every element. */
    static double[] forOverwrite(int length) {
        double[] array = ArrayPool.current().take(length);
        if (array == null) {
            array = ALLOCATE == null || length < UNINITIALIZED_FROM ? new double[length] : uninitialized(length);
        }
        if (POISON) {
            Arrays.fill(array, Double.NaN);
        }
        return array;
    }

    private static double[] uninitialized(int length) {
        try {
            return (double[]) (Object) ALLOCATE.invokeExact((Class<?>) double.class, length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cpu-fast: allocating " + length + " doubles", e);
        }
    }

    /** Whether {@link #forOverwrite} fills its arrays with NaN (see above). */
    static boolean poisoned() {
        return POISON;
    }

    /** Whether large arrays are left uninitialised in this JVM (it was started with the flag above). */
    static boolean uninitialized() {
        return ALLOCATE != null;
    }

    private static MethodHandle allocator() {
        try {
            Class<?> unsafe = Class.forName("jdk.internal.misc.Unsafe");
            if (!unsafe.getModule().isExported(unsafe.getPackageName(), OutputArrays.class.getModule())) {
                return null;
            }
            Object instance = unsafe.getMethod("getUnsafe").invoke(null);
            return MethodHandles.lookup()
                    .findVirtual(unsafe, "allocateUninitializedArray",
                            MethodType.methodType(Object.class, Class.class, int.class))
                    .bindTo(instance);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
