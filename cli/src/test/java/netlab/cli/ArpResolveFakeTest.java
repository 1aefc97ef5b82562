package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import netlab.capture.live.LiveOptions;
import netlab.capture.net.Ipv4Address;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * arp-resolve on a {@link FakeHandle} (no root, no namespace): the frame it sends, the filter it sets, how it reads
 * the answer (captured 1.5 ms after the request) and its exit code. Where a run stops at the first answer, the next
 * request would be due 1 s later, far beyond the time the answer takes to be read. The namespace tests (ArpResolveLiveTest) run the
 * same against a real kernel.
 */
class ArpResolveFakeTest {
    private static final Ipv4Address HOST = Ipv4Address.parse("10.0.0.2");

    private static FakePlatform answering(List<Ipv4Address> hosts) {
        return new FakePlatform(o -> new FakeHandle(o.device(), List.of(), false, ArpFakeFrames.hosts(hosts)));
    }

    @Test
    void resolvesAndStopsAtTheFirstReply() {
        FakePlatform p = answering(List.of(HOST));
        Run r = p.run("arp-resolve", "10.0.0.2");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        assertTrue(r.out().matches("10\\.0\\.0\\.2 is-at 02:00:00:00:00:02 \\(Unknown: locally administered\\) "
                + "\\d+\\.\\d{3} ms via fake0\n"), r.out());
        assertEquals("sent 1 request, received 1 reply\n", r.err());
        LiveOptions o = p.options().get(0);
        assertEquals("fake0", o.device());
        assertEquals("arp and arp[6:2] = 2 and arp[14:4] = 0x0a000002 and ether dst 02:00:00:00:00:01", o.filter());
        // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
        //     Request who-has 10.0.0.2 tell 10.0.0.1, length 46
        assertEquals("ffffffffffff020000000001080600010800060400010200000000010a000001000000000000"
                + "0a000002000000000000000000000000000000000000", HexFormat.of().formatHex(p.opened().get(0).sent().get(0)));
    }

    @Test
    void noReplyIsExitOneAfterEveryRequest() {
        FakePlatform p = answering(List.of());
        Run r = p.run("arp-resolve", "10.0.0.3", "-c", "2", "--interval", "10ms");
        assertEquals(ExitCode.FINDING, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals("sent 2 requests, received 0 replies\n", r.err());
        assertEquals(2, p.opened().get(0).sent().size());
    }

    @Test
    void duplicateAddressDetectionFindsTheHostUsingIt() {
        FakePlatform p = answering(List.of(HOST));
        Run r = p.run("arp-resolve", "-D", "10.0.0.2", "--json");
        assertEquals(ExitCode.FINDING, r.code(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].startsWith("{\"type\":\"conflict\",\"ip\":\"10.0.0.2\",\"mac\":\"02:00:00:00:00:02\","
                + "\"ethernet_source\":\"02:00:00:00:00:02\",\"vendor\":\"(Unknown: locally administered)\",\"rtt_ms\":"),
                lines[0]);
        assertEquals("{\"type\":\"summary\",\"ip\":\"10.0.0.2\",\"interface\":\"fake0\",\"mode\":\"dad\",\"sent\":1,"
                + "\"received\":1,\"result\":\"in-use\"}", lines[1]);
        // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
        //     Request who-has 10.0.0.2 tell 0.0.0.0, length 46 (an RFC 5227 probe)
        assertEquals("ffffffffffff0200000000010806000108000604000102000000000100000000000000000000"
                + "0a000002000000000000000000000000000000000000", HexFormat.of().formatHex(p.opened().get(0).sent().get(0)));
    }
}
