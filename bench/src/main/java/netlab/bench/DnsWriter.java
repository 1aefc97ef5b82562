package netlab.bench;

import java.util.SplittableRandom;

/** DNS (RFC 1035) and mDNS (RFC 6762) messages over UDP: A/AAAA queries, answers with a name pointer. */
final class DnsWriter {
    static final int NAMES = 500;
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org", "corp.example",
        "cdn.example.com", "api.example.net"};
    private static final String[] SERVICES = {"_airplay._tcp.local", "_googlecast._tcp.local",
        "_ipp._tcp.local", "_spotify-connect._tcp.local", "_services._dns-sd._udp.local"};

    private final FrameBuilder b;
    private final byte[][] names = new byte[NAMES][];
    private final byte[][] services = new byte[SERVICES.length][];

    DnsWriter(FrameBuilder b) {
        this.b = b;
        for (int i = 0; i < NAMES; i++) {
            names[i] = encode("host" + i + "." + DOMAINS[i % DOMAINS.length]);
        }
        for (int i = 0; i < SERVICES.length; i++) {
            services[i] = encode(SERVICES[i]);
        }
    }

    /** RFC 1035 section 3.1: length-prefixed labels ending in the root's zero byte. */
    private static byte[] encode(String name) {
        byte[] out = new byte[name.length() + 2];
        int at = 0;
        for (String label : name.split("\\.")) {
            out[at++] = (byte) label.length();
            for (char ch : label.toCharArray()) {
                out[at++] = (byte) ch;
            }
        }
        out[at] = 0;
        return out;
    }

    /** Host {@code a} asks the gateway's resolver for an A (IPv4) or AAAA (IPv6) record. */
    int query(int vlan, Hosts h, int a, boolean v6, int name, int id, int port, int ipId) {
        int l4 = ip(vlan, h, a, 0, v6, ipId);
        int off = b.udp(l4, port, 53);
        off = header(off, id, 0x0100, 0);
        off = question(off, names[name], v6 ? 28 : 1);
        return b.finish(l4, off, 17, 6);
    }

    /** The resolver's answer: the question again and one record whose name points back at it. */
    int response(int vlan, Hosts h, int a, boolean v6, int name, int id, int port, int ipId, int address) {
        int l4 = ip(vlan, h, 0, a, v6, ipId);
        int off = b.udp(l4, 53, port);
        off = header(off, id, 0x8180, 1);
        off = question(off, names[name], v6 ? 28 : 1);
        b.put16(off, 0xc000 | 12);
        b.put16(off + 2, v6 ? 28 : 1);
        b.put16(off + 4, 1);
        b.put32(off + 6, 300);
        b.put16(off + 10, v6 ? 16 : 4);
        off += 12;
        if (v6) {
            b.put64(off, Hosts.V6_REMOTE);
            b.put64(off + 8, address);
            off += 16;
        } else {
            b.put32(off, address);
            off += 4;
        }
        return b.finish(l4, off, 17, 6);
    }

    /** A PTR question to 224.0.0.251 or ff02::fb, port 5353 both ways. */
    int mdns(int vlan, Hosts h, int a, boolean v6, SplittableRandom r) {
        int l4;
        if (v6) {
            int off = b.ethernet(0x3333_0000_00fbL, h.mac[a], vlan, 0x86dd);
            l4 = b.ipv6(off, Hosts.V6_LINK_LOCAL, h.linkLocalLow(a), 0xff02_0000_0000_0000L, 0xfb, 17, 255);
        } else {
            int off = b.ethernet(0x0100_5e00_00fbL, h.mac[a], vlan, 0x0800);
            l4 = b.ipv4(off, h.ipv4[a], Hosts.ip(224, 0, 0, 251), 17, 255, 0);
        }
        int off = b.udp(l4, 5353, 5353);
        off = header(off, 0, 0, 0);
        off = question(off, services[r.nextInt(services.length)], 12);
        return b.finish(l4, off, 17, 6);
    }

    /** Ethernet and IP from host {@code from} to host {@code to} (gateway is 0); returns the UDP offset. */
    private int ip(int vlan, Hosts h, int from, int to, boolean v6, int ipId) {
        int off = b.ethernet(h.mac[to], h.mac[from], vlan, v6 ? 0x86dd : 0x0800);
        if (v6) {
            return b.ipv6(off, Hosts.V6_PREFIX, Hosts.v6Low(from), Hosts.V6_PREFIX, Hosts.v6Low(to), 17, 64);
        }
        return b.ipv4(off, h.ipv4[from], h.ipv4[to], 17, 64, ipId);
    }

    private int header(int off, int id, int flags, int answers) {
        b.put16(off, id);
        b.put16(off + 2, flags);
        b.put16(off + 4, 1);
        b.put16(off + 6, answers);
        b.put16(off + 8, 0);
        b.put16(off + 10, 0);
        return off + 12;
    }

    private int question(int off, byte[] name, int type) {
        System.arraycopy(name, 0, b.buf, off, name.length);
        off += name.length;
        b.put16(off, type);
        b.put16(off + 2, 1);
        return off + 4;
    }
}
