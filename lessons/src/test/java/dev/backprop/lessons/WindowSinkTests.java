package dev.backprop.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --show} decides up front whether windows can open, so a missing display is one line, not an AWTError. */
class WindowSinkTests {

    @Test
    void onLinuxWithoutDisplayThereIsNoDisplayEvenWhenJavaIsNotHeadless() {
        assertThat(WindowSink.noDisplay(false, Map.of(), "Linux")).contains("DISPLAY is not set");
        assertThat(WindowSink.noDisplay(false, Map.of("DISPLAY", ""), "Linux")).contains("DISPLAY is not set");
        assertThat(WindowSink.noDisplay(false, Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"))
                .as("Java's windows need X11 (XWayland)").contains("DISPLAY is not set");
    }

    @Test
    void aDisplayOrAnotherSystemIsEnoughToTry() {
        assertThat(WindowSink.noDisplay(false, Map.of("DISPLAY", ":0"), "Linux")).isEmpty();
        assertThat(WindowSink.noDisplay(false, Map.of(), "Mac OS X")).isEmpty();
        assertThat(WindowSink.noDisplay(false, Map.of(), "Windows 11")).isEmpty();
    }

    @Test
    void headlessJavaHasNoDisplay() {
        assertThat(WindowSink.noDisplay(true, Map.of("DISPLAY", ":0"), "Linux")).contains("Java runs headless");
        assertThat(WindowSink.noDisplay()).as("the tests run headless").isPresent();
    }

    @Test
    void aDisplayWithNoXServerBehindItIsNoDisplay() {
        assertThat(WindowSink.unreachable(":987")).contains("no X server at DISPLAY=:987");
        assertThat(WindowSink.unreachable("unix:987.0")).contains("no X server at DISPLAY=unix:987.0");
        assertThat(WindowSink.unreachable("127.0.0.1:987")).hasValueSatisfying(
                reason -> assertThat(reason).startsWith("no X server at DISPLAY=127.0.0.1:987"));
        assertThat(WindowSink.unreachable("/private/tmp/com.apple.launchd.x/org.xquartz:0")).isEmpty();
    }
}
