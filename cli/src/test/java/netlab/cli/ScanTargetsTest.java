package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv4Subnet;
import org.junit.jupiter.api.Test;

/** Which addresses arp-scan asks, and the cap; plus the usage errors that need no interface. */
class ScanTargetsTest {

    private static List<String> list(ScanTargets t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(Ipv4Address.format(t.ip(i)));
        }
        return out;
    }

    private static ScanTargets of(String own, String... cidrs) {
        List<Ipv4Subnet> specs = new ArrayList<>();
        for (String c : cidrs) {
            specs.add(Ipv4Subnet.parse(c));
        }
        return ScanTargets.of(specs, own == null ? List.of() : List.of(Ipv4Address.parse(own)), false);
    }

    @Test
    void aSlash24LosesNetworkBroadcastAndTheOwnAddress() {
        ScanTargets t = of("10.77.3.1", "10.77.3.0/24");
        assertEquals(253, t.size());
        assertEquals("10.77.3.2", Ipv4Address.format(t.ip(0)));
        assertEquals("10.77.3.254", Ipv4Address.format(t.ip(252)));
        assertEquals(-1, t.indexOf(Ipv4Address.parse("10.77.3.1").bits()));
        assertEquals(0, t.indexOf(Ipv4Address.parse("10.77.3.2").bits()));
    }

    @Test
    void hostBitsInThePrefixDoNotMatter() {
        assertEquals(List.of("192.168.1.1", "192.168.1.2"), list(of(null, "192.168.1.3/30")));
    }

    @Test
    void slash31AndSlash32KeepEveryAddress() {
        assertEquals(List.of("10.0.0.0", "10.0.0.1"), list(of(null, "10.0.0.0/31")));
        assertEquals(List.of("10.0.0.0", "10.0.0.255"), list(of(null, "10.0.0.255", "10.0.0.0/32")));
    }

    @Test
    void overlapsAreAskedOnceInUnsignedOrder() {
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "200.0.0.1", "200.0.0.2"),
                list(of(null, "200.0.0.0/30", "10.0.0.0/30", "10.0.0.2/32", "200.0.0.1")));
        ScanTargets t = of(null, "200.0.0.0/30", "10.0.0.0/30");
        assertEquals(3, t.indexOf(Ipv4Address.parse("200.0.0.2").bits()));
    }

    @Test
    void moreThanASlash16NeedsForceAndASlash8IsTheEnd() {
        assertEquals(65534, of(null, "10.0.0.0/16").size());
        NetlabException e = assertThrows(NetlabException.class, () -> of(null, "10.0.0.0/15"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("netlab: arp-scan: 131070 addresses exceed the limit of 65536 (give --force to scan up to 16777216)",
                e.line());
        assertEquals(131070, ScanTargets.of(List.of(Ipv4Subnet.parse("10.0.0.0/15")), List.of(), true).size());
        assertThrows(NetlabException.class, () -> ScanTargets.checkCap(List.of(Ipv4Subnet.parse("0.0.0.0/7")), true));
    }

    @Test
    void onlyTheOwnAddressLeftIsAUsageError() {
        NetlabException e = assertThrows(NetlabException.class, () -> of("10.0.0.5", "10.0.0.5/32"));
        assertEquals(ExitCode.USAGE, e.exitCode());
    }

    @Test
    void commandLineErrorsExitTwoWithOneLine() {
        Run r = Run.of("arp-scan");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: arp-scan: give either CIDR targets or --localnet (see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "--interval", "1ms", "-B", "256K", "10.0.0.0/24");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--interval and --bandwidth exclude each other"), r.err());
        r = Run.of("arp-scan", "10.0.0.0/8");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().startsWith("netlab: arp-scan: 16777214 addresses exceed the limit of 65536"), r.err());
        assertEquals(ExitCode.USAGE, Run.of("arp-scan", "10.0.0.300/24").code());
    }
}
