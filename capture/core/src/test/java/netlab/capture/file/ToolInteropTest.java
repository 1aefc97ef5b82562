package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Files netlab writes read identically in tcpdump and tshark, and files they write read identically
 * in netlab. Skipped (with the reason shown) when the tools are not on PATH, unless the environment
 * sets NETLAB_REQUIRE_LIVE=1, which turns the skip into a failure.
 */
class ToolInteropTest {
    @TempDir
    Path tmp;

    private static void requireTool(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        String reason = tool + " is not on PATH";
        if ("1".equals(System.getenv("NETLAB_REQUIRE_LIVE"))) {
            fail(reason + " and NETLAB_REQUIRE_LIVE=1");
        }
        Assumptions.assumeTrue(false, reason + ": interop test skipped");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish");
        }
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return new String(out, StandardCharsets.US_ASCII);
    }

    /** Frames with sub-microsecond, pre-2038, post-2038 and truncated cases, from real captures. */
    private static List<Frame> sample() throws IOException {
        List<Frame> frames = new ArrayList<>(Captures.readAll(Captures.file("tcpdump/arp-oobr.pcap")).subList(0, 300));
        frames.addAll(Captures.readAll(Captures.file("tcpdump/time_2038_overflow.pcap")));
        frames.addAll(Captures.readAll(Captures.file("tcpdump/tcp_rst_data-trunc.pcap")));
        frames.addAll(Captures.readAll(Captures.file("tcpdump/arp-too-long-tha.pcap")));
        List<Frame> withNanos = new ArrayList<>();
        long i = 0;
        for (Frame f : frames) {
            withNanos.add(new Frame(f.data(), f.offset(), f.capturedLength(), f.originalLength(),
                    f.timestampNanos() + (i++ * 7919) % 1000, f.linkType(), 0));
        }
        return withNanos;
    }

    private Path write(List<Frame> frames, Precision precision) throws IOException {
        Path file = tmp.resolve("netlab-" + precision + ".pcap");
        try (PcapWriter w = PcapWriter.create(file, LinkType.ETHERNET, 262144, precision)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        return file;
    }

    private static long unit(Precision p) {
        return p == Precision.NANO ? 1 : 1000;
    }

    @Test
    void tsharkReadsNetlabFiles() throws Exception {
        requireTool("tshark");
        List<Frame> frames = sample();
        for (Precision precision : Precision.values()) {
            Path file = write(frames, precision);
            String[] lines = run("tshark", "-r", file.toString(), "-T", "fields",
                    "-e", "frame.time_epoch", "-e", "frame.len", "-e", "frame.cap_len").split("\n");
            assertEquals(frames.size(), lines.length);
            for (int i = 0; i < lines.length; i++) {
                Frame f = frames.get(i);
                long ts = f.timestampNanos() / unit(precision) * unit(precision);
                assertEquals(PublicCapturesTest.epoch(ts) + "\t" + f.originalLength() + "\t" + f.capturedLength(),
                        lines[i], "frame " + (i + 1) + " " + precision);
            }
        }
    }

    @Test
    void tcpdumpReadsNetlabFiles() throws Exception {
        requireTool("tcpdump");
        List<Frame> frames = sample();
        for (Precision precision : Precision.values()) {
            Path file = write(frames, precision);
            String out = run("tcpdump", "-r", file.toString(), "-tt", "-nn", "-xx", "--time-stamp-precision=nano");
            List<String> stamps = new ArrayList<>();
            List<StringBuilder> hex = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("\t0x")) {
                    // Some decoders print their own dump first; -xx's dump is the last one to start at 0x0000.
                    if (line.startsWith("\t0x0000:")) {
                        hex.get(hex.size() - 1).setLength(0);
                    }
                    hex.get(hex.size() - 1).append(line.substring(line.indexOf(':') + 1).replace(" ", ""));
                } else if (!line.startsWith("\t") && !line.startsWith(" ") && !line.isEmpty()) {
                    stamps.add(line.substring(0, line.indexOf(' ')));
                    hex.add(new StringBuilder());
                }
            }
            assertEquals(frames.size(), stamps.size());
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                long ts = f.timestampNanos() / unit(precision) * unit(precision);
                // tcpdump 4.99 prints "[Error converting time]" past 2038-01-19 (signed 32-bit seconds).
                String expected = ts / 1_000_000_000L > Integer.MAX_VALUE ? "[Error" : PublicCapturesTest.epoch(ts);
                assertEquals(expected, stamps.get(i), "frame " + (i + 1));
                assertEquals(HexFormat.of().formatHex(f.bytes()), hex.get(i).toString(), "frame " + (i + 1));
            }
        }
    }

    @Test
    void netlabReadsTcpdumpFiles() throws Exception {
        requireTool("tcpdump");
        for (String name : List.of("tcpdump/arp-oobr.pcap", "tcpdump/tcp-handshake-nano.pcap",
                "pcapplusplus/nanosecs_big_endian.pcap", "pcapplusplus/QinQ_802.1_AD.pcapng")) {
            List<Frame> original = Captures.readAll(Captures.file(name));
            Path micro = tmp.resolve("tcpdump-micro.pcap");
            run("tcpdump", "-r", Captures.file(name).toString(), "-w", micro.toString());
            PcapWriterTest.assertSameFrames(original, Captures.readAll(micro), 1000);
            Path nano = tmp.resolve("tcpdump-nano.pcap");
            run("tcpdump", "--time-stamp-precision=nano", "-r", Captures.file(name).toString(), "-w", nano.toString());
            try (PcapReader r = (PcapReader) CaptureFiles.open(nano)) {
                assertEquals(Precision.NANO, r.precision());
                PcapWriterTest.assertSameFrames(original, Captures.readAll(r), 1);
            }
        }
    }

    @Test
    void netlabReadsTsharkFiles() throws Exception {
        requireTool("tshark");
        for (String name : List.of("pcapplusplus/pcapng-example.pcapng", "pcapplusplus/many_interfaces-1.pcapng",
                "tcpdump/tcp-handshake-nano.pcap", "pcapplusplus/sll.pcap")) {
            List<Frame> original = Captures.readAll(Captures.file(name));
            Path ng = tmp.resolve("tshark.pcapng");
            run("tshark", "-r", Captures.file(name).toString(), "-F", "pcapng", "-w", ng.toString());
            List<Frame> back = Captures.readAll(ng);
            PcapWriterTest.assertSameFrames(original, back, 1);
            for (int i = 0; i < back.size(); i++) {
                assertEquals(original.get(i).interfaceIndex(), back.get(i).interfaceIndex());
            }
            if (original.stream().map(Frame::linkType).distinct().count() == 1) {
                Path nsec = tmp.resolve("tshark.pcap");
                run("tshark", "-r", Captures.file(name).toString(), "-F", "nsecpcap", "-w", nsec.toString());
                PcapWriterTest.assertSameFrames(original, Captures.readAll(nsec), 1);
            }
        }
    }
}
