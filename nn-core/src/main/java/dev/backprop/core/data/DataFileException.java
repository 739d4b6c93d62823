package dev.backprop.core.data;

import java.io.IOException;

/**
 * A data file that is not what its format says: wrong magic number, truncated data, sizes that disagree or
 * overflow, a cell that is not a number, a label out of range, a dtype this engine does not read. The message
 * names the file, where (a byte offset for binary formats, {@code line:column} for CSV), what was expected and
 * what was found, so that a command line can print it as one line. A loader that throws this has loaded nothing.
 */
public final class DataFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;

    /**
     * @param file  the file (or resource) name
     * @param where where in it: "byte 16", "line 3:2", "entry W1.npy, byte 10"
     * @param what  what was expected and what was found
     */
    public DataFileException(String file, String where, String what) {
        super(file + ": " + where + ": " + what);
        this.file = file;
        this.where = where;
    }

    /** The same, with the low-level cause (an {@code EOFException} of a gzip stream, say) kept for debugging. */
    public DataFileException(String file, String where, String what, Throwable cause) {
        super(file + ": " + where + ": " + what, cause);
        this.file = file;
        this.where = where;
    }

    /** The file or resource name. */
    public String file() {
        return file;
    }

    /** Where in the file: a byte offset, an entry, or {@code line:column}. */
    public String where() {
        return where;
    }
}
