package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles}: whole or not at all, with the permissions any new file gets. */
class AtomicFilesTests {

    @Test
    void aWrittenFileHasTheUmasksPermissionsNotTheOwnerOnlyOnesOfATempFile(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain"));

        AtomicFiles.writeString(dir.resolve("model.json"), "{}");

        assertThat(Files.getPosixFilePermissions(dir.resolve("model.json")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.readString(dir.resolve("model.json"))).isEqualTo("{}");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("saved.npz"), "old");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFolderInTheWayIsNamed(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectory(dir.resolve("results.json"));

        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "{}"))
                .hasMessage(folder + ": is a folder, not a file");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(folder);
        }
    }

    @Test
    void theFolderIsCreatedWhenMissing(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("out/train/result.json"), "[]");

        assertThat(dir.resolve("out/train/result.json")).hasContent("[]");
    }
}
