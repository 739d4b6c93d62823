package dev.backprop.core.data;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading a data file whole; a folder in its place is named as one, where {@link Files#readAllBytes} says only
 * "Is a directory", without the path.
 */
final class DataFiles {

    private DataFiles() {
    }

    /**
     * The bytes of {@code file}.
     *
     * @param kind what the file should be, for the message: "a CSV file", "an .npz file"
     * @throws FileSystemException naming the file when it is a folder ({@code /data: is a folder, not a CSV file})
     *                             or missing ({@code /data/x.csv: no such file}); a {@link NoSuchFileException}
     *                             of its own would give the path alone
     */
    static byte[] readAllBytes(Path file, String kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not " + kind);
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        return Files.readAllBytes(file);
    }
}
