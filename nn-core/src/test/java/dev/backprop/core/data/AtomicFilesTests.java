package dev.backprop.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AtomicFiles}: whole or not at all, with the permissions any new file gets. */
class AtomicFilesTests {

    /** A process id that no process has: above Linux's largest (2^22). */
    private static final long DEAD_PID = 99_999_999L;

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
        })).hasMessage(file.toAbsolutePath() + ": disk full");

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
    void aFolderWithoutWritePermissionIsNamedByTheFileAskedForNotTheTemporaryOne(@TempDir Path dir) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(locked), "not running as root");
            // before: "…/locked/.model.npz.3.tmp-1234", the temporary file
            assertThatThrownBy(() -> AtomicFiles.writeString(locked.resolve("model.npz"), "{}"))
                    .isInstanceOf(AccessDeniedException.class).hasMessage(locked.resolve("model.npz").toString());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFullDiskIsNamedWithTheFile(@TempDir Path dir) {
        // before: "No space left on device", no file named
        assertThatThrownBy(() -> AtomicFiles.write(dir.resolve("plot.png"), out -> {
            throw new IOException("No space left on device");
        })).isInstanceOf(FileSystemException.class)
                .hasMessage(dir.resolve("plot.png").toAbsolutePath() + ": no space left on device");
    }

    @Test
    void theFolderIsCreatedWhenMissing(@TempDir Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve("out/train/result.json"), "[]");

        assertThat(dir.resolve("out/train/result.json")).hasContent("[]");
    }

    @Test
    void bytesAreWrittenWholeAndTheTemporaryFileIsGone(@TempDir Path dir) throws IOException {
        AtomicFiles.write(dir.resolve("plot.png"), new byte[] {1, 2, 3});

        assertThat(dir.resolve("plot.png")).hasBinaryContent(new byte[] {1, 2, 3});
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("plot.png"));
        }
    }

    @Test
    void eachTemporaryFileNameIsNewAndCarriesTheProcessId() {
        Path a = AtomicFiles.temporaryFor(Path.of("out/model.npz"));
        Path b = AtomicFiles.temporaryFor(Path.of("out/model.npz"));

        assertThat(a).isNotEqualTo(b);
        assertThat(a.getParent()).isEqualTo(Path.of("out"));
        assertThat(a.getFileName().toString()).matches("\\.model\\.npz\\.\\d+\\.tmp-" + ProcessHandle.current().pid());
    }

    @Test
    void temporaryFilesOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(".05-planar.ipynb.tmp-" + DEAD_PID), "half a notebook, older naming");
        Files.writeString(dir.resolve(".step01-x.png.7.tmp-" + DEAD_PID), "half a plot");
        Files.writeString(dir.resolve(".plot-123456789.tmp"), "from createTempFile");
        Path live = Files.writeString(AtomicFiles.temporaryFor(dir.resolve("01-tensors.ipynb")), "being written");
        Files.writeString(dir.resolve("05-planar.ipynb"), "a notebook");
        Files.writeString(dir.resolve(".hidden.tmp-notes"), "not ours: no process id");

        assertThat(AtomicFiles.removeOrphans(dir)).isEqualTo(3);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(live, dir.resolve("05-planar.ipynb"),
                    dir.resolve(".hidden.tmp-notes"));
        }
        assertThat(AtomicFiles.removeOrphans(dir.resolve("no-such-folder"))).isZero();
    }
}
