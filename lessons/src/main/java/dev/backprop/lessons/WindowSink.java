package dev.backprop.lessons;

import java.awt.AWTError;
import java.awt.HeadlessException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows each plot in its own XChart window ({@code --show}), where a display exists. Closing a window closes only
 * that window; {@link #awaitClosed} keeps the program open until all are closed. If windows cannot be opened after
 * all, it says so once and shows nothing more; the PNG files are written by {@link PngSink} either way.
 */
public final class WindowSink implements LessonSink {

    /** The line printed when there is no display. */
    public static final String NO_DISPLAY = "no display: writing PNGs only";

    /** {@code host:N} or {@code host:N.screen}, host empty for this machine. */
    private static final Pattern X_DISPLAY = Pattern.compile("([^:]*):(\\d+)(\\.\\d+)?");

    private final PrintWriter err;
    private final List<JFrame> frames = new ArrayList<>();
    private boolean failed;

    /** @param err where to say that windows cannot be opened */
    public WindowSink(PrintWriter err) {
        this.err = err;
    }

    /**
     * Why windows cannot be opened here, or empty when they can. When they cannot, Java is switched to headless mode,
     * so that charts can still be drawn into PNG files; call this before anything draws.
     */
    public static Optional<String> noDisplay() {
        Optional<String> reason = noDisplay("true".equals(System.getProperty("java.awt.headless")), System.getenv(),
                System.getProperty("os.name", ""));
        if (reason.isEmpty()) {
            reason = unreachable(System.getenv("DISPLAY"));
        }
        if (reason.isPresent()) {
            System.setProperty("java.awt.headless", "true");
        }
        return reason;
    }

    /**
     * Why windows cannot be opened, judged from the environment and Java's headless mode: on Linux and the other X11
     * systems, Java's windows need an X server named by {@code DISPLAY} (under Wayland, XWayland's); macOS and
     * Windows need neither.
     */
    static Optional<String> noDisplay(boolean headless, Map<String, String> env, String osName) {
        boolean x11 = !osName.startsWith("Windows") && !osName.startsWith("Mac");
        if (x11 && (env.get("DISPLAY") == null || env.get("DISPLAY").isBlank())) {
            return Optional.of("DISPLAY is not set");
        }
        if (headless) {
            return Optional.of("Java runs headless");
        }
        return Optional.empty();
    }

    /**
     * Whether the X server that {@code DISPLAY} names answers, checked without AWT (an AWT that failed to connect
     * cannot draw even into PNG files afterwards): {@code :N} is the socket {@code /tmp/.X11-unix/XN},
     * {@code host:N} is TCP port 6000 + N on that host.
     */
    static Optional<String> unreachable(String display) {
        if (display == null || display.isBlank() || display.startsWith("/")) {
            return Optional.empty(); // not X11 (macOS launchd), or nothing to check
        }
        Matcher m = X_DISPLAY.matcher(display);
        if (!m.matches()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(2));
        String host = m.group(1);
        if (host.isEmpty() || host.equals("unix")) {
            return Files.exists(Path.of("/tmp/.X11-unix/X" + number)) ? Optional.empty()
                    : Optional.of("no X server at DISPLAY=" + display);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 6000 + number), 1000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no X server at DISPLAY=" + display + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void plot(Lesson lesson, Step step, Plot plot) {
        if (failed) {
            return;
        }
        try {
            JFrame frame = show(plot.chart());
            // XChart's windows end the program when closed (EXIT_ON_CLOSE), even in the middle of a lesson
            SwingUtilities.invokeLater(() -> frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE));
            frames.add(frame);
        } catch (AWTError | HeadlessException e) {
            failed = true;
            err.println("workshop: " + NO_DISPLAY + " (" + String.valueOf(e.getMessage()).strip() + ")");
        }
    }

    /** Waits until the user has closed every window, so that they stay open after the lessons ended. */
    public void awaitClosed(PrintWriter out) throws InterruptedException {
        if (frames.stream().noneMatch(JFrame::isDisplayable)) {
            return;
        }
        out.println("workshop: close the chart windows to finish (or press Ctrl-C)");
        out.flush();
        while (frames.stream().anyMatch(JFrame::isDisplayable)) {
            Thread.sleep(200);
        }
    }

    private static <C extends Chart<?, ?>> JFrame show(C chart) {
        return new SwingWrapper<>(chart).displayChart();
    }
}
