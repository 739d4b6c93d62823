package dev.backprop.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz} ({@code np.savez} / {@code np.load}): a zip file with one {@code NAME.npy} entry per array.
 * Other entries (this engine stores a model's architecture as {@code architecture.json}) are kept as text; numpy
 * reads them too: {@code np.load(f)['architecture.json']} gives their bytes.
 */
public final class Npz {

    private Npz() {
    }

    /** The arrays of an {@code .npz}, by name without {@code .npy}, in file order, and its other entries as text. */
    public record Contents(Map<String, NpyArray> arrays, Map<String, String> texts) {
    }

    /**
     * Reads every entry, checking each one's CRC-32 against the zip directory, and that the zip directory at the
     * end of the file and the entries' own headers agree on every name and byte.
     *
     * @throws DataFileException naming the file, the entry and, inside an array, the byte offset
     */
    public static Contents read(Path file) throws IOException {
        String name = file.toString();
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        byte[] content = DataFiles.readAllBytes(file, "an .npz file");
        Map<String, byte[]> local = localEntries(name, content);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new DataFileException(name, directory(content), "expected an .npz (a zip file of .npy arrays),"
                    + " found no readable zip directory (" + e.getMessage() + "): not a zip file, or truncated", e);
        }
        try (zip) {
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
                ZipEntry entry = en.nextElement();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                } catch (DataFileException e) {
                    throw e;
                } catch (IOException e) {
                    throw new DataFileException(name, entry(content, entry.getName()), "corrupt or truncated zip entry ("
                            + e.getMessage() + ")", e);
                }
                CRC32 crc = new CRC32();
                crc.update(bytes);
                if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                    throw new DataFileException(name, entry(content, entry.getName()), String.format(
                            "expected CRC-32 %08x as the zip directory says, found %08x: the entry is corrupt",
                            entry.getCrc(), crc.getValue()));
                }
                if (!Arrays.equals(local.remove(entry.getName()), bytes)) {
                    throw new DataFileException(name, entry(content, entry.getName()), "the zip directory lists this"
                            + " entry, but the entries"
                            + " themselves hold " + local.keySet() + ": the file is corrupt");
                }
                if (entry.getName().endsWith(".npy")) {
                    String key = entry.getName().substring(0, entry.getName().length() - 4);
                    // offsets inside an array count from the array's first byte
                    arrays.put(key, Npy.parse(name + ", entry " + entry.getName(), bytes));
                } else {
                    texts.put(entry.getName(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        if (!local.isEmpty()) {
            throw new DataFileException(name, directory(content), "the entries " + local.keySet() + " are missing from"
                    + " the zip directory: the file is corrupt");
        }
        return new Contents(Collections.unmodifiableMap(arrays), Collections.unmodifiableMap(texts));
    }

    /** The entries as their local headers give them, read front to back (CRC-checked by ZipInputStream). */
    private static Map<String, byte[]> localEntries(String name, byte[] file) throws DataFileException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String current = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                current = e.getName();
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DataFileException(name, current == null ? "the first entry, byte 0" : entry(file, current),
                    "corrupt or truncated zip data (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** "entry NAME, byte N" at the entry's local header ("PK\3\4", then its name at +30), or "entry NAME". */
    private static String entry(byte[] file, String entryName) {
        byte[] nameBytes = entryName.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + nameBytes.length <= file.length; i++) {
            if (file[i] == 'P' && file[i + 1] == 'K' && file[i + 2] == 3 && file[i + 3] == 4
                    && Arrays.equals(file, i + 30, i + 30 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                return "entry " + entryName + ", byte " + i;
            }
        }
        return "entry " + entryName;
    }

    /** "zip directory, byte N" at its end record ("PK\5\6", the last one), or "zip directory". */
    private static String directory(byte[] file) {
        for (int i = file.length - 22; i >= 0; i--) {
            if (file[i] == 'P' && file[i + 1] == 'K' && file[i + 2] == 5 && file[i + 3] == 6) {
                return "zip directory, byte " + i;
            }
        }
        return "zip directory";
    }

    /**
     * Writes the arrays as {@code NAME.npy} entries (each as {@code np.save} writes it) and the texts as UTF-8
     * entries, uncompressed like {@code np.savez}, through a temporary file moved into place.
     */
    public static void write(Path file, Map<String, NpyArray> arrays, Map<String, String> texts) throws IOException {
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
                put(zip, e.getKey() + ".npy", Npy.toBytes(e.getValue()));
            }
            for (Map.Entry<String, String> e : texts.entrySet()) {
                put(zip, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
            zip.finish();
        });
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTime(315_532_800_000L + 12 * 3_600_000L);   // 1980-01-01 12:00 UTC: no timestamps, same bytes
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
