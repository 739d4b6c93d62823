package dev.backprop.cpufast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The JIT inlining directive is taken by this JVM (HotSpot), and a malformed one is refused, not half-applied. */
class InlineDirectiveTests {

    @Test
    void hotSpotTakesTheDirective() {
        assertThat(InlineDirective.add()).isTrue();
    }

    @Test
    void aMalformedDirectiveIsRefused() {
        assertThat(InlineDirective.add("[{ match: \"*.*\", inline: ")).isFalse();
    }
}
