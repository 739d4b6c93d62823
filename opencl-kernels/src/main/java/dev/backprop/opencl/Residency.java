package dev.backprop.opencl;

import dev.backprop.core.matrix.BackendUnavailableException;
import java.util.Locale;

/** Where the matrices of an {@link OpenClBackend} live between operations. */
public enum Residency {

    /**
     * In device buffers: an operation's operands are already on the device and its result stays there. Only
     * {@code upload} and {@code download} (printing, the reported cost) cross the bus. The normal mode.
     */
    DEVICE_RESIDENT,

    /**
     * On the host: every operation uploads its operands, runs its kernel, downloads its result and frees the
     * buffers, as a naive port of numpy code to a GPU library would. It exists so that the cost of those copies can
     * be measured against {@link #DEVICE_RESIDENT}.
     */
    COPY_PER_OPERATION;

    /**
     * {@code device} (or {@code resident}) or {@code copy} (or {@code copy-per-operation}); {@code null} or blank
     * gives {@link #DEVICE_RESIDENT}.
     *
     * @throws BackendUnavailableException for anything else, naming what is accepted
     */
    public static Residency parse(String text) {
        if (text == null || text.isBlank()) {
            return DEVICE_RESIDENT;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "device", "resident", "device-resident" -> DEVICE_RESIDENT;
            case "copy", "host", "copy-per-operation", "copy-per-op" -> COPY_PER_OPERATION;
            default -> throw new BackendUnavailableException("OpenCL residency '" + text
                    + "' is unknown: use -D" + OpenClBackendProvider.RESIDENCY_PROPERTY + "=device or copy");
        };
    }
}
