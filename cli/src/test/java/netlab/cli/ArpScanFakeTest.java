package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * arp-scan on a {@link FakeHandle} (no root, no namespace): the requests in address order with one retry for the
 * silent hosts (a reply is read long before the 1 s timeout that would ask its host again), the replies read back with the responders' MACs, the filter, the counts. ArpScanLiveTest runs it
 * against a real kernel.
 */
class ArpScanFakeTest {

    @Test
    void asksEveryHostAndListsTheResponders() {
        List<Ipv4Address> hosts = List.of(Ipv4Address.parse("10.0.0.2"), Ipv4Address.parse("10.0.0.5"));
        FakePlatform p = new FakePlatform(o -> new FakeHandle(o.device(), List.of(), false, ArpFakeFrames.hosts(hosts)));
        Run r = p.run("arp-scan", "10.0.0.0/29", "--interval", "1", "--timeout", "1000", "--retry", "2");
        assertEquals(ExitCode.OK, r.code(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].matches("10\\.0\\.0\\.2\t02:00:00:00:00:02\t\\(Unknown: locally administered\\)\t\\d+\\.\\d{3} ms"),
                lines[0]);
        assertTrue(lines[1].matches("10\\.0\\.0\\.5\t02:00:00:00:00:03\t\\(Unknown: locally administered\\)\t\\d+\\.\\d{3} ms"),
                lines[1]);
        assertTrue(r.err().startsWith("Interface: fake0, type: EN10MB, MAC: 02:00:00:00:00:01, IPv4: 10.0.0.1\n"
                + "Starting netlab arp-scan with 5 hosts\n2 packets received by filter, 0 packets dropped by kernel\n"
                + "Ending netlab arp-scan: 5 hosts scanned in "), r.err());
        assertTrue(r.err().endsWith(" 2 responded\n"), r.err());
        assertEquals("arp and arp[6:2] = 2 and ether dst 02:00:00:00:00:01", p.options().get(0).filter());
        // .2 to .6 once (not .1, this host's own), then the three silent ones again: 2 attempts each.
        List<String> asked = p.opened().get(0).sent().stream().map(f -> Ipv4Address.read(f, 38).toString()).toList();
        assertEquals(List.of("10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.3", "10.0.0.4",
                "10.0.0.6"), asked);
    }
}
