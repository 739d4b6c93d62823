package dev.backprop.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * numpy's {@code .npy} format ({@code np.save} / {@code np.load}), versions 1.0, 2.0 and 3.0:
 * <pre>
 * byte 0..5   \x93NUMPY
 * byte 6, 7   major, minor version
 * byte 8..    header length: 2 bytes little-endian (1.0) or 4 bytes (2.0, 3.0)
 * then        the header, a Python dict: {'descr': '&lt;f8', 'fortran_order': False, 'shape': (2, 3), }
 *             padded with spaces and a newline so the data starts at a multiple of 64
 * then        the elements, C order (last index fastest) or Fortran order (first index fastest)
 * </pre>
 * Reads floats ({@code f4, f8}), signed and unsigned integers (1, 2, 4, 8 bytes) and booleans, little- or
 * big-endian; anything else (complex, strings, objects, structured dtypes, half floats) is refused by name.
 * Writes {@code '<f8'} in C order, byte for byte as {@code np.save} does.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern STRUCTURED = Pattern.compile("'descr'\\s*:\\s*\\[");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 16;

    private Npy() {
    }

    /** Reads a {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        return parse(file.toString(), DataFiles.readAllBytes(file, "an .npy file"));
    }

    /**
     * Parses {@code .npy} bytes; {@code name} names them in errors ({@code model.npz, entry W1.npy} inside a
     * {@code .npz}).
     *
     * @throws DataFileException naming the file, the byte offset, what was expected and what was found
     */
    public static NpyArray parse(String name, byte[] b) throws DataFileException {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= b.length || b[i] != MAGIC[i]) {
                throw new DataFileException(name, "byte " + i, "expected the .npy magic \\x93NUMPY, found "
                        + (i >= b.length ? "the end of the file" : String.format("byte 0x%02X", b[i] & 0xFF)));
            }
        }
        if (b.length < 10) {
            throw new DataFileException(name, "byte " + b.length, "truncated header: the file ends after "
                    + b.length + " bytes, before the header length");
        }
        int major = b[6] & 0xFF;
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new DataFileException(name, "byte 6", "expected .npy format version 1, 2 or 3, found "
                    + major + "." + (b[7] & 0xFF));
        };
        int start = 8 + lengthBytes;
        if (b.length < start) {
            throw new DataFileException(name, "byte " + b.length, "truncated header: the file ends after "
                    + b.length + " bytes, before the header length");
        }
        long headerLength = 0;
        for (int i = lengthBytes - 1; i >= 0; i--) {
            headerLength = (headerLength << 8) | (b[8 + i] & 0xFF);   // little-endian
        }
        long dataStart = start + headerLength;
        if (b.length < dataStart) {
            throw new DataFileException(name, "byte " + b.length, "truncated header: expected " + headerLength
                    + " header bytes from byte " + start + ", the file ends after " + b.length + " bytes");
        }
        String header = new String(b, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Header h = parseHeader(name, start, header);
        long expected = (long) h.size() * h.itemSize();
        if (b.length - dataStart < expected) {
            throw new DataFileException(name, "byte " + b.length, "truncated data: expected " + expected
                    + " bytes (" + h.size() + " elements of " + h.descr() + ", shape " + NpyArray.shapeText(h.shape())
                    + ") from byte " + dataStart + ", the file ends after " + b.length + " bytes");
        }
        long extra = b.length - dataStart - expected;
        if (extra > 0) {
            throw new DataFileException(name, "byte " + (dataStart + expected), "expected the file to end after "
                    + h.size() + " elements of " + h.descr() + ", shape " + NpyArray.shapeText(h.shape()) + ", found "
                    + Idx.count(extra, "more byte", "more bytes"));
        }
        double[] values = decode(name, b, (int) dataStart, h);
        if (h.fortranOrder()) {
            values = fortranToC(values, h.shape());
        }
        return new NpyArray(h.descr(), h.shape(), values);
    }

    private record Header(String descr, boolean fortranOrder, int[] shape, char kind, int itemSize,
            ByteOrder order) {
        int size() {
            int n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }
    }

    private static Header parseHeader(String name, int at, String header) throws DataFileException {
        String where = "byte " + at + " (header " + header.strip() + ")";
        if (!header.strip().startsWith("{") || !header.strip().endsWith("}")) {
            throw new DataFileException(name, where, "expected the header to be a Python dict {...}");
        }
        if (STRUCTURED.matcher(header).find()) {
            throw new DataFileException(name, where, "unsupported dtype: a structured dtype (a list of fields);"
                    + " expected a plain number type such as '<f8'");
        }
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new DataFileException(name, where, "expected the keys 'descr', 'fortran_order' and 'shape'");
        }
        String descr = d.group(1);
        if (descr.length() < 3) {
            throw new DataFileException(name, where, "unsupported dtype '" + descr + "'");
        }
        char byteOrder = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw new DataFileException(name, where, "unsupported dtype '" + descr + "'");
        }
        boolean supported = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!supported) {
            throw new DataFileException(name, where, "unsupported dtype '" + descr + "' (" + kindName(kind, size)
                    + "); expected floats (f4, f8), integers (i1..i8, u1..u8) or booleans (b1)");
        }
        ByteOrder order;
        if (byteOrder == '<' || (byteOrder == '|' && size == 1)) {
            order = ByteOrder.LITTLE_ENDIAN;
        } else if (byteOrder == '>') {
            order = ByteOrder.BIG_ENDIAN;
        } else {
            throw new DataFileException(name, where, "unsupported byte order '" + byteOrder + "' in dtype '" + descr
                    + "'; expected '<' (little-endian), '>' (big-endian) or, for one-byte types, '|'");
        }
        String[] dims = s.group(1).split(",");
        int n = 0;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                n++;
            }
        }
        int[] shape = new int[n];
        long elements = 1;
        int k = 0;
        for (String dim : dims) {
            if (dim.isBlank()) {
                continue;
            }
            long value;
            try {
                value = Long.parseLong(dim.strip().replace("L", ""));
            } catch (NumberFormatException e) {
                throw new DataFileException(name, where, "expected the shape to be whole numbers, found '"
                        + dim.strip() + "'");
            }
            if (value < 0) {
                throw new DataFileException(name, where, "shape (" + s.group(1) + ") has a negative dimension "
                        + value);
            }
            if (value > MAX_ELEMENTS || (elements *= value) > MAX_ELEMENTS) {
                throw new DataFileException(name, where, "shape (" + s.group(1) + ") holds more elements than one"
                        + " array can (" + MAX_ELEMENTS + ")");
            }
            shape[k++] = (int) value;
        }
        if (elements * size > MAX_ELEMENTS) {
            throw new DataFileException(name, where, "shape (" + s.group(1) + ") of " + descr + " is "
                    + elements * size + " bytes, more than one array can hold");
        }
        return new Header(descr, f.group(1).equals("True"), shape, kind, size, order);
    }

    private static double[] decode(String name, byte[] b, int from, Header h) throws DataFileException {
        int n = h.size();
        ByteBuffer in = ByteBuffer.wrap(b, from, n * h.itemSize()).order(h.order());
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (h.kind()) {
                case 'f' -> h.itemSize() == 8 ? in.getDouble() : in.getFloat();
                case 'b' -> {
                    int v = in.get();
                    if (v != 0 && v != 1) {
                        throw new DataFileException(name, "byte " + (from + i), "expected a boolean 0 or 1, found "
                                + (v & 0xFF));
                    }
                    yield v;
                }
                case 'i' -> switch (h.itemSize()) {
                    case 1 -> in.get();
                    case 2 -> in.getShort();
                    case 4 -> in.getInt();
                    default -> (double) in.getLong();
                };
                default -> switch (h.itemSize()) {
                    case 1 -> in.get() & 0xFF;
                    case 2 -> in.getShort() & 0xFFFF;
                    case 4 -> in.getInt() & 0xFFFF_FFFFL;
                    default -> unsigned(in.getLong());
                };
            };
        }
        return out;
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** Fortran order (first index fastest) to C order (last index fastest). */
    private static double[] fortranToC(double[] f, int[] shape) {
        double[] c = new double[f.length];
        int d = shape.length;
        int[] index = new int[d];
        for (int ci = 0; ci < c.length; ci++) {
            int fi = 0;
            int stride = 1;
            for (int k = 0; k < d; k++) {
                fi += index[k] * stride;
                stride *= shape[k];
            }
            c[ci] = f[fi];
            for (int k = d - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    break;
                }
                index[k] = 0;
            }
        }
        return c;
    }

    private static String kindName(char kind, int size) {
        return switch (kind) {
            case 'c' -> "complex";
            case 'U' -> "unicode string";
            case 'S', 'a' -> "byte string";
            case 'O' -> "Python object";
            case 'M', 'm' -> "date/time";
            case 'V' -> "raw bytes";
            case 'f' -> size == 2 ? "half-precision float" : "float of " + size + " bytes";
            default -> "not a number type";
        };
    }

    /** Writes {@code array} (its data as {@code '<f8'}, C order) to a file, through a temporary file. */
    public static void write(Path file, NpyArray array) throws IOException {
        byte[] bytes = toBytes(array);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * The bytes {@code np.save} writes for this array as {@code float64}: version 1.0, the header dict padded
     * with spaces to end, with a newline, at a multiple of 64 bytes.
     */
    public static byte[] toBytes(NpyArray array) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + NpyArray.shapeText(array.shape())
                + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 + header.length() + 8 * array.data().length);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xFF);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(8 * array.data().length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : array.data()) {
            data.putDouble(v);
        }
        out.writeBytes(data.array());
        return out.toByteArray();
    }
}
