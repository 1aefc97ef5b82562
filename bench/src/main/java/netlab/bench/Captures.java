package netlab.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;

/** In-memory benchmark captures for JMH: the generator's bytes, and frames that point into them. */
final class Captures {
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private Captures() {
    }

    /** A classic pcap of {@code frames} frames of {@code kind} (mix, mac-flood, arp-flood), default seed. */
    static byte[] pcap(String kind, int frames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(frames * 800);
        try (PcapWriter w = new PcapWriter(bytes, LinkType.ETHERNET, Precision.MICRO)) {
            FrameOut out = (buf, length, nanos) -> w.write(new Frame(buf, 0, length, length, nanos, LinkType.ETHERNET, 0));
            long seed = GenerateCaptures.DEFAULT_SEED;
            switch (kind) {
                case "mix" -> new MixGenerator(seed, out).generate(frames);
                case "mac-flood" -> new FloodGenerator(seed, out).macFlood(frames);
                case "arp-flood" -> new FloodGenerator(seed, out).arpFlood(frames);
                default -> throw new IllegalArgumentException("unknown capture kind " + kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * The records of a little-endian microsecond pcap written by {@link #pcap}, as frames sharing its
     * array, the way a reader's buffer holds them.
     */
    static Frame[] frames(byte[] pcap) {
        int n = 0;
        for (int p = GLOBAL_HEADER; p < pcap.length; p += RECORD_HEADER + le32(pcap, p + 8)) {
            n++;
        }
        Frame[] out = new Frame[n];
        int p = GLOBAL_HEADER;
        for (int i = 0; i < n; i++) {
            int caplen = le32(pcap, p + 8);
            long nanos = (le32(pcap, p) & 0xffff_ffffL) * 1_000_000_000L + le32(pcap, p + 4) * 1_000L;
            out[i] = new Frame(pcap, p + RECORD_HEADER, caplen, le32(pcap, p + 12), nanos, LinkType.ETHERNET, 0);
            p += RECORD_HEADER + caplen;
        }
        return out;
    }

    private static int le32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }
}
