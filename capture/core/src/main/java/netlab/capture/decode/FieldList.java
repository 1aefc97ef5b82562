package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;

/**
 * Collects a layer's fields for {@link FrameDetails}, adding a field only when its bytes were captured,
 * so a truncated header yields the fields that are present and nothing invented.
 */
final class FieldList {
    private final PacketView v;
    final List<Field> fields = new ArrayList<>();

    FieldList(PacketView v) {
        this.v = v;
    }

    FieldList add(String name, Object value) {
        fields.add(new Field(name, value));
        return this;
    }

    boolean has(int off, int len) {
        return v.has(off, len);
    }

    FieldList u8(String name, int off) {
        return v.has(off, 1) ? add(name, v.u8(off)) : this;
    }

    FieldList u16(String name, int off) {
        return v.has(off, 2) ? add(name, v.u16(off)) : this;
    }

    FieldList u32(String name, int off) {
        return v.has(off, 4) ? add(name, v.u32(off)) : this;
    }

    /** An 8- or 16-bit number with its name ({@link Named}), when captured. */
    FieldList named(String name, int off, int bytes, java.util.function.IntFunction<String> names) {
        if (!v.has(off, bytes)) {
            return this;
        }
        int n = bytes == 1 ? v.u8(off) : v.u16(off);
        return add(name, new Named(n, names.apply(n)));
    }

    /** A 16-bit number shown as {@code 0x%04x} with its name, when captured (EtherTypes). */
    FieldList namedHex16(String name, int off, java.util.function.IntFunction<String> names) {
        if (!v.has(off, 2)) {
            return this;
        }
        int n = v.u16(off);
        return add(name, new Named(hex0x(n, 4), names.apply(n)));
    }

    FieldList hex32(String name, int off) {
        return v.has(off, 4) ? add(name, hex0x(v.s32(off), 8)) : this;
    }

    FieldList hex16(String name, int off) {
        return v.has(off, 2) ? add(name, hex0x(v.u16(off), 4)) : this;
    }

    FieldList mac(String name, int off) {
        return v.has(off, 6) ? add(name, new MacAddress(v.mac(off)).toString()) : this;
    }

    FieldList ipv4(String name, int off) {
        return v.has(off, 4) ? add(name, Ipv4Address.format(v.s32(off))) : this;
    }

    FieldList ipv6(String name, int off) {
        return v.has(off, 16) ? add(name, Ipv6Address.read(v.data, v.base + off).toString()) : this;
    }

    FieldList hex(String name, int off, int len) {
        if (len < 0 || !v.has(off, len)) {
            return this;
        }
        return add(name, hexString(v, off, len));
    }

    /** Printable ASCII of {@code len} captured bytes, other bytes as {@code \xNN}, stopping at a NUL. */
    static String text(PacketView v, int off, int len) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len && v.has(off + i, 1); i++) {
            int c = v.u8(off + i);
            if (c == 0) {
                break;
            }
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                FrameSummary.hex(sb.append("\\x"), c, 2);
            }
        }
        return sb.toString();
    }

    /** {@code String.format("0x%0<digits>x", v)} without the formatter, which is slow per frame. */
    static String hex0x(int v, int digits) {
        return FrameSummary.hex(new StringBuilder(digits + 2).append("0x"), v, digits).toString();
    }

    static String hexString(PacketView v, int off, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = 0; i < len; i++) {
            FrameSummary.hex(sb, v.u8(off + i), 2);
        }
        return sb.toString();
    }

    /** A layer of these fields, carrying the view's failure when it belongs to {@code protocol} at or after {@code off}. */
    Layer layer(Protocol p, int off, int len) {
        return layer(p.osiLayer(), p.shortName(), p.title(), off, len);
    }

    Layer layer(int osi, String protocol, String title, int off, int len) {
        DecodeFailure f = v.failure;
        boolean mine = f != null && f.protocol().equals(protocol) && f.offset() >= off && f.offset() < off + Math.max(len, 1);
        int shown = Math.max(0, Math.min(len, v.captured - off));
        return new Layer(osi, protocol, title, off, shown, fields, mine ? f : null);
    }
}
