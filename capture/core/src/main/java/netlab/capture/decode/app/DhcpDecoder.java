package netlab.capture.decode.app;

import java.util.ArrayList;
import java.util.List;

import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;
import netlab.capture.net.MacAddress;

/** Decodes BOOTP (RFC 951) and DHCP (RFC 2131 §2) messages with the common options of RFC 2132. */
public final class DhcpDecoder {
    /** RFC 2131 §3: the magic cookie that marks the start of DHCP options. */
    private static final long COOKIE = 0x63825363L;
    private static final int FIXED = 236;

    private DhcpDecoder() {
    }

    /** Decodes one message in {@code data[off..end)}; offsets are relative to {@code base}. */
    public static Layer decode(byte[] data, int base, int off, int end) {
        List<Field> head = new ArrayList<>();
        int p = fixed(data, off, end, head);
        if (p < off + FIXED) {
            return layer("bootp", base, off, p, head, failure(base, p, "truncated header"));
        }
        if (end - p < 4) {
            // Both a DHCP cookie and a BOOTP vendor area (RFC 951: 64 bytes) would start here.
            return layer("bootp", base, off, p, head, failure(base, p, "truncated magic cookie"));
        }
        if (Bytes.u32(data, p) != COOKIE) {
            head.add(new Field("vend", Bytes.hex(data, p, Math.min(64, end - p))));
            return layer("bootp", base, off, end, head, null);
        }
        head.add(new Field("magic_cookie", "0x63825363"));
        DhcpOptions opts = new DhcpOptions(data, base, p + 4, end);
        opts.parse();
        List<Field> top = new ArrayList<>();
        if (opts.messageType != null) {
            top.add(new Field("message_type", opts.messageType));
        }
        Object mac = head.stream().filter(f -> f.name().equals("chaddr") && f.value().toString().length() == 17)
                .findFirst().map(Field::value).orElse(null);
        if (mac != null) {
            top.add(new Field("client_mac", mac));
        }
        if (opts.requestedIp != null) {
            top.add(new Field("requested_ip", opts.requestedIp));
        }
        top.addAll(head);
        top.add(new Field("options", opts.list));
        return layer("dhcp", base, off, opts.pos, top, opts.failure);
    }

    /** Fixed BOOTP fields (RFC 2131 §2 figure 1); returns the index after the last field that fit. */
    private static int fixed(byte[] d, int off, int end, List<Field> out) {
        int[] widths = {1, 1, 1, 1, 4, 2, 2, 4, 4, 4, 4, 16, 64, 128};
        String[] names = {"op", "htype", "hlen", "hops", "xid", "secs", "flags", "ciaddr", "yiaddr", "siaddr",
            "giaddr", "chaddr", "sname", "file"};
        int p = off;
        for (int i = 0; i < widths.length; i++) {
            if (end - p < widths[i]) {
                return p;
            }
            switch (i) {
                case 0 -> out.add(new Field("op", op(Bytes.u8(d, p))));
                case 1, 2, 3 -> out.add(new Field(names[i], Bytes.u8(d, p)));
                case 4 -> out.add(new Field("xid", Bytes.hex0x(Bytes.u32(d, p), 8)));
                case 5 -> out.add(new Field("secs", Bytes.u16(d, p)));
                case 6 -> {
                    out.add(new Field("flags", Bytes.hex0x(Bytes.u16(d, p), 4)));
                    out.add(new Field("broadcast", (d[p] & 0x80) != 0));
                }
                case 7, 8, 9, 10 -> out.add(new Field(names[i], Bytes.ipv4(d, p)));
                case 11 -> out.add(new Field("chaddr", chaddr(d, off, p)));
                default -> {
                    String s = cString(d, p, widths[i]);
                    if (!s.isEmpty()) {
                        out.add(new Field(names[i], s));
                    }
                }
            }
            p += widths[i];
        }
        return p;
    }

    private static String op(int op) {
        return switch (op) {
            case 1 -> "BOOTREQUEST";
            case 2 -> "BOOTREPLY";
            default -> "OP" + op;
        };
    }

    /** A MAC for Ethernet (htype 1, hlen 6), else the first hlen (at most 16) bytes in hex. */
    private static String chaddr(byte[] d, int off, int p) {
        int htype = Bytes.u8(d, off + 1);
        int hlen = Bytes.u8(d, off + 2);
        if (htype == 1 && hlen == 6) {
            return MacAddress.read(d, p).toString();
        }
        return Bytes.hex(d, p, Math.min(hlen, 16));
    }

    /** The NUL-terminated text of a fixed-width field, escaped. */
    private static String cString(byte[] d, int p, int width) {
        int n = 0;
        while (n < width && d[p + n] != 0) {
            n++;
        }
        return Bytes.escaped(d, p, n);
    }

    private static DecodeFailure failure(int base, int at, String reason) {
        return new DecodeFailure("bootp", 7, at - base, reason);
    }

    private static Layer layer(String protocol, int base, int off, int p, List<Field> fields, DecodeFailure f) {
        String title = protocol.equals("dhcp") ? "Dynamic Host Configuration Protocol" : "Bootstrap Protocol";
        return new Layer(7, protocol, title, off - base, p - off, fields, f);
    }
}
