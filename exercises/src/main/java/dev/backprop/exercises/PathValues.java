package dev.backprop.exercises;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
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
        if (value.isBlank()) {
            throw new TypeConversionException("an empty " + kind + " name; name a " + kind + ", or leave the option"
                    + " out");
        }
        if (value.startsWith("-")) {
            throw new TypeConversionException("'" + value + "' looks like an option, not a " + kind
                    + " (for a " + kind + " of that name, write ./" + value + ")");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a usable path: " + e.getReason()
                    + localeHint());
        }
    }

    private static String localeHint() {
        String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        return encoding.equalsIgnoreCase("UTF-8") ? ""
                : " (file names are encoded as " + encoding + " here; run with LC_ALL=C.UTF-8)";
    }
}
