package dev.backprop.core.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The IDX format of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte}, …), plain or gzipped:
 * <pre>
 * byte 0..1   0x00 0x00
 * byte 2      element type: 0x08 = unsigned byte (the only type MNIST uses, and the only one read here)
 * byte 3      number of dimensions d (3 for images: count, rows, columns; 1 for labels: count)
 * byte 4..    d sizes, each a big-endian 32-bit integer
 * then        the elements, the last dimension varying fastest
 * </pre>
 * A gzipped file (it starts with 0x1f 0x8b) is decompressed first; byte offsets in errors then count in the
 * decompressed data.
 */
public final class Idx {

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int MAX_ELEMENTS = Integer.MAX_VALUE - 16;

    private Idx() {
    }

    /** An IDX array: its sizes and its elements as unsigned bytes, the last dimension varying fastest. */
    public record Array(int[] dims, byte[] data, int dataOffset) {

        /** Element i as an unsigned value 0..255. */
        public int get(int i) {
            return data[dataOffset + i] & 0xFF;
        }

        /** The number of elements, the product of the sizes. */
        public int size() {
            return Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }
    }

    /** Reads an IDX file, gzipped or not, expecting {@code expectedDims} dimensions. */
    public static Array read(Path file, int expectedDims) throws IOException {
        return parse(file.toString(), DataFiles.readAllBytes(file, "an IDX file"), expectedDims);
    }

    /** Reads an IDX stream (a classpath resource, say) named {@code name} in errors. */
    public static Array read(String name, InputStream in, int expectedDims) throws IOException {
        return parse(name, in.readAllBytes(), expectedDims);
    }

    /**
     * Parses IDX bytes, gunzipping them first if they start with the gzip magic 0x1f 0x8b.
     *
     * @throws DataFileException naming {@code name}, the byte offset, what was expected and what was found
     */
    public static Array parse(String name, byte[] bytes, int expectedDims) throws DataFileException {
        byte[] b = isGzip(bytes) ? gunzip(name, bytes) : bytes;
        String of = isGzip(bytes) ? " of the decompressed data" : "";
        if (b.length < 4) {
            throw new DataFileException(name, "byte " + b.length + of,
                    "expected a 4-byte IDX magic number, the file ends after " + bytes(b.length));
        }
        int magic = readInt(b, 0);
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
        if (b[0] != 0 || b[1] != 0) {
            throw new DataFileException(name, "byte 0" + of, String.format(
                    "expected the IDX magic number 0x%08X (an idx%d-ubyte file), found 0x%08X", expectedMagic,
                    expectedDims, magic));
        }
        int type = b[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(name, "byte 2" + of, String.format(
                    "expected element type 0x08 (unsigned byte, as MNIST), found 0x%02X (%s)", type, typeName(type)));
        }
        int d = b[3] & 0xFF;
        if (d != expectedDims) {
            throw new DataFileException(name, "byte 3" + of, String.format(
                    "expected %d dimension%s (magic 0x%08X), found %d (magic 0x%08X)", expectedDims,
                    expectedDims == 1 ? "" : "s", expectedMagic, d, magic));
        }
        int header = 4 + 4 * d;
        if (b.length < header) {
            throw new DataFileException(name, "byte " + b.length + of, "truncated header: expected " + header
                    + " bytes (magic and " + d + " sizes), the file ends after " + bytes(b.length));
        }
        int[] dims = new int[d];
        long elements = 1;
        for (int k = 0; k < d; k++) {
            long size = readInt(b, 4 + 4 * k) & 0xFFFF_FFFFL;
            elements *= size;
            if (size > MAX_ELEMENTS || elements > MAX_ELEMENTS) {
                throw new DataFileException(name, "byte " + (4 + 4 * k) + of, "size " + k + " is " + size
                        + ": the sizes hold " + (size > MAX_ELEMENTS ? "more than " + MAX_ELEMENTS : elements)
                        + " elements, more than one array can hold (" + MAX_ELEMENTS + ")");
            }
            dims[k] = (int) size;
        }
        long end = header + elements;
        if (b.length < end) {
            throw new DataFileException(name, "byte " + b.length + of, "truncated data: expected "
                    + contents(dims, elements) + " from byte " + header + " to byte " + end + ", the file ends after "
                    + bytes(b.length));
        }
        if (b.length > end) {
            throw new DataFileException(name, "byte " + end + of, "expected the file to end after its "
                    + contents(dims, elements) + ", found " + count(b.length - end, "more byte", "more bytes"));
        }
        return new Array(dims, b, header);
    }

    /**
     * Writes an IDX file of unsigned bytes, gzipped when the name ends in {@code .gz}, through a temporary file
     * moved into place.
     */
    public static void write(Path file, int[] dims, byte[] elements) throws IOException {
        long size = 1;
        for (int s : dims) {
            size *= s;
        }
        if (size != elements.length) {
            throw new IllegalArgumentException("Idx.write: sizes " + dimsText(dims) + " hold " + size
                    + " elements, given " + elements.length);
        }
        boolean gzip = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, out -> {
            OutputStream o = gzip ? new GZIPOutputStream(out) : out;
            o.write(new byte[] {0, 0, UNSIGNED_BYTE, (byte) dims.length});
            for (int s : dims) {
                o.write(new byte[] {(byte) (s >>> 24), (byte) (s >>> 16), (byte) (s >>> 8), (byte) s});
            }
            o.write(elements);
            if (gzip) {
                ((GZIPOutputStream) o).finish();
            }
        });
    }

    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1f && (bytes[1] & 0xFF) == 0x8b;
    }

    static byte[] gunzip(String name, byte[] bytes) throws DataFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            in.transferTo(out);
        } catch (EOFException e) {
            throw new DataFileException(name, "byte " + bytes.length + " (gzip)",
                    "truncated gzip stream: the compressed data ends before its end marker, after "
                            + out.size() + " decompressed bytes", e);
        } catch (ZipException e) {
            throw new DataFileException(name, "gzip stream, after " + out.size() + " decompressed bytes",
                    "corrupt gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new DataFileException(name, "gzip stream", "cannot decompress (" + e + ")", e);
        }
        return out.toByteArray();
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static String typeName(int type) {
        return switch (type) {
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "not an IDX type";
        };
    }

    /**
     * What the elements are, in MNIST's terms: "7999 labels" (1 dimension), "100 images of 28x28 pixels"
     * (3 dimensions), otherwise "24 elements (2x3x4)".
     */
    static String contents(int[] dims, long elements) {
        return switch (dims.length) {
            case 1 -> count(dims[0], "label", "labels");
            case 3 -> count(dims[0], "image", "images") + " of " + dims[1] + "x" + dims[2] + " pixels";
            default -> count(elements, "element", "elements") + " (" + dimsText(dims) + ")";
        };
    }

    private static String bytes(long n) {
        return count(n, "byte", "bytes");
    }

    /** "1 byte", "2 bytes", "0 bytes". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String dimsText(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < dims.length; k++) {
            s.append(k == 0 ? "" : "x").append(dims[k]);
        }
        return s.toString();
    }
}
