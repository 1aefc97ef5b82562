package netlab.bench;

import java.util.SplittableRandom;

/**
 * The benchmark LAN: host 0 is the gateway, the others are clients and servers on 10.20.0.0/16 and
 * 2001:db8:20::/64; remote IPv4 peers are a fixed pool of 4096 public-looking unicast addresses spread
 * over the whole space (as Internet peers are: a pool inside one /16 would make tcpdump's address
 * cache, hashed on the first octets, degenerate into one chain), remote IPv6 peers sit in 2001:db8:ffff::/48.
 */
final class Hosts {
    static final int LAN_BROADCAST = ip(10, 20, 255, 255);
    static final long V6_PREFIX = 0x2001_0db8_0020_0000L;
    static final long V6_LINK_LOCAL = 0xfe80_0000_0000_0000L;
    static final long V6_REMOTE = 0x2001_0db8_ffff_0000L;
    private static final int REMOTE_POOL = 4096;
    /** Real vendor OUIs, so tools that name vendors show a plausible mix. */
    private static final int[] OUIS = {0x001b21, 0x3c22fb, 0xf01898, 0x005056, 0xb827eb, 0x000c29, 0x286ed4,
        0xd83add};

    final long[] mac;
    final int[] ipv4;
    final int count;

    Hosts(int count, SplittableRandom random) {
        this.count = count;
        mac = new long[count];
        ipv4 = new int[count];
        for (int i = 0; i < count; i++) {
            mac[i] = (long) OUIS[i % OUIS.length] << 24 | random.nextInt(1 << 24);
            ipv4[i] = ip(10, 20, i / 254, i % 254 + 1);
        }
    }

    /** Low 64 bits of host {@code i}'s global IPv6 address (the prefix is {@link #V6_PREFIX}). */
    static long v6Low(int i) {
        return i + 1L;
    }

    /** Low 64 bits of host {@code i}'s link-local address: modified EUI-64 from its MAC (RFC 4291 appendix A). */
    long linkLocalLow(int i) {
        long m = mac[i] ^ 0x0200_0000_0000L;
        return (m >>> 24) << 40 | 0xff_fe00_0000L | (m & 0xff_ffff);
    }

    /** A client or server other than the gateway; low indices talk more (a skewed, Zipf-like choice). */
    int pickLocal(SplittableRandom r) {
        double u = r.nextDouble();
        return 1 + (int) (u * u * (count - 1));
    }

    private static final int[] REMOTE_V4 = remotePool();

    /** Public-looking unicast addresses: first octet 1 to 223 except 10, 127, 172 and 192 (private ranges nearby). */
    private static int[] remotePool() {
        SplittableRandom r = new SplittableRandom(0x5eed);
        int[] pool = new int[REMOTE_POOL];
        for (int i = 0; i < pool.length; i++) {
            int first;
            do {
                first = 1 + r.nextInt(223);
            } while (first == 10 || first == 127 || first == 172 || first == 192 || first == 100 || first == 169);
            pool[i] = first << 24 | r.nextInt(1 << 24);
        }
        return pool;
    }

    /** A remote IPv4 peer. */
    static int remoteV4(SplittableRandom r) {
        return REMOTE_V4[r.nextInt(REMOTE_POOL)];
    }

    /** Remote IPv4 peer number {@code i} (modulo the pool size). */
    static int remoteV4At(int i) {
        return REMOTE_V4[i & (REMOTE_POOL - 1)];
    }

    /** Low 64 bits of a remote IPv6 peer (under {@link #V6_REMOTE}). */
    static long remoteV6Low(SplittableRandom r) {
        return 1 + r.nextInt(REMOTE_POOL);
    }

    static int ip(int a, int b, int c, int d) {
        return a << 24 | b << 16 | c << 8 | d;
    }
}
