package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.MacAddress;

/** ICMP and ICMPv6 message names as tcpdump prints them, and neighbour-discovery options. */
final class IcmpNames {
    private IcmpNames() {
    }

    /** RFC 792 / RFC 4443 / RFC 4861 type names. */
    static String name(boolean v6, int type) {
        if (!v6) {
            return switch (type) {
                case 0 -> "echo reply";
                case 3 -> "destination unreachable";
                case 4 -> "source quench";
                case 5 -> "redirect";
                case 8 -> "echo request";
                case 9 -> "router advertisement";
                case 10 -> "router solicitation";
                case 11 -> "time exceeded";
                case 12 -> "parameter problem";
                case 13 -> "time stamp request";
                case 14 -> "time stamp reply";
                default -> "type-#" + type;
            };
        }
        return switch (type) {
            case 1 -> "destination unreachable";
            case 2 -> "packet too big";
            case 3 -> "time exceeded in-transit";
            case 4 -> "parameter problem";
            case 128 -> "echo request";
            case 129 -> "echo reply";
            case 130 -> "multicast listener query";
            case 131 -> "multicast listener report";
            case 132 -> "multicast listener done";
            case 133 -> "router solicitation";
            case 134 -> "router advertisement";
            case 135 -> "neighbor solicitation";
            case 136 -> "neighbor advertisement";
            case 137 -> "redirect";
            case 143 -> "multicast listener report v2";
            default -> "unknown icmp6 type (" + type + ")";
        };
    }

    /** RFC 4861 section 4.6 TLV options (length in units of 8 bytes; 0 is invalid and ends the walk). */
    static List<String> ndOptions(PacketView v, int from, int to) {
        List<String> out = new ArrayList<>();
        int p = from;
        while (p + 2 <= to) {
            int type = v.u8(p);
            int len = v.u8(p + 1) * 8;
            if (len == 0 || p + len > to) {
                out.add("malformed option");
                break;
            }
            if ((type == 1 || type == 2) && len == 8) {
                out.add((type == 1 ? "source link-address " : "target link-address ") + new MacAddress(v.mac(p + 2)));
            } else if (type == 14) {
                out.add("nonce " + FieldList.hexString(v, p + 2, len - 2));
            } else {
                out.add("option " + type + " length " + len);
            }
            p += len;
        }
        return out;
    }
}
