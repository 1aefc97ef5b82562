package netlab.capture.net;

/**
 * An IPv4 address held in an int, network byte order in the high bits.
 *
 * @param bits the 32 address bits
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {
    public static final Ipv4Address ANY = new Ipv4Address(0);

    /** Reads four bytes at {@code off}; the caller has checked the bounds. */
    public static Ipv4Address read(byte[] b, int off) {
        return new Ipv4Address(bits(b, off));
    }

    /** The 32 bits at {@code off}, without allocating. */
    public static int bits(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }

    /** Parses dotted-quad notation; each part 0..255, exactly four parts, no leading sign. */
    public static Ipv4Address parse(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + s);
        }
        int v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            int o = Integer.parseInt(p);
            if (o > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + s);
            }
            v = (v << 8) | o;
        }
        return new Ipv4Address(v);
    }

    /** Formats 32 bits without creating a record. */
    public static String format(int bits) {
        return (bits >>> 24) + "." + ((bits >>> 16) & 0xff) + "." + ((bits >>> 8) & 0xff) + "." + (bits & 0xff);
    }

    /** Unsigned value, for arithmetic on address ranges. */
    public long unsigned() {
        return bits & 0xffff_ffffL;
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Integer.compareUnsigned(bits, o.bits);
    }

    @Override
    public String toString() {
        return format(bits);
    }
}
