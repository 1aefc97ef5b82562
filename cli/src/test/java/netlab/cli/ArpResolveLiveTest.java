package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.capture.decode.PacketView;
import netlab.capture.file.PcapReader;
import netlab.capture.live.ArpFrames;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.probe.ArpPacket;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arp-resolve} and {@code interfaces} on a veth pair between two namespaces this test creates
 * (see {@link NamespaceLab}); the peer's kernel answers the requests. Skipped unless root.
 */
class ArpResolveLiveTest {
    private static final int T = 60;
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.create();
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String peerMac() {
        // "veth1@if2  UP  02:00:00:00:00:02 <...>": the MAC column of ip -br link.
        String line = lab.ip("-n", lab.b, "-br", "link", "show", "veth1").out().trim();
        return line.split("\\s+")[2];
    }

    @Test
    void debianArpingSeesTheSameMac() {
        NamespaceLab.requireTool("/usr/sbin/arping", "arping");
        // Habets' arping prints "60 bytes from MAC (IP): ...", iputils' "Unicast reply from IP [MAC] ...".
        NamespaceLab.Result theirs = lab.exec(lab.a, T, "arping", "-c", "1", "-i", "veth0", NamespaceLab.IP_B);
        Matcher m = Pattern.compile("([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})")
                .matcher(theirs.out());
        assertTrue(m.find(), theirs.out() + theirs.err());
        NamespaceLab.Result ours = lab.netlab(lab.a, T, "arp-resolve", NamespaceLab.IP_B);
        assertEquals(0, ours.code(), ours.err());
        assertTrue(ours.out().startsWith(NamespaceLab.IP_B + " is-at " + m.group(1).toLowerCase() + " "), ours.out());
    }

    @Test
    void resolvesThePeerToTheMacItsKernelShowsAndAgreesWithTheNeighbourCache() {
        String mac = peerMac();
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches(NamespaceLab.IP_B + " is-at " + mac + " \\(Unknown: locally administered\\) \\d+\\.\\d{3} ms via veth0\n"), r.out());
        assertEquals("sent 1 request, received 1 reply\n", r.err());

        assertEquals(0, lab.exec(lab.a, T, "ping", "-c", "1", "-W", "5", NamespaceLab.IP_B).code());
        String neigh = lab.ip("-n", lab.a, "neigh", "show", NamespaceLab.IP_B).out();
        assertTrue(neigh.contains("lladdr " + mac), neigh);
    }

    @Test
    void anAbsentAddressExitsOneAfterTheDeadline() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-w", "2.5", "--interval", "1", "10.77.0.99");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out());
        // Requests at 0, 1 and 2 s; the deadline at 2.5 s ends the run (half a second of slack for a loaded machine).
        assertEquals("sent 3 requests, received 0 replies\n", r.err());
    }

    @Test
    void countSendsEveryRequestAndReportsEveryReply() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-c", "3", "--interval", "1", NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
        // The run ends one interval after the last request: a second for its reply, however loaded the machine.
        assertEquals(3, r.out().lines().count(), r.out());
        assertEquals("sent 3 requests, received 3 replies\n", r.err());
    }

    @Test
    void deadlineAloneStopsAtTheFirstReply() {
        // A 2 s interval: the reply must be read before the second request is due, which a machine loaded to
        // 30+ runnable threads on 2 cores did not always do within 0.2 s.
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-w", "30", "--interval", "2", NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertEquals("sent 1 request, received 1 reply\n", r.err());
    }

    @Test
    void deadlineCutsTheCountShort() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-c", "50", "-w", "2.5", "--interval", "1",
                NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
        // Requests at 0, 1 and 2 s; the deadline at 2.5 s ends the run before the 4th. How many replies are read
        // before the deadline depends on scheduling (a loaded machine delayed the last ones past a 0.1 s margin),
        // so the test asserts the count cut short and that every printed reply is counted, not the timing.
        Matcher m = Pattern.compile("sent 3 requests, received ([123]) repl(y|ies)\n")
                .matcher(r.err());
        assertTrue(m.matches(), r.err());
        assertEquals(Integer.parseInt(m.group(1)), r.out().lines().count(), r.out());
    }

    @Test
    void countWithoutAnswerExitsOne() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-c", "2", "--interval", "0.2", "10.77.0.98");
        assertEquals(1, r.code(), r.err());
        assertEquals("sent 2 requests, received 0 replies\n", r.err());
    }

    @Test
    void duplicateAddressDetectionFindsTheAddressInUse() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-D", "--interval", "0.2", NamespaceLab.IP_B);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith(NamespaceLab.IP_B + " is in use by " + peerMac()), r.out());
        assertTrue(r.out().endsWith(" via veth0\n"), r.out());
    }

    @Test
    void duplicateAddressDetectionReportsAFreeAddress() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-D", "--interval", "0.2", "10.77.0.50");
        assertEquals(0, r.code(), r.err());
        assertEquals("10.77.0.50 is free: no answer to 3 probes via veth0\n", r.out());
    }

    @Test
    void anAddressOnNoAttachedSubnetIsRefusedAndNothingIsSent(@TempDir Path dir) throws Exception {
        // The peer listens for ARP asking for 10.99.0.1, which only netlab could send (the kernels' own ARP and
        // IPv6 noise may flow meanwhile and must not count).
        Process peer = lab.start(lab.b, dir, "capture", "veth1", "-q", "--duration", "3", "arp dst host 10.99.0.1");
        NamespaceLab.awaitText(peer, dir.resolve("err.txt"), "listening on", T);
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "10.99.0.1");
        assertEquals(ExitCode.INTERFACE, r.code(), r.err());
        assertEquals("netlab: 10.99.0.1: not on any attached subnet, nothing sent (give -i IFACE to send anyway; "
                + "'netlab interfaces' lists the subnets)\n", r.err());
        NamespaceLab.Result heard = NamespaceLab.finish(peer, dir, T);
        assertTrue(heard.err().contains("\n0 packets captured\n"), heard.err());
    }

    @Test
    void jsonLinesCarryTheReplyAndASummary() throws Exception {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "--json", NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        ObjectMapper m = new ObjectMapper();
        JsonNode reply = m.readTree(lines.get(0));
        assertEquals("reply", reply.get("type").asText());
        assertEquals(peerMac(), reply.get("mac").asText());
        assertEquals("veth0", reply.get("interface").asText());
        assertTrue(reply.get("rtt_ms").asDouble() >= 0);
        JsonNode summary = m.readTree(lines.get(1));
        assertEquals("resolved", summary.get("result").asText());
        assertEquals(1, summary.get("sent").asInt());
    }

    @Test
    void unsolicitedAnnouncementsReachThePeer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("garp.pcap");
        // Only what the test sends: A's gratuitous requests (sender IP = target IP, RFC 5227 section 3). A plain
        // "arp" filter also caught B's kernel resolving A, which raced the announcements (issue 11).
        Process p = lab.start(lab.b, dir, "capture", "veth1", "-c", "2", "-w", file.toString(),
                "arp and ether src " + NamespaceLab.MAC_A + " and arp[6:2] = 1 and arp[14:4] = arp[24:4]");
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-U", "--interval", "0.2", NamespaceLab.IP_A);
        assertEquals(0, r.code(), r.err());
        assertEquals("announced 10.77.0.1 at 02:00:00:00:00:01 via veth0 (2 gratuitous requests)\n", r.out());
        assertEquals(0, NamespaceLab.finish(p, dir, T).code());
        try (PcapReader in = new PcapReader(Files.newInputStream(file))) {
            for (int i = 0; i < 2; i++) {
                ArpPacket a = ArpPacket.read(in.next(), new PacketView());
                assertEquals(new ArpPacket(ArpFrames.REQUEST, MacAddress.parse(NamespaceLab.MAC_A),
                        Ipv4Address.parse(NamespaceLab.IP_A), MacAddress.ZERO, Ipv4Address.parse(NamespaceLab.IP_A),
                        MacAddress.parse(NamespaceLab.MAC_A), a.timestampNanos()), a);
            }
        }
    }

    @Test
    void interfacesListsExactlyTheNamespacesInterfaces() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "interfaces");
        assertEquals(0, r.code(), r.err());
        Set<String> listed = new TreeSet<>();
        for (String line : r.out().lines().toList()) {
            listed.add(line.substring(line.indexOf('.') + 1, line.indexOf(' ')));
        }
        Set<String> kernel = new TreeSet<>();
        for (String line : lab.ip("-n", lab.a, "-o", "link").out().lines().toList()) {
            String name = line.split(":\\s+")[1];
            kernel.add(name.contains("@") ? name.substring(0, name.indexOf('@')) : name);
        }
        assertEquals(kernel, listed);
        String veth = r.out().lines().filter(l -> l.contains(".veth0 ")).findFirst().orElseThrow();
        assertTrue(veth.matches("\\d+\\.veth0 \\[Up, Running\\] index \\d+ ether " + NamespaceLab.MAC_A
                + " inet " + NamespaceLab.IP_A + "/24 inet6 fe80::.*"), veth);
        assertTrue(Arrays.asList(r.out().split("\n")).stream().anyMatch(l -> l.matches("\\d+\\.lo \\[Up, Running, Loopback\\].*")));
    }

    /** Addresses no host answers ARP for: one line and exit 2 at once, nothing sent (arping would wait in vain). */
    @Test
    void ownBroadcastAndNetworkAddressesAreRefusedAtOnce() {
        String[][] cases = {
            {NamespaceLab.IP_A, "netlab: 10.77.0.1: is this host's own address on veth0 (" + NamespaceLab.MAC_A
                    + "), nothing sent (-D checks whether another host uses it too)"},
            {"10.77.0.255", "netlab: 10.77.0.255: is the broadcast address of 10.77.0.0/24 on veth0, no host answers "
                    + "ARP for it, nothing sent (give a host address; 'netlab subnet' lists a subnet's hosts)"},
            {"10.77.0.0", "netlab: 10.77.0.0: is the network address of 10.77.0.0/24 on veth0, no host answers "
                    + "ARP for it, nothing sent (give a host address; 'netlab subnet' lists a subnet's hosts)"},
            {"255.255.255.255", "netlab: 255.255.255.255: is the limited broadcast address, no host answers "
                    + "ARP for it, nothing sent (give a host address; 'netlab subnet' lists a subnet's hosts)"},
            {"224.0.0.1", "netlab: 224.0.0.1: is a multicast address, no host answers "
                    + "ARP for it, nothing sent (give a host address; 'netlab subnet' lists a subnet's hosts)"},
        };
        for (String[] c : cases) {
            NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", c[0]);
            assertEquals(ExitCode.USAGE, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals(c[1] + "\n", r.err());
        }
        // Duplicate address detection of the own address is what -D is for: it is sent.
        NamespaceLab.Result dad = lab.netlab(lab.a, T, "arp-resolve", "-D", "--interval", "0.2", NamespaceLab.IP_A);
        assertEquals(0, dad.code(), dad.err());
    }
}
