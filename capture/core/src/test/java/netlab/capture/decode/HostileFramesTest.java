package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile frames beyond {@link DecoderTest}: every truncation and byte mutation of real frames from every
 * bundled capture, under every link type, through {@link Decoder}, {@link FrameSummary} and
 * {@link FrameDetails}; plus the header corner cases DecoderTest does not reach. Nothing may throw, and
 * every failure offset lies inside the captured bytes. Timeouts are hang guards.
 */
class HostileFramesTest {
    /** Frames taken from each capture: enough to reach every protocol the bundled files hold. */
    private static final int FRAMES_PER_FILE = 25;
    private static final LinkType[] LINK_TYPES = {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2,
        LinkType.RAW, new LinkType(12), LinkType.NULL, new LinkType(147)};

    private final PacketView view = new PacketView();

    private static List<Frame> bundledFrames() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(TestCaptures.root().resolve("sample-pcaps"), TestCaptures.publicDir())) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 60, "bundled captures found: " + files.size());
        List<Frame> frames = new ArrayList<>();
        for (Path p : files) {
            List<Frame> all = TestCaptures.read(p);
            frames.addAll(all.subList(0, Math.min(FRAMES_PER_FILE, all.size())));
        }
        return frames;
    }

    /** Decodes and renders; the failure, if any, must point inside the captured bytes. */
    private void render(Frame f, String what) {
        try {
            Decoder.decode(f, view);
            DecodeFailure failure = view.failure();
            assertTrue(failure == null || failure.offset() >= 0 && failure.offset() <= f.capturedLength(),
                    () -> what + ": failure outside the frame: " + failure);
            assertNotNull(FrameSummary.line(f, view));
            for (Layer l : FrameDetails.layers(f, view)) {
                assertTrue(l.failure() == null || l.failure().offset() <= f.capturedLength(), what);
            }
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": " + HexFormat.of().formatHex(f.bytes()), e);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyTruncationOfEveryBundledFrame() throws IOException {
        int n = 0;
        for (Frame f : bundledFrames()) {
            byte[] b = f.bytes();
            for (int len = 0; len <= b.length; len++) {
                // Cut short by the snap length: the wire length stays what the header said.
                render(new Frame(b, 0, len, f.originalLength(), f.timestampNanos(), f.linkType(), 0),
                        "frame " + n + " cut to " + len);
            }
            n++;
        }
        assertTrue(n > 500, "frames exercised: " + n);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void mutatedBundledFramesUnderEveryLinkTypeAndLength() throws IOException {
        Random r = new Random(6);
        for (Frame f : bundledFrames()) {
            for (int i = 0; i < 8; i++) {
                byte[] b = f.bytes();
                for (int k = 1 + r.nextInt(4); k > 0 && b.length > 0; k--) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                int[] wire = {b.length, 0, b.length / 2, Integer.MAX_VALUE};
                LinkType lt = i == 0 ? f.linkType() : LINK_TYPES[r.nextInt(LINK_TYPES.length)];
                render(new Frame(b, 0, b.length, wire[i % wire.length], Long.MIN_VALUE + i, lt, 0),
                        "mutated as " + lt);
            }
        }
    }

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 58: 10.0.0.1.1234 > 10.0.0.2.80: Flags [S], seq 1, win 64240, options [mss 1460], length 0
    private static final String TCP_SYN = DecoderTest.TCP_SYN;

    private PacketView decode(String hex) {
        Frame f = Frame.of(HexFormat.of().parseHex(hex), 0, LinkType.ETHERNET);
        render(f, hex);
        return view;
    }

    @Test
    void ipv4OptionsPastTheCapturedBytes() {
        // IHL 15 (60 bytes) and total length 100, but only 44 bytes of IP were captured.
        PacketView v = decode(TCP_SYN.replace("4500002c", "4f000064"));
        assertEquals(new DecodeFailure("ip", 3, 14, "truncated options"), v.failure());
        assertEquals("eth:ip", v.path());
    }

    @Test
    void tcpDataOffsetPastTheSegment() {
        // Data offset 15 (60 bytes) in a 24-byte segment.
        PacketView v = decode(TCP_SYN.replace("6002faf0", "f002faf0"));
        assertEquals(new DecodeFailure("tcp", 4, 46, "header length 60 > 24 bytes of IP payload"), v.failure());
    }

    @Test
    void ipv6ChainOfEveryExtensionTypeStopsAtSixteen() {
        // Hop-by-hop -> destination options -> routing -> AH -> ... each naming the next, 20 headers long.
        int[] cycle = {60, 43, 51, 0};
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            int next = cycle[i % cycle.length];
            // AH's length field counts 4-byte units minus 2 (RFC 4302 section 2.2): 0 would be 8 bytes.
            chain.append(String.format("%02x", next)).append("00000000000000");
        }
        String eth = "333300000001000000000001" + "86dd";
        String fixed = "60000000" + String.format("%04x", chain.length() / 2) + "00" + "40" + "fe80"
                + "0".repeat(28) + "ff02" + "0".repeat(26) + "01";
        PacketView v = decode(eth + fixed + chain);
        assertNotNull(v.failure());
        assertEquals("more than 16 extension headers", v.failure().reason());
        assertTrue(v.failure().offset() <= 54 + chain.length() / 2);
    }

    @Test
    void ipv6ExtensionHeaderPastThePayloadLengthButInsideTheCapture() {
        // Payload length 8, a hop-by-hop header claiming 16 bytes, and 16 bytes captured.
        String eth = "333300000001000000000001" + "86dd";
        String fixed = "60000000" + "0008" + "00" + "40" + "fe80" + "0".repeat(28) + "ff02" + "0".repeat(26) + "01";
        PacketView v = decode(eth + fixed + "3a01000000000000" + "0000000000000000");
        assertEquals(new DecodeFailure("ipv6.hopopts", 3, 54, "extension header length 16 runs past the end"),
                v.failure());
    }

    @Test
    void stackedTagsOfEveryTpidHundredDeep() {
        StringBuilder hex = new StringBuilder("000000000002000000000001");
        String[] tpids = {"8100", "88a8", "9100"};
        for (int i = 0; i < 100; i++) {
            hex.append(tpids[i % 3]).append("0001");
        }
        hex.append("0800");
        PacketView v = decode(hex.toString());
        assertEquals(PacketView.MAX_VLAN_TAGS, v.vlanCount());
        assertEquals("too many VLAN tags", v.failure().reason());
    }

    @Test
    void emptyFramesOfEveryLinkType() {
        for (LinkType lt : LINK_TYPES) {
            Frame f = new Frame(new byte[0], 0, 0, 0, 0, lt, 0);
            render(f, "empty " + lt);
            assertNotNull(view.failure(), lt.toString());
        }
    }

    @Test
    void arpWithProtocolLengthZeroAndMaximal() {
        // who-has with hlen 6, plen 0: 8 + 12 address bytes, nothing for the IPs.
        PacketView zero = decode(DecoderTest.ARP.substring(0, 28 + 10) + "00" + "0001" + "001122334455"
                + "000000000000");
        assertNull(zero.failure());
        assertEquals("eth:arp", zero.path());
        PacketView huge = decode(DecoderTest.ARP.substring(0, 28 + 8) + "ffff" + DecoderTest.ARP.substring(28 + 12));
        assertEquals(new DecodeFailure("arp", 3, 14, "truncated addresses"), huge.failure());
    }
}
