package dev.backprop.core.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files written whole or not at all: into a temporary file beside the target, {@code .NAME.N.tmp-PID}, then moved
 * into place. The file gets the permissions of any new file (the umask's), not the owner-only ones of
 * {@link Files#createTempFile}, so that a saved model or a results file can be shared; a file replaced gets them too.
 */
public final class AtomicFiles {

    /** What writes the file's content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong WRITES = new AtomicLong();

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, whole or not at all. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code file}, whole or not at all, creating its folder when missing. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // a number per write, so that two threads writing one file never share a temporary file
        Path tmp = dir.resolve("." + target.getFileName() + "." + WRITES.incrementAndGet() + ".tmp-"
                + ProcessHandle.current().pid());
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
