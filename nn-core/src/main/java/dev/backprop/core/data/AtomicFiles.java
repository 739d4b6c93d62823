package dev.backprop.core.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files written whole or not at all: into a temporary file beside the target, {@code .NAME.N.tmp-PID}, then moved
 * into place. The file gets the permissions of any new file (the umask's), not the owner-only ones of
 * {@link Files#createTempFile}, so that a saved model or a results file can be shared; a file replaced gets them too.
 *
 * <p>A run killed outright (SIGKILL) cannot clean up; {@link #removeOrphans} deletes what such a run left, knowing it
 * by a process id that is no longer alive.
 */
public final class AtomicFiles {

    /** What writes the file's content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final AtomicLong WRITES = new AtomicLong();

    /** {@code .NAME.N.tmp-PID} (and {@code .NAME.tmp-PID}), and {@code .plot-NNN.tmp} from older versions. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-(\\d+)|\\.plot-\\d+\\.tmp");

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file}, whole or not at all. */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes {@code bytes} to {@code file}, whole or not at all. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, out -> out.write(bytes));
    }

    /** Writes {@code file}, whole or not at all, creating its folder when missing. */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = temporaryFor(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw namingTheTarget(e, file, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The failure as one about {@code file}, the file the user named, not our temporary file: "permission denied"
     * stays an {@link AccessDeniedException}, a disk that is full says so.
     */
    private static IOException namingTheTarget(IOException e, Path file, Path tmp) {
        if (e instanceof FileSystemException fs && !tmp.toString().equals(fs.getFile())) {
            return e;   // about the file itself, already named
        }
        FileSystemException named;
        if (e instanceof AccessDeniedException) {
            named = new AccessDeniedException(file.toString());
        } else {
            String reason = e instanceof NoSuchFileException
                    ? "cannot create a file in " + file.toAbsolutePath().getParent()
                    : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                    : e.getClass().getSimpleName();
            named = new FileSystemException(file.toString(), null,
                    Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
        }
        named.initCause(e);
        return named;
    }

    /**
     * A new temporary file's name beside {@code file}: {@code .NAME.N.tmp-PID}, with a number per call, so that two
     * threads writing one file never share a temporary file.
     */
    public static Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + WRITES.incrementAndGet() + ".tmp-"
                + ProcessHandle.current().pid());
    }

    /**
     * Deletes the temporary files in {@code dir} (not below it) whose process is gone.
     *
     * @return how many were deleted
     */
    public static int removeOrphans(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*")) {
            for (Path file : files) {
                Matcher m = TEMPORARY.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file) && (m.group(1) == null || !alive(m.group(1)))
                        && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
