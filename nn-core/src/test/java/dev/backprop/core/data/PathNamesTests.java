package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@link PathNames}: what an option naming a file or folder refuses, and what it says instead. */
class PathNamesTests {

    @Test
    void aNameIsItsPath() {
        assertThat(PathNames.of("out/train", "folder")).isEqualTo(Path.of("out/train"));
        assertThat(PathNames.of("./-x", "file")).isEqualTo(Path.of("./-x"));
    }

    @Test
    void anEmptyNameOrAForgottenValueIsRefusedSayingWhatToWrite() {
        assertThatThrownBy(() -> PathNames.of("", "folder")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an empty folder name; name a folder, or leave the option out");
        assertThatThrownBy(() -> PathNames.of("  ", "file"))
                .hasMessage("an empty file name; name a file, or leave the option out");
        assertThatThrownBy(() -> PathNames.of("-x", "file"))
                .hasMessage("'-x' looks like an option, not a file (for a file of that name, write ./-x)");
        assertThatThrownBy(() -> PathNames.of("a\0b", "file")).hasMessageStartingWith("'a\0b' is not a usable path: ");
    }
}
