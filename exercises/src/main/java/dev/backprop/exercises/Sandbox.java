package dev.backprop.exercises;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one call into a student's class on its own thread, with a time limit. */
final class Sandbox {

    private Sandbox() {
    }

    /**
     * Calls the static method and returns its result, or throws {@link StudentFailure} with one line that says
     * what happened: the exception and the line of the student's file it came from, or the time limit.
     */
    static Object call(Method method, Object[] args, Duration limit, String workshopName) throws StudentFailure {
        FutureTask<Object> task = new FutureTask<>(() -> method.invoke(null, args));
        Thread thread = new Thread(task, "student-" + workshopName);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            stop(thread);
            throw new StudentFailure(workshopName + " did not return within " + limit.toSeconds()
                    + " s (an endless loop, or a loop that never reaches its end condition?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StudentFailure(workshopName + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) {
                cause = ite.getCause();
            }
            throw new StudentFailure(workshopName + " threw " + describe(cause, method.getDeclaringClass()));
        }
    }

    /** {@code ArithmeticException: / by zero (TwoLayerNetworkExercise.java:42)}. */
    static String describe(Throwable t, Class<?> studentClass) {
        String line = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(studentClass.getName())) {
                return line + " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
            }
        }
        return line;
    }

    // An endless loop that ignores interrupts can only be stopped this way; Thread.stop still works on JDK 17.
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread) {
        try {
            thread.join(200);
            if (thread.isAlive()) {
                thread.stop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UnsupportedOperationException e) {
            // newer JDKs: the daemon thread runs on until the grader exits
        }
    }
}
