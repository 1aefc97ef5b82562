package netlab.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.Protocol;
import netlab.capture.decode.Field;
import netlab.capture.decode.FrameDetails;
import netlab.capture.decode.Layer;

/** Text renderings of one frame: the OSI layer tree of {@code read -v} and the hex dump of {@code -x}. */
public final class FrameText {
    private static final String[] OSI = {"", "Physical", "Data link", "Network", "Transport", "Session",
        "Presentation", "Application"};

    private FrameText() {
    }

    /** Every layer with its fields, one field per line. */
    public static void layers(PrintWriter out, long number, Frame f, List<Layer> layers, boolean allLayers) {
        for (Layer l : layers) {
            int osi = Math.max(0, Math.min(7, l.osiLayer()));
            if (FrameDetails.NONE.equals(l.protocol())) {
                // A layer the frame does not have is left out, as tshark -V leaves it out; --all-layers shows it.
                if (allLayers) {
                    out.printf("    L%d %-12s —%n", osi, OSI[osi]);
                }
                continue;
            }
            out.printf("    L%d %-12s %s%n", osi, OSI[osi], heading(l));
            for (Field field : l.fields()) {
                out.printf("         %s: %s%n", field.name(), text(field.value()));
            }
            if (l.failure() != null) {
                out.printf("         ! decode failure at offset %d: %s%n", l.failure().offset(), l.failure().reason());
            }
        }
    }

    private static String heading(Layer l) {
        if (l.length() <= 0 && l.fields().isEmpty()) {
            return l.title();
        }
        return l.title() + " (" + l.protocol() + "), " + l.length() + " bytes at offset " + l.offset();
    }

    private static String text(Object v) {
        if (v instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : list) {
                sb.append(sb.length() > 1 ? ", " : "").append(text(o));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(sb.length() > 1 ? ", " : "").append(e.getKey()).append(": ").append(text(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }

    /**
     * tcpdump's hex dumps: -x (hex) and -X (hex and ASCII) from the end of the link-layer header (Ethernet with
     * its VLAN tags, Linux SLL/SLL2, BSD loopback), -xx and -XX from the frame's first byte.
     */
    public static void hexDump(PrintWriter out, Frame f, PacketView v, boolean fromStart, boolean ascii) {
        int start = fromStart ? 0 : linkHeaderLength(f, v);
        int len = f.capturedLength() - start;
        byte[] b = f.data();
        int base = f.offset() + start;
        StringBuilder line = new StringBuilder(80);
        for (int row = 0; row < len; row += 16) {
            line.setLength(0);
            line.append('\t').append("0x").append(HEX[row >> 12 & 15]).append(HEX[row >> 8 & 15])
                    .append(HEX[row >> 4 & 15]).append(HEX[row & 15]).append(": ");
            int end = Math.min(len, row + 16);
            for (int i = row; i < end; i++) {
                if ((i & 1) == 0) {
                    line.append(' ');
                }
                int x = b[base + i] & 0xff;
                line.append(HEX[x >> 4]).append(HEX[x & 15]);
            }
            if (ascii) {
                // tcpdump pads the hex column to 8 groups of " xxxx" (40 characters), then two spaces.
                int hexChars = (end - row) * 2 + (end - row + 1) / 2;
                line.append(" ".repeat(40 - hexChars + 2));
                for (int i = row; i < end; i++) {
                    int x = b[base + i] & 0xff;
                    line.append(x > 0x20 && x < 0x7f ? (char) x : '.'); // tcpdump shows only graphic characters
                }
            }
            out.println(line);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Bytes of the link-layer header as tcpdump's printers count them (VLAN tags included; 0 for raw IP). */
    static int linkHeaderLength(Frame f, PacketView v) {
        int type = f.linkType().value();
        int h = type == LinkType.ETHERNET.value() ? 14 : type == LinkType.LINUX_SLL.value() ? 16
                : type == LinkType.LINUX_SLL2.value() ? 20 : type == LinkType.NULL.value() ? 4 : 0;
        if (v.vlanCount() > 0) {
            h = Math.max(h, v.vlanOffset(v.vlanCount() - 1) + 4);
        }
        if (v.has(Protocol.LLC)) {
            // tcpdump counts an 802.3 frame's LLC header (and SNAP) in the link layer too.
            boolean snap = v.llcDsap() == 0xaa && v.llcSsap() == 0xaa;
            h = Math.max(h, v.llcOffset() + (snap ? 8 : v.llcControl() > 0xff ? 4 : 3));
        }
        return Math.min(h, f.capturedLength());
    }
}
