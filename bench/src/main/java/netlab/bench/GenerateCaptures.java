package netlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;

/**
 * Writes the benchmark captures (classic pcap, microseconds, Ethernet) deterministically from a seed.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar netlab.bench.GenerateCaptures [--out DIR] [--seed N] [--frames N] [KIND...]
 * </pre>
 * KIND is {@code mix}, {@code mac-flood} or {@code arp-flood} (default: all three). Files are named
 * {@code KIND-<frames>.pcap} with frames as 1M, 4M, 250k..., plus {@code -s<seed>} unless the seed is
 * the default; existing files are left alone unless {@code --force}.
 */
public final class GenerateCaptures {
    static final long DEFAULT_SEED = 20240101L;

    private GenerateCaptures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("/tmp/netlab-bench");
        long seed = DEFAULT_SEED;
        long frames = 1_000_000;
        boolean force = false;
        java.util.List<String> kinds = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> dir = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--frames" -> frames = Long.parseLong(args[++i].replace("_", ""));
                case "--force" -> force = true;
                case "mix", "mac-flood", "arp-flood" -> kinds.add(args[i]);
                default -> {
                    System.err.println("usage: GenerateCaptures [--out DIR] [--seed N] [--frames N] [--force] "
                            + "[mix|mac-flood|arp-flood ...]");
                    System.exit(64);
                }
            }
        }
        if (kinds.isEmpty()) {
            kinds = java.util.List.of("mix", "mac-flood", "arp-flood");
        }
        Files.createDirectories(dir);
        for (String kind : kinds) {
            Path file = dir.resolve(fileName(kind, frames, seed));
            if (Files.exists(file) && !force) {
                System.out.println(file + " exists");
                continue;
            }
            long t0 = System.nanoTime();
            write(file, kind, frames, seed);
            System.out.printf("%s: %d frames, %d bytes, %.1f s%n", file, frames, Files.size(file),
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** e.g. {@code mix-1M.pcap}, {@code arp-flood-250k-s7.pcap}. */
    static String fileName(String kind, long frames, long seed) {
        String n = frames % 1_000_000 == 0 ? frames / 1_000_000 + "M"
                : frames % 1_000 == 0 ? frames / 1_000 + "k" : Long.toString(frames);
        return kind + "-" + n + (seed == DEFAULT_SEED ? "" : "-s" + seed) + ".pcap";
    }

    /** Writes to a temporary name first, so an interrupted run never leaves a short file behind. */
    static void write(Path file, String kind, long frames, long seed) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (PcapWriter w = PcapWriter.create(tmp, LinkType.ETHERNET, PcapWriter.DEFAULT_SNAPLEN, Precision.MICRO)) {
            FrameOut out = (buf, length, nanos) -> w.write(new Frame(buf, 0, length, length, nanos, LinkType.ETHERNET, 0));
            switch (kind) {
                case "mix" -> new MixGenerator(seed, out).generate(frames);
                case "mac-flood" -> new FloodGenerator(seed, out).macFlood(frames);
                default -> new FloodGenerator(seed, out).arpFlood(frames);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
