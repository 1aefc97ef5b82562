package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

/** Protocol numbers carry tshark's names in the layer fields, keeping the number ({@code request (1)}). */
class NamedValuesTest {

    private static Map<String, Object> fields(String hex, String protocol) {
        Frame f = DecoderTest.frame(hex, LinkType.ETHERNET);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        Map<String, Object> m = new LinkedHashMap<>();
        for (Layer l : FrameDetails.layers(f, v)) {
            if (l.protocol().equals(protocol)) {
                l.fields().forEach(field -> m.put(field.name(), field.value()));
            }
        }
        return m;
    }

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.77.0.2 tell 10.77.0.1, length 28
    private static final String ARP = "ffffffffffff020000000001080600010800060400010200000000010a4d0001" + "0000000000000a4d0002";

    @Test
    void arpAndEthernetAsTsharkNamesThem() {
        // tshark -V: "Type: ARP (0x0806)", "Hardware type: Ethernet (1)", "Protocol type: IPv4 (0x0800)", "Opcode: request (1)"
        assertEquals("ARP (0x0806)", fields(ARP, "eth").get("type").toString());
        Map<String, Object> arp = fields(ARP, "arp");
        assertEquals("Ethernet (1)", arp.get("hw_type").toString());
        assertEquals("IPv4 (0x0800)", arp.get("proto_type").toString());
        assertEquals(new Named(1, "request"), arp.get("opcode"));
        // A number without a name stays the bare number.
        assertEquals("77", fields(ARP.substring(0, 40) + "004d" + ARP.substring(44), "arp").get("opcode").toString());
        assertNull(ValueNames.arpOpcode(77));
    }

    @Test
    void ipProtocolAndIcmpType() {
        // 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 98: 10.77.0.1 > 10.77.0.2: ICMP echo request, id 29048, seq 1, length 64
        String icmp = "020000000002020000000001080045000054" + "79f840004001ac140a4d00010a4d0002" + "0800e7cd71780001"
                + "8e2d076b000000003d4d0d0000000000" + "101112131415161718191a1b1c1d1e1f"
                + "202122232425262728292a2b2c2d2e2f" + "3031323334353637";
        assertEquals("ICMP (1)", fields(icmp, "ip").get("protocol").toString());
        assertEquals("echo request (8)", fields(icmp, "icmp").get("type").toString());
        assertEquals("IPv4 (0x0800)", fields(icmp, "eth").get("type").toString());
        assertEquals(List.of("TCP", "UDP", "ICMPv6"), List.of(ValueNames.ipProtocol(6), ValueNames.ipProtocol(17),
                ValueNames.ipProtocol(58)));
        assertEquals("802.1Q Virtual LAN", ValueNames.etherType(0x8100));
    }
}
