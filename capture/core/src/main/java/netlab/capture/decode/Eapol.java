package netlab.capture.decode;

import java.util.List;

/**
 * EAPOL (IEEE 802.1X-2020 clause 11.3): version, packet type, body length; an EAP packet's code, identifier
 * and type (RFC 3748 section 4) when the body is one.
 */
enum Eapol implements Dissector {
    EAPOL;

    static void decode(PacketView v, int off) {
        v.push(Protocol.EAPOL, off);
        if (!v.has(off, 4)) {
            v.fail(Protocol.EAPOL, off, "truncated header");
            return;
        }
        v.payload(off + 4, Math.min(v.captured, off + 4 + v.u16(off + 2)));
    }

    /** tcpdump's names (print-eap.c). */
    static String type(int type) {
        return switch (type) {
            case 0 -> "EAP packet";
            case 1 -> "EAPOL start";
            case 2 -> "EAPOL logoff";
            case 3 -> "EAPOL key";
            case 4 -> "Encapsulated ASF alert";
            case 5 -> "MKA";
            default -> "unknown";
        };
    }

    private static String eapCode(int code) {
        return switch (code) {
            case 1 -> "request";
            case 2 -> "response";
            case 3 -> "success";
            case 4 -> "failure";
            default -> "code " + code;
        };
    }

    private static String eapType(int type) {
        return switch (type) {
            case 1 -> "identity";
            case 2 -> "notification";
            case 3 -> "nak";
            case 4 -> "md5-challenge";
            case 13 -> "tls";
            case 21 -> "ttls";
            case 25 -> "peap";
            case 43 -> "fast";
            default -> "type " + type;
        };
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v).u8("version", off);
        if (v.has(off + 1, 1)) {
            l.add("type", v.u8(off + 1)).add("type_name", type(v.u8(off + 1)));
        }
        l.u16("length", off + 2);
        int eap = off + 4;
        if (v.has(off + 1, 1) && v.u8(off + 1) == 0 && v.has(eap, 4)) {
            l.add("eap_code", eapCode(v.u8(eap))).u8("eap_id", eap + 1).u16("eap_length", eap + 2);
            if (v.u8(eap) <= 2 && v.has(eap + 4, 1)) {
                l.add("eap_type", eapType(v.u8(eap + 4)));
            }
        }
        out.add(l.layer(Protocol.EAPOL, off, 4));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 4)) {
            return false;
        }
        // tcpdump print-eap.c: "EAPOL start (1) v2, len 0"
        sb.append(type(v.u8(off + 1))).append(" (").append(v.u8(off + 1)).append(") v").append(v.u8(off))
                .append(", len ").append(v.u16(off + 2));
        return true;
    }
}
