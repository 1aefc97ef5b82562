package netlab.capture.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv6 address as two longs.
 *
 * @param high the first 64 bits
 * @param low  the last 64 bits
 */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {

    /** Reads sixteen bytes at {@code off}; the caller has checked the bounds. */
    public static Ipv6Address read(byte[] b, int off) {
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (b[off + i] & 0xff);
            l = (l << 8) | (b[off + 8 + i] & 0xff);
        }
        return new Ipv6Address(h, l);
    }

    @Override
    public int compareTo(Ipv6Address o) {
        int c = Long.compareUnsigned(high, o.high);
        return c != 0 ? c : Long.compareUnsigned(low, o.low);
    }

    /** RFC 5952 canonical text form (lower case, longest zero run compressed). */
    @Override
    public String toString() {
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            g[4 + i] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    /** Parses any textual IPv6 form accepted by the JDK (no name lookup happens for literals). */
    public static Ipv6Address parse(String s) {
        if (!s.contains(":")) {
            throw new IllegalArgumentException("not an IPv6 address: " + s);
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (!(a instanceof Inet6Address)) {
                throw new IllegalArgumentException("not an IPv6 address: " + s);
            }
            return read(a.getAddress(), 0);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + s, e);
        }
    }
}
