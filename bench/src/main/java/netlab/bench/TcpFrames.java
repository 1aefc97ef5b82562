package netlab.bench;

import java.util.SplittableRandom;

/** TCP segments, other UDP, ICMP/ICMPv6 echo and IPv6 neighbour solicitations for {@link MixGenerator}. */
final class TcpFrames {
    private static final int[] SERVER_PORTS = {443, 443, 443, 443, 443, 443, 443, 443, 80, 80, 22, 445, 3389, 8080};
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;
    private static final String HTTP_GET = "GET /index.html HTTP/1.1\r\nHost: www.example.com\r\n"
            + "User-Agent: bench/1.0\r\nAccept: */*\r\n\r\n";
    private static final String HTTP_OK = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4096\r\n\r\n";

    /** Open connections; a finished one is replaced by a new one in its slot. */
    private final Flow[] flows4 = new Flow[1024];
    private final Flow[] flows6 = new Flow[128];
    private final FrameBuilder b;
    private final Hosts h;

    TcpFrames(FrameBuilder b, Hosts h) {
        this.b = b;
        this.h = h;
    }

    /** One TCP connection: its endpoints and both directions' next sequence numbers. */
    private static final class Flow {
        int client;
        int server;
        boolean remote;
        int remoteV4;
        long remoteV6;
        int port;
        int clientPort;
        long clientSeq;
        long serverSeq;
        int segmentsLeft;
    }

    /**
     * One segment of a random open connection between local host {@code a} and a server (remote
     * through the gateway, or local host {@code c}): 35% bare ACKs, 45% full-size, 20% in between;
     * TLS records on 443, HTTP on 80. Connections last ~200 segments, so peers that track TCP state
     * per connection (tcpdump's relative sequence numbers) see a realistic number of them.
     */
    int segment(int vlan, int a, int c, boolean v6, SplittableRandom r, int ipId) {
        Flow[] pool = v6 ? flows6 : flows4;
        int slot = r.nextInt(pool.length);
        Flow f = pool[slot];
        if (f == null || f.segmentsLeft-- <= 0) {
            f = open(a, c, r);
            pool[slot] = f;
        }
        boolean fromClient = r.nextBoolean();
        int room = FrameBuilder.MAX_FRAME - 14 - (vlan >= 0 ? 4 : 0) - (v6 ? 40 : 20) - 20;
        int kind = r.nextInt(100);
        int payload = kind < 35 ? 0 : kind < 80 ? room : 1 + r.nextInt(room);
        int peer = f.remote ? 0 : f.server;
        int src = fromClient ? f.client : peer;
        int dst = fromClient ? peer : f.client;
        int off = b.ethernet(h.mac[dst], h.mac[src], vlan, v6 ? 0x86dd : 0x0800);
        if (v6) {
            long aHi = Hosts.V6_PREFIX;
            long peerHi = f.remote ? Hosts.V6_REMOTE : Hosts.V6_PREFIX;
            long peerLo = f.remote ? f.remoteV6 : Hosts.v6Low(f.server);
            off = fromClient ? b.ipv6(off, aHi, Hosts.v6Low(f.client), peerHi, peerLo, 6, 64)
                    : b.ipv6(off, peerHi, peerLo, aHi, Hosts.v6Low(f.client), 6, 58);
        } else {
            int peerIp = f.remote ? f.remoteV4 : h.ipv4[f.server];
            int local = h.ipv4[f.client];
            off = fromClient ? b.ipv4(off, local, peerIp, 6, 64, ipId) : b.ipv4(off, peerIp, local, 6, 58, ipId);
        }
        int l4 = off;
        long seq = fromClient ? f.clientSeq : f.serverSeq;
        long ack = fromClient ? f.serverSeq : f.clientSeq;
        off = b.tcp(off, fromClient ? f.clientPort : f.port, fromClient ? f.port : f.clientPort, seq, ack,
                payload > 0 ? ACK | PSH : ACK);
        if (fromClient) {
            f.clientSeq = (f.clientSeq + payload) & 0xffff_ffffL;
        } else {
            f.serverSeq = (f.serverSeq + payload) & 0xffff_ffffL;
        }
        off = payload(off, payload, f.port, fromClient, r);
        return b.finish(l4, off, 6, 16);
    }

    private Flow open(int a, int c, SplittableRandom r) {
        Flow f = new Flow();
        f.client = a;
        f.remote = c == a || r.nextInt(100) < 80;
        f.server = f.remote ? 0 : c;
        f.remoteV4 = Hosts.remoteV4(r);
        f.remoteV6 = Hosts.remoteV6Low(r);
        f.port = SERVER_PORTS[r.nextInt(SERVER_PORTS.length)];
        f.clientPort = 32768 + r.nextInt(28000);
        f.clientSeq = r.nextLong() >>> 32;
        f.serverSeq = r.nextLong() >>> 32;
        f.segmentsLeft = 20 + r.nextInt(360);
        return f;
    }

    private int payload(int off, int n, int port, boolean fromClient, SplittableRandom r) {
        if (n == 0) {
            return off;
        }
        int end = b.fill(off, n, r.nextInt());
        if (port == 443 && n > 5) {
            b.buf[off] = 0x17;
            b.put16(off + 1, 0x0303);
            b.put16(off + 3, n - 5);
        } else if (port == 80 && r.nextInt(4) == 0) {
            String head = fromClient ? HTTP_GET : HTTP_OK;
            if (head.length() <= n) {
                b.text(off, head);
            }
        }
        return end;
    }

    /** NTP, QUIC-sized datagrams on 443, and random high ports, to remote peers. */
    int otherUdp(int vlan, int a, SplittableRandom r, int ipId) {
        int kind = r.nextInt(10);
        int port = kind < 3 ? 123 : kind < 8 ? 443 : 10000 + r.nextInt(50000);
        int payload = kind < 3 ? 48 : kind < 8 ? 1200 + r.nextInt(150) : 100 + r.nextInt(1300);
        boolean out = r.nextBoolean();
        int remote = Hosts.remoteV4(r);
        int clientPort = port == 123 ? 123 : 32768 + r.nextInt(28000);
        int off = b.ethernet(out ? h.mac[0] : h.mac[a], out ? h.mac[a] : h.mac[0], vlan, 0x0800);
        off = out ? b.ipv4(off, h.ipv4[a], remote, 17, 64, ipId) : b.ipv4(off, remote, h.ipv4[a], 17, 57, ipId);
        int l4 = off;
        off = b.udp(off, out ? clientPort : port, out ? port : clientPort);
        off = b.fill(off, payload, r.nextInt());
        return b.finish(l4, off, 17, 6);
    }

    /** ICMP (RFC 792) or ICMPv6 (RFC 4443) echo request to a remote peer, or its reply; 56 data bytes. */
    int echo(int vlan, int a, boolean v6, boolean request, int id, int seq, int ipId) {
        int remoteV4 = Hosts.remoteV4At(id);
        int off = b.ethernet(request ? h.mac[0] : h.mac[a], request ? h.mac[a] : h.mac[0], vlan, v6 ? 0x86dd : 0x0800);
        int protocol = v6 ? 58 : 1;
        if (v6) {
            off = request ? b.ipv6(off, Hosts.V6_PREFIX, Hosts.v6Low(a), Hosts.V6_REMOTE, 1, 58, 64)
                    : b.ipv6(off, Hosts.V6_REMOTE, 1, Hosts.V6_PREFIX, Hosts.v6Low(a), 58, 57);
        } else {
            off = request ? b.ipv4(off, h.ipv4[a], remoteV4, 1, 64, ipId) : b.ipv4(off, remoteV4, h.ipv4[a], 1, 57, ipId);
        }
        int l4 = off;
        int type = v6 ? (request ? 128 : 129) : (request ? 8 : 0);
        off = b.echo(off, type, id, seq);
        off = b.fill(off, 56, seq);
        return b.finish(l4, off, protocol, 2);
    }

    /** RFC 4861 section 4.3: host {@code a} asks the solicited-node group who has {@code c}'s address. */
    int neighborSolicit(int vlan, int a, int c) {
        long target = Hosts.v6Low(c);
        int low24 = (int) (target & 0xff_ffff);
        int off = b.ethernet(0x3333_ff00_0000L | low24, h.mac[a], vlan, 0x86dd);
        off = b.ipv6(off, Hosts.V6_LINK_LOCAL, h.linkLocalLow(a), 0xff02_0000_0000_0000L,
                0x0000_0001_ff00_0000L | low24, 58, 255);
        int l4 = off;
        b.buf[off] = (byte) 135;
        b.buf[off + 1] = 0;
        b.put32(off + 4, 0);
        b.put64(off + 8, Hosts.V6_PREFIX);
        b.put64(off + 16, target);
        b.buf[off + 24] = 1;
        b.buf[off + 25] = 1;
        b.putMac(off + 26, h.mac[a]);
        return b.finish(l4, off + 32, 58, 2);
    }
}
