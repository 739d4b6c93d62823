package dev.backprop.core.data;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The value of a command-line option that names a file or a folder ({@code --out DIR}, {@code --save FILE}), checked
 * before anything is read or written: an empty name (which would mean the current folder), a value that looks like
 * an option ({@code --out -x}: a forgotten value), and a name the system cannot turn into a path (non-ASCII letters
 * where the locale is {@code LC_ALL=C}) are refused with a message that says what to write instead.
 */
public final class PathNames {

    private PathNames() {
    }

    /**
     * The path {@code value} names.
     *
     * @param kind "file" or "folder", for the message
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public static Path of(String value, String kind) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("an empty " + kind + " name; name a " + kind
                    + ", or leave the option out");
        }
        if (value.startsWith("-")) {
            throw new IllegalArgumentException("'" + value + "' looks like an option, not a " + kind
                    + " (for a " + kind + " of that name, write ./" + value + ")");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + value + "' is not a usable path: " + e.getReason()
                    + localeHint());
        }
    }

    private static String localeHint() {
        String encoding = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        return encoding.equalsIgnoreCase("UTF-8") ? ""
                : " (file names are encoded as " + encoding + " here; run with LC_ALL=C.UTF-8)";
    }
}
