package dev.backprop.exercises;

import dev.backprop.core.data.PathNames;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values of options that name a file or a folder to write ({@code --json FILE}, {@code --prefix DIR}), as the
 * lessons' {@code --out DIR} reads them: an empty name, a value that looks like an option ({@code --json -x}: a
 * forgotten value) and a name the system cannot turn into a path are refused, so picocli reports them in one line
 * that names the option.
 */
public final class PathValues {

    private PathValues() {
    }

    /** A file to write. */
    public static final class File implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return path(value, "file");
        }
    }

    /** A folder to write into. */
    public static final class Folder implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return path(value, "folder");
        }
    }

    private static Path path(String value, String kind) {
        try {
            return PathNames.of(value, kind);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
