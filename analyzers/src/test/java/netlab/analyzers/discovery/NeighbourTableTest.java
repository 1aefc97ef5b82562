package netlab.analyzers.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import netlab.analyzers.mac.TestFrames;
import netlab.capture.decode.Neighbour;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * The neighbours list against tshark 4.0: {@code tshark -r VlanPackets.pcap -Y cdp -T fields -e cdp.deviceid
 * -e cdp.portid -e cdp.platform -e cdp.nrgyz.ip_address -e cdp.native_vlan -e eth.src -e cdp.ttl}, and
 * {@code -Y lldp -e lldp.tlv.system.name -e lldp.port.id -e lldp.mgn.addr.ip4 -e lldp.ieee.802_1.port_vlan.id} on
 * l2-control.pcap.
 */
class NeighbourTableTest {

    private static List<String> rows(String path) throws IOException {
        NeighbourTable t = new NeighbourTable();
        TestFrames.replay(TestFrames.root().resolve("sample-pcaps").resolve(path), t);
        return t.rows().stream().map(r -> {
            Neighbour n = r.neighbour();
            return String.join("\t", n.device(), n.port(), String.valueOf(n.platform()), String.valueOf(n.managementAddress()),
                    String.valueOf(n.vlan()), new MacAddress(r.sourceMac()).toString(), String.valueOf(n.ttlSeconds()));
        }).toList();
    }

    @Test
    void cdpNeighboursAgreeWithTshark() throws IOException {
        assertEquals(List.of(
                "R1\tFastEthernet0/0\tCisco 2811\t10.118.10.1\t0\t00:13:c3:df:ae:18\t180",
                "R3\tFastEthernet0/0\tCisco 1841\t10.209.20.3\t0\t00:19:aa:7d:e6:88\t180",
                "S2\tFastEthernet0/13\tCisco WS-C3550-24\t0.0.0.0\t1\t00:0f:34:5f:16:8d\t180",
                "S1\tFastEthernet0/13\tCisco WS-C3550-24\t0.0.0.0\t1\t00:13:c4:12:0f:0d\t180",
                "R2\tFastEthernet0/0\tCisco 2811\t10.118.10.2\t0\t00:1b:d4:1b:a4:d8\t180",
                "R4\tFastEthernet0/0\tCisco 1841\t10.209.20.4\t0\t00:21:55:c8:f1:3c\t180"),
                rows("public/pcapplusplus/VlanPackets.pcap"));
    }

    @Test
    void lldpNeighbourAgreesWithTshark() throws IOException {
        assertEquals(List.of("sw-access-1\tGi1/0/7\tExample OS 1.2\t192.0.2.10\t10\t00:16:3e:11:22:33\t120"),
                rows("decode/l2-control.pcap"));
    }

    @Test
    void theTableIsBounded() {
        NeighbourTable t = new NeighbourTable();
        for (int i = 0; i < NeighbourTable.CAP + 10; i++) {
            // LLDP: chassis id (MAC subtype), port id (local, "p<i>"), TTL, end.
            byte[] port = ("p" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.writeBytes(java.util.HexFormat.of().parseHex("0180c200000e00163e11223388cc" + "020704" + "00163e112233"));
            b.write(0x04);
            b.write(1 + port.length);
            b.write(7);
            b.writeBytes(port);
            b.writeBytes(java.util.HexFormat.of().parseHex("06020078" + "0000"));
            TestFrames.feed(b.toByteArray(), TestFrames.T0 + i, t);
        }
        assertEquals(NeighbourTable.CAP, t.rows().size());
        assertEquals(10, t.dropped());
        assertEquals("p0", t.rows().get(0).neighbour().port());
    }
}
