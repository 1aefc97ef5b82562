package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * What one discovery frame (LLDP, IEEE 802.1AB; CDP, Cisco) says about the device that sent it, for the
 * neighbours list of {@code analyze}: which device, which of its ports, how to reach it.
 *
 * @param protocol          {@code lldp} or {@code cdp}
 * @param device            LLDP system name (else the chassis id), CDP device id
 * @param chassisId         LLDP chassis id, or {@code null}
 * @param port              port id
 * @param portDescription   LLDP port description, or {@code null}
 * @param platform          LLDP system description or CDP platform, or {@code null}
 * @param managementAddress the first management address (LLDP) or IPv4 address (CDP), or {@code null}
 * @param vlan              LLDP 802.1 port VLAN id or CDP native VLAN, or 0
 * @param capabilities      enabled capabilities, by their standard names
 * @param ttlSeconds        how long the announcement holds, or -1
 */
public record Neighbour(String protocol, String device, String chassisId, String port, String portDescription,
                        String platform, String managementAddress, int vlan, List<String> capabilities,
                        int ttlSeconds) {

    public Neighbour {
        capabilities = List.copyOf(capabilities);
    }

    /** The neighbour the frame last decoded into {@code v} announces, or {@code null}; allocates, for LLDP/CDP only. */
    public static Neighbour of(PacketView v) {
        int i = v.indexOf(Protocol.LLDP, 0);
        if (i >= 0 && v.protocolOffset(i) >= 0) {
            return lldp(v, v.protocolOffset(i));
        }
        if (v.has(Protocol.CDP) && v.payloadOffset() >= 0) {
            return Cdp.neighbour(v, v.payloadOffset(), v.payloadOffset() + v.payloadLength());
        }
        return null;
    }

    private static Neighbour lldp(PacketView v, int off) {
        List<Layer> out = new ArrayList<>(1);
        Lldp.LLDP.details(v, off, out);
        Layer l = out.get(0);
        String chassis = text(l.get("chassis_id"));
        String name = text(l.get("system_name"));
        Object caps = l.get("enabled_capabilities");
        List<String> enabled = new ArrayList<>();
        if (caps instanceof List<?> list) {
            list.forEach(c -> enabled.add(String.valueOf(c)));
        }
        Object vlan = l.get("port_vlan_id");
        Object ttl = l.get("ttl");
        return new Neighbour("lldp", name != null ? name : chassis, chassis, text(l.get("port_id")),
                text(l.get("port_description")), text(l.get("system_description")), text(l.get("management_address")),
                vlan instanceof Integer n ? n : 0, enabled, ttl instanceof Integer n ? n : -1);
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
