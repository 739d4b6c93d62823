package dev.backprop.kernel;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs each snippet of a cell inside the kernel's JVM (so that a cell can show a chart through the kernel), on a
 * thread of its own, so that {@link #interrupt()} can stop it, and keeps the value the snippet computed (JShell itself
 * only keeps its text) so that the kernel can show it as a chart or as text.
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** The class name an interrupted snippet's exception carries; no Java class has a space in its name. */
    static final String INTERRUPTED = "Cell interrupted";

    /** The class whose static flag JDK 21+'s stop checks read. */
    private static final String STOP_CHECK_CLASS = "REPL.$Cancel$";

    private volatile Thread running;
    private boolean prepared;
    private volatile boolean inCell;
    private volatile boolean interrupted;
    private volatile Object value;

    /**
     * A cell begins: from now until {@link #endCell()} an interrupt stops the cell, also when it comes between two
     * of its snippets (while JShell compiles the next one): that snippet and the rest then do not run.
     */
    void beginCell() {
        interrupted = false;
        inCell = true;
    }

    void endCell() {
        inCell = false;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        prepareStopChecks();
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(doitMethod.invoke(null));
            } catch (InvocationTargetException e) {
                if (!stoppedByStopCheck(e.getCause())) {
                    failure.set(e);
                }
            } catch (Exception e) {
                failure.set(e);
            } catch (Error e) {
                if (!stoppedByStopCheck(e)) {
                    throw e;
                }
            }
        }, "backprop-cell");
        // the snippets' class loader (a child of the class path's), for code that looks up services or resources
        thread.setContextClassLoader(doitMethod.getDeclaringClass().getClassLoader());
        value = null;
        running = thread;
        try {
            if (!interrupted) {
                thread.start();
                thread.join();
            }
        } finally {
            running = null;
        }
        if (interrupted) {
            throw new UserException("The cell was interrupted.", INTERRUPTED, new StackTraceElement[0]);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        value = result.get();
        return valueString(value);
    }

    /**
     * JDK 21 and later compile a stop check into every snippet (a call of {@code REPL.$Cancel$.stopCheck()} at each
     * loop's back edge), and their {@code LocalExecutionControl.invoke}, which this class replaces, defines that
     * class on its first call. So the first cell runs a no-op through the JDK's own {@code invoke} once, and every
     * cell starts with the stop flag down. JDK 17 has neither; there this only runs the no-op.
     */
    private void prepareStopChecks() throws Exception {
        if (!prepared) {
            Method noOp = CellExecutionControl.class.getDeclaredMethod("noOp");
            noOp.setAccessible(true);   // the JDK's code calls it
            super.invoke(noOp);
            prepared = true;
        }
        Field flag = stopFlag();
        if (flag != null) {
            flag.setBoolean(null, false);
        }
    }

    /** What {@link #prepareStopChecks} runs through the JDK's {@code invoke}. */
    @SuppressWarnings("unused")
    private static void noOp() {
    }

    /** JDK 21+: the static flag the snippets' stop checks read ({@code REPL.$Cancel$.allStop}); null before that. */
    private Field stopFlag() {
        try {
            return findClass(STOP_CHECK_CLASS).getField("allStop");
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return null;
        }
    }

    /** Whether a snippet ended because {@link #interrupt()} raised the stop flag (its stop check throws ThreadDeath). */
    @SuppressWarnings({"deprecation", "removal"})
    private boolean stoppedByStopCheck(Throwable e) {
        return interrupted && e instanceof ThreadDeath;
    }

    /** The value the last snippet computed: an expression's value or a variable's initial value; else null. */
    Object takeValue() {
        Object v = value;
        value = null;
        return v;
    }

    /**
     * Stops the cell, if one runs: no further snippet of it starts, and the running one's thread is interrupted (a
     * loop that checks {@link Thread#interrupted()} or a {@code sleep} ends there); if it still runs half a second
     * later, it is stopped the hard way.
     */
    void interrupt() {
        if (!inCell) {
            return;
        }
        interrupted = true;
        Thread thread = running;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            stopHard(thread);
        }
    }

    /**
     * An endless {@code while (true) {}} never looks at its interrupt flag: only {@code Thread.stop} ends it. JDK 20
     * and later refuse {@code Thread.stop}; there the stop checks JDK 21+ compiles into snippet code end it, once
     * their flag is up.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopHard(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException refused) {
            Field flag = stopFlag();
            if (flag == null) {
                return;   // nothing more can be done from here: the user can restart the kernel
            }
            try {
                // the snippet's next stop check throws ThreadDeath, which ends its thread
                flag.setBoolean(null, true);
            } catch (IllegalAccessException e) {
                return;
            }
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
