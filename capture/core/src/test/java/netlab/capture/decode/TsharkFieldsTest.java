package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import netlab.capture.Frame;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Frame by frame, netlab's decode of every bundled capture agrees with the fields tshark printed for it
 * ({@code sample-pcaps/expected/*.frames.tsv}, written by {@code generate.sh}): MACs, VLAN ids, ARP
 * opcode, IP addresses, ports and ICMP types. Where tshark's value comes from inside an ICMP error's quoted
 * datagram (netlab stops at the ICMP layer) only the outer values are compared; where netlab's IP header
 * decode failed, tshark prints no addresses and nothing above L2 is compared.
 */
class TsharkFieldsTest {

    @TestFactory
    Stream<DynamicTest> everyFrameAgreesWithTshark() throws IOException {
        Path dir = TestCaptures.root().resolve("sample-pcaps/expected");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".frames.tsv")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "tshark field files: " + files.size());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path tsv) throws IOException {
        String name = tsv.getFileName().toString().replace(".frames.tsv", "").replace("__", "/");
        List<Frame> frames = TestCaptures.read(TestCaptures.root().resolve("sample-pcaps").resolve(name));
        List<String> lines = Files.readAllLines(tsv);
        List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
        assertEquals(lines.size() - 1, frames.size(), "frames");
        PacketView v = new PacketView();
        for (int i = 0; i < frames.size(); i++) {
            String[] cols = lines.get(i + 1).split("\t", -1);
            Decoder.decode(frames.get(i), v);
            Row row = new Row(header, cols, "frame " + (i + 1) + " of " + name + " (" + cols[1] + ")");
            compare(row, v, frames.get(i));
        }
    }

    private record Row(List<String> header, String[] cols, String where) {
        String get(String field) {
            int i = header.indexOf(field);
            return i < 0 || i >= cols.length ? "" : cols[i];
        }

        String first(String field) {
            String s = get(field);
            int c = s.indexOf(',');
            return c < 0 ? s : s.substring(0, c);
        }
    }

    private static void compare(Row r, PacketView v, Frame f) {
        if (!r.get("eth.src").isEmpty() && v.has(Protocol.ETH)) {
            assertEquals(r.get("eth.src"), macs(v, 6), r.where() + " eth.src");
            assertEquals(r.get("eth.dst"), macs(v, 0), r.where() + " eth.dst");
        }
        assertEquals(r.get("vlan.id"), vlanIds(v), r.where() + " vlan.id");
        // tshark hands ATM ARP (hardware type 19, RFC 2225) to its atmarp dissector with other field names.
        if (v.has(Protocol.ARP) && v.failure() == null && !r.get("frame.protocols").contains("atmarp")) {
            assertEquals(r.first("arp.opcode"), String.valueOf(v.arpOpcode()), r.where() + " arp.opcode");
        }
        boolean ipFailed = v.failure() != null && v.failure().protocol().startsWith("ip");
        if (ipFailed) {
            return;
        }
        // Every IP header netlab followed (tunnels: outer first), as a prefix of tshark's list, which goes on
        // into ICMP errors' quoted datagrams.
        List<String> src4 = new ArrayList<>();
        List<String> dst4 = new ArrayList<>();
        List<String> src6 = new ArrayList<>();
        List<String> dst6 = new ArrayList<>();
        for (int h = 0; h < v.ipHeaderCount(); h++) {
            int at = f.offset() + v.ipHeaderOffset(h);
            if ((f.data()[at] & 0xf0) == 0x40) {
                src4.add(Ipv4Address.format(java.nio.ByteBuffer.wrap(f.data(), at + 12, 4).getInt()));
                dst4.add(Ipv4Address.format(java.nio.ByteBuffer.wrap(f.data(), at + 16, 4).getInt()));
            } else {
                src6.add(Ipv6Address.read(f.data(), at + 8).toString());
                dst6.add(Ipv6Address.read(f.data(), at + 24).toString());
            }
        }
        assertPrefix(r, "ip.src", src4);
        assertPrefix(r, "ip.dst", dst4);
        assertPrefix(r, "ipv6.src", src6);
        assertPrefix(r, "ipv6.dst", dst6);
        ports(r, v, Protocol.TCP, "tcp");
        ports(r, v, Protocol.UDP, "udp");
        if (v.has(Protocol.ICMP) && v.icmpType() >= 0) {
            assertEquals(r.first("icmp.type"), String.valueOf(v.icmpType()), r.where() + " icmp.type");
        }
        if (v.has(Protocol.ICMPV6) && v.icmpType() >= 0) {
            assertEquals(r.first("icmpv6.type"), String.valueOf(v.icmpType()), r.where() + " icmpv6.type");
        }
    }

    private static void assertPrefix(Row r, String field, List<String> ours) {
        List<String> theirs = r.get(field).isEmpty() ? List.of() : Arrays.asList(r.get(field).split(","));
        assertTrue(theirs.size() >= ours.size() && theirs.subList(0, ours.size()).equals(ours),
                r.where() + " " + field + ": tshark " + theirs + ", netlab " + ours);
    }

    /**
     * tshark lists the address of every {@code eth} header, outer first, except FabricPath's outer one (its
     * {@code cfp} layer's) and 802.1ah's customer addresses (its {@code ieee8021ah} layer's); the analyzers'
     * {@code srcMac()} is the first listed.
     */
    private static String macs(PacketView v, int at) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.depth(); i++) {
            boolean cfp = i + 1 < v.depth() && v.protocol(i + 1) == Protocol.CFP;
            int off = Math.max(0, v.protocolOffset(i));
            if (v.protocol(i) == Protocol.ETH && !cfp && v.has(off, 12)) {
                out.add(new MacAddress(v.mac(off + at)).toString());
            }
        }
        assertEquals(out.get(0), new MacAddress(at == 6 ? v.srcMac() : v.dstMac()).toString(), "srcMac()/dstMac()");
        return String.join(",", out);
    }

    /** tshark's vlan.id lists 802.1Q tags only; an 802.1ad S-tag is ieee8021ad.id. */
    private static String vlanIds(PacketView v) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < v.vlanCount(); i++) {
            if (v.vlanTpid(i) != 0x88a8) {
                ids.add(String.valueOf(v.vlanId(i)));
            }
        }
        return String.join(",", ids);
    }

    private static void ports(Row r, PacketView v, Protocol p, String name) {
        if (v.has(p) && v.srcPort() >= 0) {
            assertEquals(r.first(name + ".srcport"), String.valueOf(v.srcPort()), r.where() + " " + name + ".srcport");
            assertEquals(r.first(name + ".dstport"), String.valueOf(v.dstPort()), r.where() + " " + name + ".dstport");
        }
    }
}
