package netlab.capture.net;

/**
 * A 48-bit IEEE 802 MAC address held in the low bits of a long.
 *
 * @param bits the address, most significant byte first
 */
public record MacAddress(long bits) implements Comparable<MacAddress> {
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final MacAddress ZERO = new MacAddress(0L);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    public MacAddress {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("MAC address wider than 48 bits");
        }
    }

    /** Reads six bytes at {@code off}; the caller has checked the bounds. */
    public static MacAddress read(byte[] b, int off) {
        return new MacAddress(bits(b, off));
    }

    /** The 48 bits at {@code off} as a long, without allocating. */
    public static long bits(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 40) | ((long) (b[off + 1] & 0xff) << 32)
                | ((long) (b[off + 2] & 0xff) << 24) | ((long) (b[off + 3] & 0xff) << 16)
                | ((long) (b[off + 4] & 0xff) << 8) | (b[off + 5] & 0xff);
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} or {@code aa-bb-cc-dd-ee-ff}, either case. */
    public static MacAddress parse(String s) {
        String[] parts = s.split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + s);
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) {
                throw new IllegalArgumentException("not a MAC address: " + s);
            }
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    /** I/G bit set: a group (multicast or broadcast) address, IEEE 802 clause 8.2. */
    public boolean isGroup() {
        return (bits & 0x0100_0000_0000L) != 0;
    }

    public boolean isBroadcast() {
        return bits == 0xffff_ffff_ffffL;
    }

    /** Group address other than broadcast. */
    public boolean isMulticast() {
        return isGroup() && !isBroadcast();
    }

    /** U/L bit set: locally administered, not from the IEEE registry. */
    public boolean isLocallyAdministered() {
        return (bits & 0x0200_0000_0000L) != 0;
    }

    /** The 24-bit organisationally unique identifier. */
    public int oui() {
        return (int) (bits >>> 24);
    }

    /** Writes the six bytes at {@code off}. */
    public void write(byte[] b, int off) {
        for (int i = 0; i < 6; i++) {
            b[off + i] = (byte) (bits >>> (40 - 8 * i));
        }
    }

    @Override
    public int compareTo(MacAddress o) {
        return Long.compare(bits, o.bits);
    }

    /** Lower-case colon form, as tcpdump prints it. */
    @Override
    public String toString() {
        char[] c = new char[17];
        for (int i = 0; i < 6; i++) {
            int v = (int) (bits >>> (40 - 8 * i)) & 0xff;
            c[i * 3] = HEX[v >>> 4];
            c[i * 3 + 1] = HEX[v & 0xf];
            if (i < 5) {
                c[i * 3 + 2] = ':';
            }
        }
        return new String(c);
    }
}
