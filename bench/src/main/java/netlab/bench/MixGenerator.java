package netlab.bench;

import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The realistic office-LAN mix: by frames about 71% IPv4 TCP, 9% IPv6, 8.6% DNS, 5% ARP (mostly
 * request/reply pairs), 4% other UDP, multicast/broadcast service discovery, ICMP echo pairs, STP;
 * 4% of events 802.1Q-tagged; 200 MACs; ~10,000 frames/s with exponential gaps. Same seed, same bytes.
 */
final class MixGenerator {
    /** 2024-01-01T00:00:00Z: a fixed start, so the files are byte-identical run to run. */
    static final long START_NANOS = 1_704_067_200L * 1_000_000_000L;
    private static final double MEAN_GAP_MICROS = 100;
    private static final int HOSTS = 199;
    private static final int[] VLANS = {10, 20, 30};

    private enum Kind { ARP_PAIR, ARP_UNANSWERED, ARP_GRATUITOUS, DNS4, DNS6, PING4, PING6, NS6, MDNS4, MDNS6,
        SSDP, NETBIOS, DHCP, STP, UDP4, TCP6, TCP4 }

    /** Share of frames per kind, in percent (pairs count both frames); TCP4 takes the rest. */
    private static final double[] FRAME_SHARE = {4.6, 0.3, 0.1, 7.0, 1.6, 1.2, 0.4, 1.0, 1.0, 0.4,
        0.8, 0.4, 0.1, 0.3, 4.0, 5.6, 0};
    private static final int[] FRAMES_PER_EVENT = {2, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private final SplittableRandom r;
    private final FrameBuilder b;
    private final Hosts hosts;
    private final DnsWriter dns;
    private final TcpFrames tcp;
    private final double[] eventCdf;
    private final FrameOut out;
    private long clock = START_NANOS;
    private int ipId;

    MixGenerator(long seed, FrameOut out) {
        this.r = new SplittableRandom(seed);
        this.b = new FrameBuilder(seed);
        this.hosts = new Hosts(HOSTS + 1, r.split());
        this.dns = new DnsWriter(b);
        this.tcp = new TcpFrames(b, hosts);
        this.out = out;
        this.eventCdf = eventCdf();
    }

    /** Event probabilities from frame shares: an event of two frames is drawn half as often. */
    private static double[] eventCdf() {
        double rest = 100;
        for (double s : FRAME_SHARE) {
            rest -= s;
        }
        double[] w = new double[FRAME_SHARE.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = (i == Kind.TCP4.ordinal() ? rest : FRAME_SHARE[i]) / FRAMES_PER_EVENT[i];
            total += w[i];
        }
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i] / total;
            w[i] = acc;
        }
        return w;
    }

    /** Writes exactly {@code frames} frames. */
    void generate(long frames) throws IOException {
        long written = 0;
        while (written < frames) {
            Kind k = pick();
            boolean second = FRAMES_PER_EVENT[k.ordinal()] == 2 && written + 1 < frames;
            int vlan = k != Kind.STP && r.nextInt(100) < 4 ? VLANS[r.nextInt(VLANS.length)] : -1;
            event(k, vlan, second);
            written += second ? 2 : 1;
        }
    }

    private Kind pick() {
        double u = r.nextDouble();
        for (int i = 0; i < eventCdf.length - 1; i++) {
            if (u < eventCdf[i]) {
                return Kind.values()[i];
            }
        }
        return Kind.TCP4;
    }

    private void event(Kind k, int vlan, boolean second) throws IOException {
        int a = hosts.pickLocal(r);
        int c = hosts.pickLocal(r);
        switch (k) {
            case ARP_PAIR -> arpPair(vlan, a, c, second);
            case ARP_UNANSWERED -> arp(vlan, 1, FrameBuilder.BROADCAST, a, 0, hosts.ipv4[HOSTS] + 1 + r.nextInt(200));
            case ARP_GRATUITOUS -> arp(vlan, 1, FrameBuilder.BROADCAST, a, 0, hosts.ipv4[a]);
            case DNS4, DNS6 -> dnsPair(vlan, a, k == Kind.DNS6, second);
            case PING4, PING6 -> pingPair(vlan, a, k == Kind.PING6, second);
            case NS6 -> emit(tcp.neighborSolicit(vlan, a, c));
            case MDNS4, MDNS6 -> emit(dns.mdns(vlan, hosts, a, k == Kind.MDNS6, r));
            case SSDP -> emit(ssdp(vlan, a));
            case NETBIOS -> emit(broadcastUdp(vlan, a, 137, 50));
            case DHCP -> emit(broadcastUdp(vlan, a, 67, 300));
            case STP -> emit(stp());
            case UDP4 -> emit(tcp.otherUdp(vlan, a, r, ipId++));
            case TCP6 -> emit(tcp.segment(vlan, a, c, true, r, ipId++));
            case TCP4 -> emit(tcp.segment(vlan, a, c, false, r, ipId++));
        }
    }

    private void emit(int length) throws IOException {
        double gap = -Math.log(1 - r.nextDouble()) * MEAN_GAP_MICROS;
        clock += Math.max(1, (long) gap) * 1000;
        out.write(b.buf, length, clock);
    }

    /** The answer to a request comes a few hundred microseconds later. */
    private void emitReply(int length) throws IOException {
        clock += (20 + r.nextInt(800)) * 1000L;
        out.write(b.buf, length, clock);
    }

    private void arpPair(int vlan, int a, int c, boolean second) throws IOException {
        arp(vlan, 1, FrameBuilder.BROADCAST, a, 0, hosts.ipv4[c]);
        if (second) {
            int off = b.ethernet(hosts.mac[a], hosts.mac[c], vlan, 0x0806);
            b.arp(off, 2, hosts.mac[c], hosts.ipv4[c], hosts.mac[a], hosts.ipv4[a]);
            emitReply(b.pad(off + 28));
        }
    }

    private void arp(int vlan, int opcode, long dst, int a, long targetMac, int targetIp) throws IOException {
        int off = b.ethernet(dst, hosts.mac[a], vlan, 0x0806);
        b.arp(off, opcode, hosts.mac[a], hosts.ipv4[a], targetMac, targetIp);
        emit(b.pad(off + 28));
    }

    private void dnsPair(int vlan, int a, boolean v6, boolean second) throws IOException {
        int name = r.nextInt(DnsWriter.NAMES);
        int id = r.nextInt(65536);
        int port = 1024 + r.nextInt(60000);
        emit(dns.query(vlan, hosts, a, v6, name, id, port, ipId++));
        if (second) {
            emitReply(dns.response(vlan, hosts, a, v6, name, id, port, ipId++, r.nextInt()));
        }
    }

    private void pingPair(int vlan, int a, boolean v6, boolean second) throws IOException {
        int id = r.nextInt(65536);
        int seq = r.nextInt(65536);
        emit(tcp.echo(vlan, a, v6, true, id, seq, ipId++));
        if (second) {
            emitReply(tcp.echo(vlan, a, v6, false, id, seq, ipId++));
        }
    }

    /** SSDP M-SEARCH to 239.255.255.250:1900 (UPnP device architecture 1.1, section 1.3.2). */
    private int ssdp(int vlan, int a) {
        int off = b.ethernet(0x0100_5e7f_fffaL, hosts.mac[a], vlan, 0x0800);
        off = b.ipv4(off, hosts.ipv4[a], Hosts.ip(239, 255, 255, 250), 17, 4, ipId++);
        int l4 = off;
        off = b.udp(off, 50000 + r.nextInt(10000), 1900);
        off = b.text(off, "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
                + "MX: 1\r\nST: ssdp:all\r\n\r\n");
        return b.finish(l4, off, 17, 6);
    }

    private int broadcastUdp(int vlan, int a, int port, int payload) {
        int off = b.ethernet(FrameBuilder.BROADCAST, hosts.mac[a], vlan, 0x0800);
        boolean dhcp = port == 67;
        off = b.ipv4(off, dhcp ? 0 : hosts.ipv4[a], dhcp ? -1 : Hosts.LAN_BROADCAST, 17, 64, ipId++);
        int l4 = off;
        off = b.udp(off, dhcp ? 68 : port, port);
        off = b.fill(off, payload, r.nextInt());
        return b.finish(l4, off, 17, 6);
    }

    /** IEEE 802.1D configuration BPDU from the gateway's switch port, over 802.3 + LLC. */
    private int stp() {
        b.putMac(0, 0x0180_c200_0000L);
        b.putMac(6, hosts.mac[0] + 1);
        b.put16(12, 38);
        b.buf[14] = 0x42;
        b.buf[15] = 0x42;
        b.buf[16] = 3;
        b.fill(17, 35, 0);
        b.put16(17, 0);
        b.buf[19] = 0;
        b.buf[20] = 0;
        return b.pad(52);
    }
}
