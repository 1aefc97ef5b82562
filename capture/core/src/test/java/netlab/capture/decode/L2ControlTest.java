package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import netlab.capture.Frame;
import org.junit.jupiter.api.Test;

/**
 * L2 control protocols of {@code sample-pcaps/decode/l2-control.pcap} (written by
 * {@code sample-pcaps/scripts/decodeframes.py}): each frame's summary as {@code tcpdump -n -e} prints it (netlab's
 * shorter PTP and MVRP lines excepted), and the fields tshark 4.0 shows, e.g.
 * {@code tshark -T fields -e lldp.chassis.id.mac -e lldp.port.id -e lldp.tlv.system.name -e lacp.actor.port ...}.
 */
class L2ControlTest {
    private static List<Frame> frames() throws IOException {
        return TestCaptures.read(TestCaptures.root().resolve("sample-pcaps/decode/l2-control.pcap"));
    }

    private static Layer layer(Frame f, String protocol) {
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        assertNull(v.failure());
        return FrameDetails.layers(f, v).stream().filter(l -> l.protocol().equals(protocol)).findFirst().orElseThrow();
    }

    private static String summary(Frame f) {
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return FrameSummary.line(f, v);
    }

    // 00:16:3e:11:22:33 > 01:80:c2:00:00:0e, ethertype LLDP (0x88cc), length 126: LLDP, length 112: sw-access-1
    @Test
    void lldpNamesTheNeighbour() throws IOException {
        Frame f = frames().get(0);
        assertEquals("00:16:3e:11:22:33 > 01:80:c2:00:00:0e, ethertype LLDP (0x88cc), length 126: LLDP, length 112: "
                + "sw-access-1", summary(f));
        Layer l = layer(f, "lldp");
        assertEquals("00:16:3e:11:22:33", l.get("chassis_id"));
        assertEquals("Gi1/0/7", l.get("port_id"));
        assertEquals(120, l.get("ttl"));
        assertEquals("uplink to core", l.get("port_description"));
        assertEquals("sw-access-1", l.get("system_name"));
        assertEquals(List.of("bridge", "router"), l.get("capabilities"));
        assertEquals(List.of("bridge"), l.get("enabled_capabilities"));
        assertEquals("192.0.2.10", l.get("management_address"));
        assertEquals(10, l.get("port_vlan_id"));
        assertEquals(List.of("10 users"), l.get("vlan_names"));
    }

    // 00:16:3e:11:22:33 > 01:80:c2:00:00:02, ethertype Slow Protocols (0x8809), length 124: LACPv1, length 110
    // 00:16:3e:11:22:33 > 01:80:c2:00:00:02, ethertype Slow Protocols (0x8809), length 124: MARKERv1, length 110
    @Test
    void lacpActorAndPartner() throws IOException {
        Frame f = frames().get(1);
        assertEquals("00:16:3e:11:22:33 > 01:80:c2:00:00:02, ethertype Slow Protocols (0x8809), length 124: LACPv1, "
                + "length 110", summary(f));
        Layer l = layer(f, "lacp");
        assertEquals("00:16:3e:11:22:33", l.get("actor_system"));
        assertEquals(7, l.get("actor_port"));
        assertEquals("00:16:3e:44:55:66", l.get("partner_system"));
        assertEquals(13, l.get("partner_key"));
        assertEquals(List.of("activity", "aggregation", "synchronization", "collecting", "distributing"),
                l.get("actor_state"));
        assertEquals(1L, layer(frames().get(2), "marker").get("requester_transaction_id"));
    }

    // 00:16:3e:11:22:33 > 01:80:c2:00:00:21, 802.3, length 12: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: unknown STP version, length 9
    // tshark: eth:llc:stp:gvrp; netlab names it GVRP and shows no STP fields (the frame's padding is not a BPDU).
    @Test
    void gvrpIsNotSpanningTree() throws IOException {
        Frame f = frames().get(3);
        assertEquals("00:16:3e:11:22:33 > 01:80:c2:00:00:21, 802.3, length 12: LLC, dsap STP (0x42) Individual, "
                + "ssap STP (0x42) Command, ctrl 0x03: GVRP, length 9", summary(f));
        Layer l = layer(f, "gvrp");
        assertEquals(10, l.get("vlan_id"));
        assertEquals(9, l.length());
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        assertEquals(0, FrameDetails.layers(f, v).stream().filter(x -> x.protocol().equals("stp")).count());
        assertEquals(10, layer(frames().get(4), "mrp-mvrp").get("vlan_id"));
    }

    // 00:16:3e:11:22:33 > 01:1b:19:00:00:00, ethertype PTP (0x88f7), length 58: PTPv2, v1 compat : no, msg type : sync msg, length : 44, domain : 0, ...
    // 00:16:3e:11:22:33 > 00:16:3e:44:55:66, ethertype 802.1AE MACsec (0x88e5), length 60: an 0, pn 5, flags ECI, sci 00163e1122330001,
    @Test
    void ptpAndMacsec() throws IOException {
        Layer ptp = layer(frames().get(5), "ptp");
        assertEquals("sync msg", ptp.get("message"));
        assertEquals(77, ptp.get("sequence_id"));
        assertEquals("00163efffe112233", ptp.get("clock_identity"));
        assertEquals("00:16:3e:11:22:33 > 00:16:3e:44:55:66, ethertype 802.1AE MACsec (0x88e5), length 60: an 0, pn 5,"
                + " flags ECI, sci 00163e1122330001", summary(frames().get(6)));
        Layer macsec = layer(frames().get(6), "macsec");
        assertEquals(5L, macsec.get("packet_number"));
        assertEquals("00163e1122330001", macsec.get("sci"));
    }

    // 00:16:3e:11:22:33 > 01:80:c2:00:00:03, ethertype EAPOL (0x888e), length 60: EAPOL start (1) v2, len 0
    // 00:16:3e:11:22:33 > 01:80:c2:00:00:03, ethertype EAPOL (0x888e), length 60: EAP packet (0) v2, len 5
    @Test
    void eapolTypes() throws IOException {
        assertEquals("00:16:3e:11:22:33 > 01:80:c2:00:00:03, ethertype EAPOL (0x888e), length 60: EAPOL start (1) v2,"
                + " len 0", summary(frames().get(7)));
        Layer eap = layer(frames().get(8), "eapol");
        assertEquals("EAP packet", eap.get("type_name"));
        assertEquals("request", eap.get("eap_code"));
        assertEquals("identity", eap.get("eap_type"));
    }
}
