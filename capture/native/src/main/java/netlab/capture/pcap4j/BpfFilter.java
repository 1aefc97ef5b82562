package netlab.capture.pcap4j;

import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.live.PacketFilter;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A tcpdump filter expression compiled by libpcap (through Pcap4j 1.8.2) and applied to frames read
 * from files, so {@code -r file 'arp'} selects exactly what tcpdump would.
 *
 * <p>Compilation uses a "dead" handle ({@code pcap_open_dead} + {@code pcap_compile}) rather than
 * {@code pcap_compile_nopcap}, because only a handle gives libpcap's error text. The netmask is 0,
 * as tcpdump uses when reading a file, so {@code ip broadcast} means what it means in tcpdump -r. Matching
 * runs libpcap's {@code bpf_filter} on the captured bytes with the frame's original length as the wire
 * length. Not thread-safe: {@link #matches} reuses one copy buffer.
 */
public final class BpfFilter implements PacketFilter {
    /** tcpdump's netmask for offline files (it only looks the netmask up for live capture). */
    private static final Inet4Address OFFLINE_NETMASK = offlineNetmask();

    private final BpfProgram program;
    private final String expression;
    private byte[] scratch = new byte[2048];

    private BpfFilter(BpfProgram program, String expression) {
        this.program = program;
        this.expression = expression;
    }

    /**
     * Compiles {@code expression} (optimised) for frames of {@code linkType} captured with
     * {@code snapLength} (0 means libpcap's default 262144).
     */
    public static BpfFilter compile(String expression, LinkType linkType, int snapLength)
            throws FilterException, UnavailableException {
        int snap = snapLength > 0 ? snapLength : 262_144;
        NativeInit.configure();
        try {
            PcapHandle dead = Pcaps.openDead(DataLinkType.getInstance(linkType.value()), snap);
            try {
                return new BpfFilter(dead.compileFilter(expression, BpfCompileMode.OPTIMIZE, OFFLINE_NETMASK),
                        expression);
            } finally {
                dead.close();
            }
        } catch (PcapNativeException e) {
            throw new FilterException(e.getMessage());
        } catch (NotOpenException e) {
            throw new IllegalStateException("libpcap dead handle closed while compiling", e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            // JNA's message lists every path it tried, over several lines: keep the diagnosis to one line.
            throw new UnavailableException("libpcap cannot be loaded", e);
        }
    }

    /** True when the frame passes the filter. */
    @Override
    public boolean matches(Frame frame) {
        int caplen = frame.capturedLength();
        byte[] bytes;
        if (frame.offset() == 0) {
            bytes = frame.data();
        } else {
            if (scratch.length < caplen) {
                scratch = new byte[Math.max(caplen, scratch.length * 2)];
            }
            System.arraycopy(frame.data(), frame.offset(), scratch, 0, caplen);
            bytes = scratch;
        }
        int wirelen = Math.max(frame.originalLength(), caplen);
        return program.applyFilter(bytes, wirelen, caplen);
    }

    /** The expression as given. */
    @Override
    public String expression() {
        return expression;
    }

    /** Frees the compiled program; {@link #matches} then returns false. */
    @Override
    public void close() {
        program.free();
    }

    private static Inet4Address offlineNetmask() {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new AssertionError("four bytes are always an IPv4 address", e);
        }
    }
}
