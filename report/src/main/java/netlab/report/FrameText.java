package netlab.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import netlab.capture.Frame;
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
    public static void layers(PrintWriter out, long number, Frame f, List<Layer> layers) {
        for (Layer l : layers) {
            int osi = Math.max(0, Math.min(7, l.osiLayer()));
            if (FrameDetails.NONE.equals(l.protocol())) {
                out.printf("    L%d %-12s —%n", osi, OSI[osi]);
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

    /** tcpdump -X style: offset, 8 groups of 2 bytes, ASCII. */
    public static void hexDump(PrintWriter out, Frame f) {
        byte[] b = f.data();
        int len = f.capturedLength();
        for (int row = 0; row < len; row += 16) {
            StringBuilder hex = new StringBuilder();
            StringBuilder ascii = new StringBuilder();
            for (int i = row; i < row + 16; i++) {
                if (i < len) {
                    int v = b[f.offset() + i] & 0xff;
                    hex.append(String.format("%02x", v));
                    ascii.append(v >= 0x20 && v < 0x7f ? (char) v : '.');
                } else {
                    hex.append("  ");
                }
                if ((i & 1) == 1) {
                    hex.append(' ');
                }
            }
            out.printf("\t0x%04x:  %s %s%n", row, hex, ascii);
        }
    }
}
