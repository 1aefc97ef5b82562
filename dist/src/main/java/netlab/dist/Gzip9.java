package netlab.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses files as Debian policy wants man pages and changelogs: gzip at maximum compression, with no file name
 * and no time stamp in the header (what {@code gzip -9n} writes), so the package is reproducible; lintian reads
 * the header's "maximum compression" flag, which java.util.zip.GZIPOutputStream never sets.
 */
public final class Gzip9 {
    private Gzip9() {
    }

    /** Arguments: pairs of (input directory, output directory); every regular file F becomes F.gz. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0 || args.length % 2 != 0) {
            throw new IllegalArgumentException("usage: Gzip9 IN_DIR OUT_DIR [IN_DIR OUT_DIR]...");
        }
        for (int i = 0; i < args.length; i += 2) {
            Path out = Path.of(args[i + 1]);
            Files.createDirectories(out);
            List<Path> files;
            try (Stream<Path> in = Files.list(Path.of(args[i]))) {
                files = in.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                try (OutputStream o = Files.newOutputStream(out.resolve(f.getFileName() + ".gz"))) {
                    write(Files.readAllBytes(f), o);
                }
            }
        }
    }

    /** Writes DATA as one gzip member (RFC 1952): header, raw deflate at level 9, CRC-32 and length trailer. */
    static void write(byte[] data, OutputStream out) throws IOException {
        // ID1 ID2, CM=8 (deflate), FLG=0 (no name), MTIME=0, XFL=2 (maximum compression), OS=3 (Unix): RFC 1952 2.3.
        out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 2, 3});
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeIntLe(out, (int) crc.getValue());
        writeIntLe(out, data.length);
    }

    private static void writeIntLe(OutputStream out, int v) throws IOException {
        out.write(new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }
}
