package netlab.capture.net;

/**
 * An IPv4 prefix (address plus prefix length), with the facts of RFC 950 / RFC 4632 subnetting.
 *
 * @param address      the address as given (host bits may be set)
 * @param prefixLength 0..32
 */
public record Ipv4Subnet(Ipv4Address address, int prefixLength) {

    public Ipv4Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is not in 0..32");
        }
    }

    /** Parses {@code a.b.c.d/len}, or {@code a.b.c.d} alone as a /32. */
    public static Ipv4Subnet parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            return new Ipv4Subnet(Ipv4Address.parse(cidr), 32);
        }
        String len = cidr.substring(slash + 1);
        if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("prefix length '" + len + "' is not a number 0..32");
        }
        return new Ipv4Subnet(Ipv4Address.parse(cidr.substring(0, slash)), Integer.parseInt(len));
    }

    /** Builds a subnet from an address and a dotted netmask, which must be contiguous ones then zeros. */
    public static Ipv4Subnet of(String address, String netmask) {
        int m = Ipv4Address.parse(netmask).bits();
        int len = Integer.bitCount(m);
        if (m != maskBits(len)) {
            throw new IllegalArgumentException("netmask " + netmask + " is not contiguous");
        }
        return new Ipv4Subnet(Ipv4Address.parse(address), len);
    }

    private static int maskBits(int len) {
        return len == 0 ? 0 : -1 << (32 - len);
    }

    public Ipv4Address netmask() {
        return new Ipv4Address(maskBits(prefixLength));
    }

    public Ipv4Address wildcard() {
        return new Ipv4Address(~maskBits(prefixLength));
    }

    public Ipv4Address network() {
        return new Ipv4Address(address.bits() & maskBits(prefixLength));
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(address.bits() | ~maskBits(prefixLength));
    }

    /** Total addresses in the prefix, 2^(32-len). */
    public long size() {
        return 1L << (32 - prefixLength);
    }

    /**
     * Usable host addresses: size - 2, except /31 (RFC 3021 point-to-point: both usable) and /32 (one host).
     */
    public long hostCount() {
        return prefixLength >= 31 ? size() : size() - 2;
    }

    public Ipv4Address firstHost() {
        return prefixLength >= 31 ? network() : new Ipv4Address(network().bits() + 1);
    }

    public Ipv4Address lastHost() {
        return prefixLength >= 31 ? broadcast() : new Ipv4Address(broadcast().bits() - 1);
    }

    public boolean contains(Ipv4Address a) {
        return (a.bits() & maskBits(prefixLength)) == network().bits();
    }

    /** Classful class A–E of the address (RFC 791 §3.2, RFC 1112 for D, RFC 1112 §4 for E). */
    public static char addressClass(Ipv4Address a) {
        int first = a.bits() >>> 24;
        if (first < 128) {
            return 'A';
        } else if (first < 192) {
            return 'B';
        } else if (first < 224) {
            return 'C';
        } else if (first < 240) {
            return 'D';
        }
        return 'E';
    }

    /** The special-purpose block the address falls in (RFC 6890 registry), or "public". */
    public static String scope(Ipv4Address a) {
        long v = a.unsigned();
        if (v == 0xffff_ffffL) {
            return "limited broadcast (RFC 919)";
        } else if (in(v, "0.0.0.0", 8)) {
            return "this network (RFC 791)";
        } else if (in(v, "10.0.0.0", 8) || in(v, "172.16.0.0", 12) || in(v, "192.168.0.0", 16)) {
            return "private (RFC 1918)";
        } else if (in(v, "100.64.0.0", 10)) {
            return "shared address space (RFC 6598)";
        } else if (in(v, "127.0.0.0", 8)) {
            return "loopback (RFC 1122)";
        } else if (in(v, "169.254.0.0", 16)) {
            return "link-local (RFC 3927)";
        } else if (in(v, "192.0.2.0", 24) || in(v, "198.51.100.0", 24) || in(v, "203.0.113.0", 24)) {
            return "documentation (RFC 5737)";
        } else if (in(v, "198.18.0.0", 15)) {
            return "benchmarking (RFC 2544)";
        } else if (in(v, "224.0.0.0", 4)) {
            return "multicast (RFC 5771)";
        } else if (in(v, "240.0.0.0", 4)) {
            return "reserved (RFC 1112)";
        }
        return "public";
    }

    private static boolean in(long v, String net, int len) {
        long n = Ipv4Address.parse(net).unsigned();
        return (v >>> (32 - len)) == (n >>> (32 - len));
    }

    @Override
    public String toString() {
        return network() + "/" + prefixLength;
    }
}
