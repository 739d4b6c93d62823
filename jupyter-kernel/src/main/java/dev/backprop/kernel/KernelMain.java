package dev.backprop.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * The kernel process Jupyter starts (the kernelspec's argv): {@code java -cp ... dev.backprop.kernel.KernelMain
 * CONNECTION_FILE}. It reads the ports and the signing key from the connection file, serves the notebook until
 * Jupyter shuts it down (or restarts it: a restart is a new process), and exits.
 */
public final class KernelMain {

    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH dev.backprop.kernel.KernelMain CONNECTION_FILE"
                    + " (Jupyter starts the kernel this way; install it with ./workshop kernel install)");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        KernelConnectionProperties connection;
        try {
            connection = KernelConnectionProperties.parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            System.err.println("backprop-workshop kernel: cannot read the connection file " + file + ": " + e);
            System.exit(1);
            return;
        }
        System.exit(serve(connection));
    }

    /** Serves one notebook on {@code properties}' ports until Jupyter shuts the kernel down; returns the exit code. */
    static int serve(KernelConnectionProperties properties) throws Exception {
        JupyterConnection connection = new JupyterConnection(properties);
        WorkshopKernel kernel = WorkshopKernel.create();
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Thread warmUp = new Thread(kernel::warmUp, "backprop-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        connection.waitUntilClose();
        return 0;
    }
}
