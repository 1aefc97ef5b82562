package netlab.bench;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * Worst cases for per-address state: a macof-style flood (every frame a new random source MAC, a small
 * TCP SYN between random addresses) and an ARP request storm (random sender MAC and IP asking for
 * random targets in 10.0.0.0/8). 60-byte frames at 100,000 frames/s.
 */
final class FloodGenerator {
    private static final long GAP_NANOS = 10_000;

    private final SplittableRandom r;
    private final FrameBuilder b;
    private final FrameOut out;
    private long clock = MixGenerator.START_NANOS;

    FloodGenerator(long seed, FrameOut out) {
        this.r = new SplittableRandom(seed);
        this.b = new FrameBuilder(seed);
        this.out = out;
    }

    /** A random unicast, globally administered MAC. */
    private long randomMac() {
        return r.nextLong() & 0xfeff_ffff_ffffL;
    }

    void macFlood(long frames) throws IOException {
        for (long i = 0; i < frames; i++) {
            int off = b.ethernet(randomMac(), randomMac(), -1, 0x0800);
            off = b.ipv4(off, r.nextInt(), r.nextInt(), 6, 64, (int) i);
            int l4 = off;
            off = b.tcp(off, 1024 + r.nextInt(64000), 1024 + r.nextInt(64000), r.nextLong() >>> 32, 0, 0x02);
            emit(b.finish(l4, off, 6, 16));
        }
    }

    void arpFlood(long frames) throws IOException {
        for (long i = 0; i < frames; i++) {
            long mac = randomMac();
            int off = b.ethernet(FrameBuilder.BROADCAST, mac, -1, 0x0806);
            off = b.arp(off, 1, mac, 0x0a00_0000 | r.nextInt(1 << 24), 0, 0x0a00_0000 | r.nextInt(1 << 24));
            emit(b.pad(off));
        }
    }

    private void emit(int length) throws IOException {
        clock += GAP_NANOS;
        out.write(b.buf, length, clock);
    }
}
