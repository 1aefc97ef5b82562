package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import netlab.capture.Frame;
import org.junit.jupiter.api.Test;

/**
 * {@link Neighbour#of} on the CDP frames of VlanPackets.pcap and the LLDP frame of l2-control.pcap (fields as
 * tshark shows them: {@code cdp.deviceid}, {@code cdp.portid}, {@code cdp.capabilities}, {@code lldp.port.desc}),
 * and on every cut of them: never an exception, at most fewer fields.
 */
class NeighbourTest {
    private static Neighbour of(Frame f) {
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return Neighbour.of(v);
    }

    @Test
    void cdpAndLldpFields() throws IOException {
        List<Frame> cdp = TestCaptures.read(TestCaptures.publicDir().resolve("pcapplusplus/llc_vlan.pcap"));
        Neighbour n = of(cdp.get(0));
        assertNotNull(n);
        assertEquals("cdp", n.protocol());
        assertEquals("R1", n.device());
        assertEquals("FastEthernet0/0", n.port());
        assertEquals("Cisco 2811", n.platform());
        assertEquals(List.of("router", "switch", "igmp"), n.capabilities());
        Frame lldp = TestCaptures.read(TestCaptures.root().resolve("sample-pcaps/decode/l2-control.pcap")).get(0);
        Neighbour l = of(lldp);
        assertEquals("sw-access-1", l.device());
        assertEquals("00:16:3e:11:22:33", l.chassisId());
        assertEquals("uplink to core", l.portDescription());
        assertEquals(List.of("bridge"), l.capabilities());
        assertEquals(120, l.ttlSeconds());
    }

    @Test
    void everyCutIsSafe() throws IOException {
        Frame cdp = TestCaptures.read(TestCaptures.publicDir().resolve("pcapplusplus/llc_vlan.pcap")).get(0);
        Frame lldp = TestCaptures.read(TestCaptures.root().resolve("sample-pcaps/decode/l2-control.pcap")).get(0);
        for (Frame f : List.of(cdp, lldp)) {
            byte[] b = Arrays.copyOfRange(f.data(), f.offset(), f.offset() + f.capturedLength());
            for (int len = 0; len <= b.length; len++) {
                of(new Frame(Arrays.copyOf(b, len), 0, len, b.length, 0, f.linkType(), 0));
            }
        }
    }
}
