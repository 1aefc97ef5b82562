package netlab.cli.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import netlab.capture.net.Ipv4Address;
import netlab.cli.Run;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import org.junit.jupiter.api.Test;

/** Which addresses arp-scan asks for each target form, the cap, the send order; plus the usage errors that need no interface. */
class ScanTargetsTest {
    /** 0..9 shuffled by seed 7: Fisher-Yates over java.util.Random(7), whose generator the JDK specifies. */
    private static final int[] SEVEN = {0, 1, 9, 3, 7, 4, 8, 5, 2, 6};

    private static List<String> list(ScanTargets t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(Ipv4Address.format(t.ip(i)));
        }
        return out;
    }

    private static ScanTargets of(String own, String... cidrs) {
        List<TargetRange> specs = new ArrayList<>();
        for (String c : cidrs) {
            specs.add(TargetRange.parse(c));
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
        assertEquals(131070, ScanTargets.of(List.of(TargetRange.parse("10.0.0.0/15")), List.of(), true).size());
        assertThrows(NetlabException.class, () -> ScanTargets.checkCap(List.of(TargetRange.parse("0.0.0.0/7")), true));
        e = assertThrows(NetlabException.class, () -> of(null, "10.0.0.0-10.1.0.0"));
        assertEquals("netlab: arp-scan: 65537 addresses exceed the limit of 65536 (give --force to scan up to 16777216)",
                e.line());
        assertEquals(65536, of(null, "10.0.0.0-10.0.255.255").size());
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
        assertEquals("netlab: arp-scan: give either targets (TARGET or --file) or --localnet "
                + "(see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "--interval", "1ms", "-B", "256K", "10.0.0.0/24");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("--interval and --bandwidth exclude each other"), r.err());
        r = Run.of("arp-scan", "10.0.0.0/8");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().startsWith("netlab: arp-scan: 16777214 addresses exceed the limit of 65536"), r.err());
        assertEquals(ExitCode.USAGE, Run.of("arp-scan", "10.0.0.300/24").code());
    }

    @Test
    void aRangeKeepsEveryAddressFromStartToEnd() {
        assertEquals(List.of("10.0.0.255", "10.0.1.0", "10.0.1.1"), list(of(null, "10.0.0.255-10.0.1.1")));
        assertEquals(List.of("10.0.0.0"), list(of(null, "10.0.0.0-10.0.0.0")));
        assertEquals(List.of("255.255.255.254", "255.255.255.255"), list(of(null, "255.255.255.254-255.255.255.255")));
        assertEquals(List.of("10.0.0.1", "10.0.0.3"), list(of("10.0.0.2", "10.0.0.1-10.0.0.3")));
    }

    @Test
    void netMaskIsTheSamePrefixWithADottedMask() {
        assertEquals(list(of(null, "192.168.1.0/29")), list(of(null, "192.168.1.0:255.255.255.248")));
        assertEquals(List.of("192.168.1.1", "192.168.1.2", "192.168.1.3", "192.168.1.4", "192.168.1.5", "192.168.1.6"),
                list(of(null, "192.168.1.5:255.255.255.248")));
        assertEquals(List.of("10.0.0.0", "10.0.0.1"), list(of(null, "10.0.0.1:255.255.255.254")));
        assertEquals(List.of("10.0.0.7"), list(of(null, "10.0.0.7:255.255.255.255")));
        assertEquals(254, of(null, "192.168.1.0:255.255.255.0").size());
    }

    @Test
    void allFormsTogetherAreAskedOnceInOrder() {
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6", "10.0.0.9"),
                list(of(null, "10.0.0.9", "10.0.0.4-10.0.0.6", "10.0.0.0:255.255.255.252", "10.0.0.3/32", "10.0.0.5")));
    }

    @Test
    void rangeAndMaskErrorsSayWhy() {
        assertEquals("the start 10.0.0.9 is above the end 10.0.0.1", why("10.0.0.9-10.0.0.1"));
        assertEquals("netmask 255.0.255.0 is not contiguous", why("10.0.0.0:255.0.255.0"));
        assertEquals("netmask 0.0.0.255 is not contiguous", why("10.0.0.0:0.0.0.255"));
        assertEquals("not an IPv4 address: 10.0.0.300", why("10.0.0.1-10.0.0.300"));
        assertEquals("not an IPv4 address: ", why("10.0.0.1-"));
        assertEquals("not an IPv4 address: 10.0.0.2-10.0.0.3", why("10.0.0.1-10.0.0.2-10.0.0.3"));
        assertEquals("not an IPv4 address: 255.255.255.0x", why("10.0.0.0:255.255.255.0x"));
        assertEquals("prefix length '24-10.0.0.9' is not a number 0..32", why("10.0.0.0/24-10.0.0.9"));
        assertEquals("not an IPv4 address: 10.0.0", why("10.0.0"));
    }

    private static String why(String target) {
        return assertThrows(IllegalArgumentException.class, () -> TargetRange.parse(target)).getMessage();
    }

    @Test
    void theSendOrderIsAddressOrderOrAFixedShuffleOfTheSeed() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, ArpScan.sendOrder(5, null));
        int[] seven = ArpScan.sendOrder(10, 7L);
        assertArrayEquals(SEVEN, seven);
        List<Integer> jdk = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(jdk, new Random(7));
        assertEquals(jdk, Arrays.stream(seven).boxed().toList());
        assertArrayEquals(seven, ArpScan.sendOrder(10, 7L));
        assertFalse(Arrays.equals(seven, ArpScan.sendOrder(10, 8L)));
        int[] big = ArpScan.sendOrder(1000, 123L);
        int[] sorted = big.clone();
        Arrays.sort(sorted);
        assertArrayEquals(ArpScan.sendOrder(1000, null), sorted);
        assertArrayEquals(new int[0], ArpScan.sendOrder(0, 7L));
        assertArrayEquals(new int[] {0}, ArpScan.sendOrder(1, 7L));
    }

    @Test
    void newTargetErrorsOnTheCommandLineExitTwo() {
        Run r = Run.of("arp-scan", "10.0.0.9-10.0.0.1");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: arp-scan: bad target '10.0.0.9-10.0.0.1': the start 10.0.0.9 is above the end 10.0.0.1 "
                + "(see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "192.168.1.0:255.255.0.255");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: arp-scan: bad target '192.168.1.0:255.255.0.255': netmask 255.255.0.255 is not contiguous "
                + "(see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "10.0.0.0:0.0.0.0");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().startsWith("netlab: arp-scan: 4294967294 addresses exceed the limit of 65536"), r.err());
        r = Run.of("arp-scan", "--randomseed=7", "10.0.0.0/24");
        assertEquals("netlab: arp-scan: --randomseed needs --random (see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "-R", "--randomseed=4294967296", "10.0.0.0/24");
        assertEquals("netlab: arp-scan: --randomseed 4294967296: must be 0..4294967295 (see 'netlab arp-scan --help')\n", r.err());
        r = Run.of("arp-scan", "--localnet", "-f", "targets.txt");
        assertEquals(ExitCode.USAGE, r.code());
        assertTrue(r.err().startsWith("netlab: arp-scan: give either targets (TARGET or --file) or --localnet"), r.err());
    }
}
