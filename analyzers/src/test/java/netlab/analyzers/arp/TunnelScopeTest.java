package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.mac.Station;
import netlab.analyzers.mac.TestFrames;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * Which addresses the analyzers take from tunnelled frames (docs/decoding.md, "Which addresses the analyzers
 * see"), on the tunnel captures of {@code sample-pcaps/decode/}: the MAC table the capture point's, the ARP
 * tracker the innermost frame's with its VLAN. tshark's {@code eth.src} of vxlan.pcap lists the VTEP
 * 00:00:00:00:00:01 and the tenants; of fabricpath.pcap only the two classical-frame stations.
 */
class TunnelScopeTest {

    private static List<String> stations(String file) throws IOException {
        MacTable t = new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, e -> { });
        TestFrames.replay(ArpFrames.samples("decode/" + file), t);
        return t.stations().stream().map(s -> new MacAddress(s.mac()) + "%" + s.vlan() + " " + s.ips()).sorted().toList();
    }

    private static List<String> bindings(ArpFrames.Run r) {
        return r.tracker.bindings().stream().map(b -> Ipv4Address.format(b.ip()) + "%" + b.vlan() + " "
                + new MacAddress(b.claims().get(0).mac())).sorted().toList();
    }

    @Test
    void vxlanStationIsTheVtepAndArpIsTheTenants() throws IOException {
        assertEquals(List.of("00:00:00:00:00:01%0 [192.0.2.1]"), stations("vxlan.pcap"));
        ArpFrames.Run r = new ArpFrames.Run().replay(ArpFrames.samples("decode/vxlan.pcap"));
        assertEquals(List.of("10.0.0.1%0 02:00:00:00:00:01", "10.0.0.2%30 02:00:00:00:00:02"), bindings(r));
        assertEquals(0, r.tracker.counts().senderMismatches(), "the VTEP's MAC is not the ARP sender's");
        assertEquals(1, r.tracker.counts().requests());
        assertEquals(1, r.tracker.counts().replies());
    }

    @Test
    void fabricPathStationsAreTheClassicalFrames() throws IOException {
        assertEquals(List.of("02:00:00:00:00:01%10 [10.0.0.1]", "02:00:00:00:00:02%30 [10.0.0.2]"),
                stations("fabricpath.pcap"));
        ArpFrames.Run r = new ArpFrames.Run().replay(ArpFrames.samples("decode/fabricpath.pcap"));
        assertEquals(0, r.tracker.counts().senderMismatches());
    }

    @Test
    void pbbBackboneBridgeIsTheStationPerBackboneVlan() throws IOException {
        assertEquals(List.of("02:00:00:00:00:b1%0 []", "02:00:00:00:00:b1%100 []"), stations("pbb.pcap"));
        ArpFrames.Run r = new ArpFrames.Run().replay(ArpFrames.samples("decode/pbb.pcap"));
        assertEquals(List.of("10.0.0.1%20 02:00:00:00:00:01", "10.0.0.2%30 02:00:00:00:00:02"), bindings(r));
    }

    @Test
    void greEndpointKeepsItsOwnAddressOnly() throws IOException {
        List<String> s = stations("gre.pcap");
        assertEquals(1, s.size());
        assertEquals("00:00:00:00:00:01%0 [192.0.2.1, 2001:db8::1]", s.get(0));
    }
}
