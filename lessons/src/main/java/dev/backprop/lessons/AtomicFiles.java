package dev.backprop.lessons;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files written whole or not at all: the bytes go to a temporary file beside the target, {@code .NAME.tmp-PID}, which
 * is then moved over it; if anything fails the temporary file is deleted, and the target is as it was. The file gets
 * the permissions of any new file (the umask's), not the owner-only ones of {@link Files#createTempFile}.
 * <p>
 * A run killed outright (SIGKILL) cannot clean up; {@link #removeOrphans} deletes what such a run left, recognising
 * it by a process id that is no longer alive.
 */
public final class AtomicFiles {

    /** {@code .NAME.tmp-PID}, and {@code .plot-NNN.tmp} from versions that used {@code createTempFile}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-(\\d+)|\\.plot-\\d+\\.tmp");

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code file} through a temporary file and an atomic move. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = temporaryFor(file);
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** The temporary file this process writes {@code file} through: {@code .NAME.tmp-PID} beside it. */
    public static Path temporaryFor(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
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
