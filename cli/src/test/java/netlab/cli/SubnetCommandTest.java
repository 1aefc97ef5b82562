package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.cli.support.ExitCode;
import netlab.cli.support.Hosts;
import org.junit.jupiter.api.Test;

class SubnetCommandTest {

    @Test
    void slash20() {
        Run r = Run.of("subnet", "192.168.10.77/20");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                Address:   192.168.10.77
                Network:   192.168.0.0/20
                Netmask:   255.255.240.0 = 20
                Wildcard:  0.0.15.255
                Broadcast: 192.168.15.255
                HostMin:   192.168.0.1
                HostMax:   192.168.15.254
                Hosts:     4094
                Class:     C
                Scope:     private (RFC 1918)
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void addressAndMaskEqualsCidr() {
        assertEquals(Run.of("subnet", "10.1.2.3/24").out(), Run.of("subnet", "10.1.2.3", "255.255.255.0").out());
    }

    @Test
    void pointToPointAndHostRoutes() {
        Run p2p = Run.of("subnet", "--json", "10.0.0.1/31");
        assertTrue(p2p.out().contains("\"host_count\" : 2"), p2p.out());
        assertTrue(p2p.out().contains("\"broadcast\" : null"), p2p.out());
        Run host = Run.of("subnet", "--json", "8.8.8.8/32");
        assertTrue(host.out().contains("\"host_count\" : 1"), host.out());
        assertTrue(host.out().contains("\"scope\" : \"public\""), host.out());
        Run any = Run.of("subnet", "--json", "0.0.0.0/0");
        assertTrue(any.out().contains("\"host_count\" : 4294967294"), any.out());
    }

    @Test
    void classesAndScopes() {
        assertTrue(Run.of("subnet", "127.0.0.1/8").out().contains("Scope:     loopback (RFC 1122)"));
        assertTrue(Run.of("subnet", "169.254.1.1/16").out().contains("Scope:     link-local (RFC 3927)"));
        Run mc = Run.of("subnet", "224.0.0.251/4");
        assertTrue(mc.out().contains("Class:     D"), mc.out());
        assertTrue(mc.out().contains("Scope:     multicast (RFC 5771)"), mc.out());
        assertTrue(Run.of("subnet", "240.0.0.1/4").out().contains("Class:     E"));
        assertTrue(Run.of("subnet", "172.31.255.255/12").out().contains("private (RFC 1918)"));
        assertTrue(Run.of("subnet", "172.32.0.1/12").out().contains("Scope:     public"));
    }

    @Test
    void badInputIsOneLineAndUsageCode() {
        for (String[] args : new String[][] {{"subnet", "1.2.3.4/33"}, {"subnet", "1.2.3/24"},
            {"subnet", "300.1.1.1/8"}, {"subnet", "1.2.3.4", "255.0.255.0"}, {"subnet", "1.2.3.4/x"},
            {"subnet", "1.2.3.4/24", "255.0.0.0"}}) {
            Run r = Run.of(args);
            assertEquals(ExitCode.USAGE, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertTrue(r.err().startsWith("netlab: subnet "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
    }

    @Test
    void unknownOptionIsUsageError() {
        Run r = Run.of("subnet", "--bogus", "1.2.3.4/8");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("netlab: subnet: Unknown option: '--bogus'"), r.err());
    }

    @Test
    void versionAndHelp() {
        Run v = Run.of("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("netlab "), v.out());
        Run h = Run.of("--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Exit codes:"), h.out());
    }
}
