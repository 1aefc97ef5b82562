package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.MacAddress;

/**
 * IEEE 802.11 MAC frames (IEEE 802.11-2020 clause 9.2) and the radiotap header in front of them in monitor
 * captures (radiotap.org). Data frames go on to their 802.2 LLC/SNAP payload, so ARP and IP over Wi-Fi
 * reach the analyzers; protected (encrypted) bodies stay payload. The view's source and destination MACs
 * are the frame's SA and DA (by the To DS/From DS bits), as Ethernet's would be; management and control
 * frames are named, with their transmitter and receiver as the MACs.
 */
enum Ieee80211 implements Dissector {
    WLAN {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = new FieldList(v);
            if (!v.has(off, 2)) {
                out.add(l.layer(Protocol.WLAN, off, 2));
                return;
            }
            int fc = v.u8(off);
            int flags = v.u8(off + 1);
            l.add("type", (fc >>> 2) & 3).add("subtype", fc >>> 4).add("kind", kind(fc))
                    .add("to_ds", (flags & 1) != 0).add("from_ds", (flags & 2) != 0)
                    .add("retry", (flags & 8) != 0).add("protected", (flags & 0x40) != 0).u16("duration", off + 2);
            String[] names = addressNames(fc, flags);
            for (int i = 0; i < names.length; i++) {
                int at = i < 3 ? off + 4 + 6 * i : off + 24;
                if (names[i] != null) {
                    l.mac(names[i], at);
                }
            }
            if (((fc >>> 2) & 3) != 1 && v.has(off + 22, 2)) {
                int sc = v.u8(off + 22) | v.u8(off + 23) << 8;
                l.add("sequence", sc >>> 4).add("fragment", sc & 0xf);
            }
            if (fc == 0x80 || fc == 0x50) {
                String ssid = ssid(v, off + 36);
                if (ssid != null) {
                    l.add("ssid", ssid);
                }
            }
            out.add(l.layer(Protocol.WLAN, off, headerLength(v, off)));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            if (!v.has(off, 10)) {
                return false;
            }
            int fc = v.u8(off);
            int flags = v.u8(off + 1);
            String[] names = addressNames(fc, flags);
            // tcpdump print-802_11.c prints data-frame addresses in header order with these labels.
            for (int i = 0; i < names.length; i++) {
                int at = i < 3 ? off + 4 + 6 * i : off + 24;
                if (names[i] != null && v.has(at, 6)) {
                    String label = names[i].equals("bssid") ? "BSSID" : names[i].equals("receiver") ? "RA"
                            : names[i].equals("transmitter") ? "TA" : names[i].equals("dst") ? "DA" : "SA";
                    sb.append(label).append(':').append(new MacAddress(v.mac(at))).append(' ');
                }
            }
            int type = (fc >>> 2) & 3;
            if (type == 2 && (flags & 0x40) == 0 && (fc & 0x40) == 0) {
                return false;
            }
            sb.append(kind(fc));
            if (fc == 0x80 || fc == 0x50) {
                String ssid = ssid(v, off + 36);
                sb.append(" (").append(ssid == null ? "" : ssid).append(')');
            }
            if ((flags & 0x40) != 0) {
                sb.append(" Data IV: protected");
            }
            return true;
        }
    },
    RADIOTAP {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = new FieldList(v).u8("version", 0);
            if (v.has(0, 8)) {
                l.add("length", le16(v, 2)).add("present", FieldList.hex0x(le32(v, 4), 8));
                int flags = flags(v);
                if (flags >= 0) {
                    l.add("flags", FieldList.hex0x(flags, 2)).add("fcs_at_end", (flags & 0x10) != 0);
                }
            }
            out.add(l.layer(Protocol.RADIOTAP, 0, v.has(0, 4) ? le16(v, 2) : 8));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            return false;
        }
    };

    /** Extended presence bitmaps followed at most (radiotap namespaces chain them with bit 31). */
    private static final int MAX_PRESENT_WORDS = 8;

    /** Decodes a radiotap header at offset 0, then the 802.11 frame after it (without the FCS when flagged). */
    static void radiotap(PacketView v) {
        v.push(Protocol.RADIOTAP, 0);
        if (!v.has(0, 8)) {
            v.fail(Protocol.RADIOTAP, 0, "truncated header");
            return;
        }
        int len = le16(v, 2);
        if (v.u8(0) != 0 || len < 8) {
            v.fail(Protocol.RADIOTAP, 0, "version " + v.u8(0) + ", length " + len);
            return;
        }
        if (!v.has(0, len)) {
            v.fail(Protocol.RADIOTAP, 0, "header length " + len + " runs past the end");
            return;
        }
        int end = v.captured;
        int flags = flags(v);
        if (flags >= 0 && (flags & 0x10) != 0) {
            // The FCS is the last 4 bytes on the wire: drop it from the payload if it was captured.
            end = Math.min(v.captured, v.frame.originalLength() - 4);
            v.wireEnd = v.frame.originalLength() - 4;
        }
        v.push(Protocol.WLAN_RADIO, -1);
        wlan(v, len, end);
    }

    /** The radiotap Flags field (present bit 1), or -1: it follows TSFT (bit 0, 8 bytes aligned to 8). */
    private static int flags(PacketView v) {
        int present = le32(v, 4);
        if ((present & 2) == 0) {
            return -1;
        }
        int p = 8;
        for (int w = present, n = 0; (w & 0x8000_0000) != 0 && n < MAX_PRESENT_WORDS; n++) {
            if (!v.has(p, 4)) {
                return -1;
            }
            w = le32(v, p);
            p += 4;
        }
        if ((present & 1) != 0) {
            p = ((p + 7) & ~7) + 8;
        }
        int len = le16(v, 2);
        return p < len && v.has(p, 1) ? v.u8(p) : -1;
    }

    /** Decodes an 802.11 MAC frame at {@code off}; {@code end} excludes a trailing FCS. */
    static void wlan(PacketView v, int off, int end) {
        v.push(Protocol.WLAN, off);
        if (!v.has(off, 10)) {
            v.fail(Protocol.WLAN, off, "truncated header");
            return;
        }
        int fc = v.u8(off);
        int flags = v.u8(off + 1);
        int type = (fc >>> 2) & 3;
        int hdr = headerLength(v, off);
        if (type == 1) {
            v.dstMac = v.mac(off + 4);
            if (hdr >= 16 && v.has(off, 16)) {
                v.srcMac = v.mac(off + 10);
            }
            v.payload(off + hdr, end);
            return;
        }
        if (!v.has(off, hdr)) {
            v.fail(Protocol.WLAN, off, "truncated header");
            return;
        }
        String[] names = addressNames(fc, flags);
        for (int i = 0; i < names.length; i++) {
            int at = i < 3 ? off + 4 + 6 * i : off + 24;
            if ("dst".equals(names[i])) {
                v.dstMac = v.mac(at);
            } else if ("src".equals(names[i])) {
                v.srcMac = v.mac(at);
            }
        }
        // Data subtypes with bit 2 set (Null, QoS Null, CF-Ack...) carry no body; protected bodies are ciphertext.
        if (type != 2 || (fc & 0x40) != 0 || (flags & 0x40) != 0 || off + hdr >= end) {
            v.payload(off + hdr, end);
            return;
        }
        v.etherType = -1;
        Llc.decode(v, off + hdr, end);
    }

    /** MAC header length: 24, + 6 for a fourth address (To DS and From DS), + 2 QoS, + 4 HT control. */
    static int headerLength(PacketView v, int off) {
        int fc = v.u8(off);
        int flags = v.u8(off + 1);
        int type = (fc >>> 2) & 3;
        if (type == 1) {
            int sub = fc >>> 4;
            // ACK and CTS (subtypes 13, 12) name only a receiver; the others add a transmitter.
            return sub == 12 || sub == 13 ? 10 : 16;
        }
        int len = 24;
        if (type == 2 && (flags & 3) == 3) {
            len += 6;
        }
        if (type == 2 && (fc & 0x80) != 0) {
            len += 2;
            if ((flags & 0x80) != 0) {
                len += 4;
            }
        }
        return len;
    }

    /** The names of addresses 1..4 by frame type and DS bits (IEEE 802.11-2020 table 9-26). */
    private static String[] addressNames(int fc, int flags) {
        int type = (fc >>> 2) & 3;
        if (type == 1) {
            int sub = fc >>> 4;
            return sub == 12 || sub == 13 ? new String[] {"receiver"} : new String[] {"receiver", "transmitter"};
        }
        if (type != 2) {
            return new String[] {"dst", "src", "bssid"};
        }
        return switch (flags & 3) {
            case 0 -> new String[] {"dst", "src", "bssid"};
            case 1 -> new String[] {"bssid", "src", "dst"};
            case 2 -> new String[] {"dst", "bssid", "src"};
            default -> new String[] {"receiver", "transmitter", "dst", "src"};
        };
    }

    /** tcpdump's frame names for the common subtypes. */
    private static String kind(int fc) {
        int type = (fc >>> 2) & 3;
        int sub = fc >>> 4;
        return switch (type) {
            case 0 -> switch (sub) {
                case 0 -> "Assoc Request";
                case 1 -> "Assoc Response";
                case 2 -> "ReAssoc Request";
                case 3 -> "ReAssoc Response";
                case 4 -> "Probe Request";
                case 5 -> "Probe Response";
                case 8 -> "Beacon";
                case 9 -> "ATIM";
                case 10 -> "Disassociation";
                case 11 -> "Authentication";
                case 12 -> "DeAuthentication";
                case 13 -> "Action";
                default -> "Management subtype " + sub;
            };
            case 1 -> switch (sub) {
                case 8 -> "BAR";
                case 9 -> "BA";
                case 10 -> "Power Save-Poll";
                case 11 -> "Request-To-Send";
                case 12 -> "Clear-To-Send";
                case 13 -> "Acknowledgment";
                default -> "Control subtype " + sub;
            };
            case 2 -> (sub & 4) != 0 ? ((sub & 8) != 0 ? "QoS Null" : "Null") : (sub & 8) != 0 ? "QoS Data" : "Data";
            default -> "Extension subtype " + sub;
        };
    }

    /** The SSID element (id 0) right after a beacon's or probe response's 12 fixed bytes, or null. */
    private static String ssid(PacketView v, int at) {
        if (!v.has(at, 2) || v.u8(at) != 0) {
            return null;
        }
        int len = Math.min(v.u8(at + 1), 32);
        return v.has(at + 2, len) ? FieldList.text(v, at + 2, len) : null;
    }

    private static int le16(PacketView v, int off) {
        return v.u8(off) | v.u8(off + 1) << 8;
    }

    private static int le32(PacketView v, int off) {
        return le16(v, off) | le16(v, off + 2) << 16;
    }
}
