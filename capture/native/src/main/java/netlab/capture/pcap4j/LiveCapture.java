package netlab.capture.pcap4j;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.sql.Timestamp;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.PcapStat;
import org.pcap4j.core.Pcaps;
import org.pcap4j.core.RawPacketListener;

/**
 * A live capture handle on one interface (Pcap4j 1.8.2 over libpcap), which can also send raw frames.
 *
 * <p>Frames are delivered from libpcap's {@code pcap_loop} callback ({@link #loop}); each frame wraps the
 * array Pcap4j copied the bytes into, without a second copy. Reading stops only through {@link #stop()}
 * (a flag plus {@code pcap_breakloop}, which libpcap 1.10 wakes from {@code poll} through an eventfd):
 * the packet buffer timeout is not a read timeout and a quiet link would otherwise block for ever
 * (libpcap#667). {@link #stop()} is safe from any thread, including signal handlers and the callback.
 */
public final class LiveCapture implements LiveHandle {
    private static final int PCAP_ERROR_NO_SUCH_DEVICE = -5;
    private static final int PCAP_ERROR_PERM_DENIED = -8;
    private static final int PCAP_ERROR_IFACE_NOT_UP = -9;
    private static final int PCAP_ERROR_PROMISC_PERM_DENIED = -11;

    private final PcapHandle handle;
    private final String device;
    private final LinkType linkType;
    private final int snapLength;
    private volatile boolean stopped;
    private Throwable failure;
    private Frame pending;

    private LiveCapture(PcapHandle handle, String device, int snapLength) {
        this.handle = handle;
        this.device = device;
        this.linkType = new LinkType(handle.getDlt().value());
        this.snapLength = snapLength;
    }

    /** Opens and activates the handle, then installs the filter, so no unfiltered frame is delivered. */
    public static LiveCapture open(LiveOptions o) throws LiveException {
        checkUp(o.device());
        NativeInit.configure();
        PcapHandle handle;
        try {
            PcapHandle.Builder b = new PcapHandle.Builder(o.device()).snaplen(o.snapLength())
                    .promiscuousMode(o.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(o.timeoutMillis()).bufferSize(o.bufferBytes())
                    .timestampPrecision(TimestampPrecision.NANO);
            if (o.immediate()) {
                b.immediateMode(true);
            }
            handle = b.build();
        } catch (PcapNativeException e) {
            throw classify(o.device(), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
            throw new LiveException(LiveException.Kind.NO_LIBPCAP, "libpcap cannot be loaded: " + NativeInit.explain(e), e);
        }
        LiveCapture c = new LiveCapture(handle, o.device(), o.snapLength());
        if (o.filter() != null) {
            c.setFilter(o.device(), o.filter());
        }
        return c;
    }

    private static void checkUp(String device) throws LiveException {
        try {
            NetworkInterface ni = NetworkInterface.getByName(device);
            if (ni != null && !ni.isUp()) {
                throw new LiveException(LiveException.Kind.INTERFACE_DOWN, device + ": interface is down");
            }
        } catch (SocketException e) {
            throw new LiveException(LiveException.Kind.FAILED, device + ": " + e.getMessage(), e);
        }
    }

    private void setFilter(String device, String expression) throws LiveException {
        try {
            handle.setFilter(expression, BpfCompileMode.OPTIMIZE, netmask(device));
        } catch (PcapNativeException e) {
            handle.close();
            throw new LiveException(LiveException.Kind.BAD_FILTER, e.getMessage(), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("handle closed while setting its filter", e);
        }
    }

    /** The interface's IPv4 netmask, as tcpdump passes it for {@code ip broadcast}; unknown without IPv4. */
    private static Inet4Address netmask(String device) {
        try {
            return Pcaps.lookupNet(device).getMask();
        } catch (PcapNativeException | RuntimeException e) {
            return PcapHandle.PCAP_NETMASK_UNKNOWN;
        }
    }

    static LiveException classify(String device, PcapNativeException e) {
        Integer rc = e.getReturnCode();
        String msg = e.getMessage() == null ? "" : e.getMessage();
        String text = device + ": " + msg;
        if (rc != null && (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED)
                || msg.contains("Operation not permitted") || msg.contains("permission")) {
            return new LiveException(LiveException.Kind.PERMISSION, text, e);
        }
        if (rc != null && rc == PCAP_ERROR_NO_SUCH_DEVICE || msg.contains("No such device")) {
            return new LiveException(LiveException.Kind.NO_SUCH_INTERFACE, text, e);
        }
        if (rc != null && rc == PCAP_ERROR_IFACE_NOT_UP) {
            return new LiveException(LiveException.Kind.INTERFACE_DOWN, device + ": interface is down", e);
        }
        return new LiveException(LiveException.Kind.FAILED, text, e);
    }

    /** {@inheritDoc} A handler's exception is caught here, as JNA would otherwise swallow it in the native callback. */
    @Override
    public void loop(FrameHandler handler) throws LiveException {
        RawPacketListener listener = bytes -> deliver(bytes, handler);
        while (!stopped) {
            try {
                handle.loop(-1, listener);
            } catch (InterruptedException e) {
                // pcap_breakloop: the while condition decides whether it was a stop.
            } catch (PcapNativeException e) {
                throw new LiveException(LiveException.Kind.FAILED, "capture failed: " + e.getMessage(), e);
            } catch (NotOpenException e) {
                return;
            }
        }
        rethrowFailure();
    }

    private void deliver(byte[] bytes, FrameHandler handler) {
        if (stopped) {
            return;
        }
        try {
            if (!handler.accept(frame(bytes))) {
                stop();
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            stop();
        }
    }

    private Frame frame(byte[] bytes) {
        Timestamp ts = handle.getTimestamp();
        long nanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
        Integer original = handle.getOriginalLength();
        return new Frame(bytes, 0, bytes.length, original == null ? bytes.length : original, nanos, linkType, 0);
    }

    private void rethrowFailure() {
        Throwable f = failure;
        failure = null;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    /** Ends {@link #loop} and {@link #next()} as soon as possible; idempotent and thread-safe. */
    @Override
    public void stop() {
        stopped = true;
        try {
            handle.breakLoop();
        } catch (NotOpenException e) {
            // Already closed: nothing left to wake.
        }
    }

    @Override
    public boolean isStopped() {
        return stopped;
    }

    /**
     * The next frame; blocks until one arrives, and returns null once {@link #stop()} was called (a live
     * source has no end of its own). The frame owns its array.
     */
    @Override
    public Frame next() throws IOException {
        pending = null;
        RawPacketListener listener = bytes -> pending = frame(bytes);
        while (pending == null && !stopped) {
            try {
                handle.dispatch(1, listener);
            } catch (InterruptedException e) {
                // Woken by stop(); the loop condition ends the wait.
            } catch (PcapNativeException e) {
                throw new IOException("capture failed: " + e.getMessage(), e);
            } catch (NotOpenException e) {
                return null;
            }
        }
        return pending;
    }

    /** Sends one frame (link-layer header included) out of the interface. */
    @Override
    public void send(byte[] frame, int length) throws LiveException {
        try {
            handle.sendPacket(frame, length);
        } catch (PcapNativeException e) {
            throw new LiveException(LiveException.Kind.FAILED, "send failed: " + e.getMessage(), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("send on a closed handle", e);
        }
    }

    /** libpcap's counters so far. */
    @Override
    public CaptureStats stats() throws LiveException {
        try {
            PcapStat s = handle.getStats();
            return new CaptureStats(s.getNumPacketsReceived(), s.getNumPacketsDropped(), s.getNumPacketsDroppedByIf());
        } catch (PcapNativeException e) {
            throw new LiveException(LiveException.Kind.FAILED, "statistics unavailable: " + e.getMessage(), e);
        } catch (NotOpenException e) {
            throw new IllegalStateException("statistics of a closed handle", e);
        }
    }

    /** The interface name. */
    @Override
    public String device() {
        return device;
    }

    @Override
    public LinkType linkType() {
        return linkType;
    }

    @Override
    public int snapLength() {
        return snapLength;
    }

    /** Stops any loop and frees the handle. */
    @Override
    public void close() {
        stop();
        handle.close();
    }
}
